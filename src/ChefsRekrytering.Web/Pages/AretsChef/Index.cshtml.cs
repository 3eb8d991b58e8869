using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>
/// Årets chef for every employee: nominate a manager while the nomination is open (and change the nomination until it
/// closes), else what comes next, and the latest announcement. The POST is the burst path: the open campaign and the
/// criteria from memory, one upsert with the confirmation mail.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(AppDbContext db, NomineringService nomineringar, AretsChefService kampanjer) : PageModel
{
    public const int MotiveringMaxLangd = 2000;

    public OppenKampanj? Oppen { get; private set; }
    /// <summary>A campaign whose nomination has not opened yet.</summary>
    public Kampanj? Kommande { get; private set; }
    /// <summary>A campaign whose nomination has closed and whose winner is not yet announced: the jury is at work.</summary>
    public Kampanj? Stangd { get; private set; }
    public Kampanj? Tillkannagiven { get; private set; }
    public Nominering? Min { get; private set; }
    public string? MinChef { get; private set; }
    public IReadOnlyList<Kriterium> Kriterier { get; private set; } = [];
    public IReadOnlyList<Chefsval> Chefer { get; private set; } = [];
    public bool KanNominera => User.PersonId() is not null;
    /// <summary>The refusals in the form's order.</summary>
    public List<string> Fel { get; } = [];

    public NomineringInput Nominering { get; private set; } = new();

    public sealed class NomineringInput
    {
        public int? ChefPersonId { get; set; }
        [DataType(DataType.MultilineText)] public Dictionary<string, string?> Motiveringar { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Min is not null)
            Nominering = new() { ChefPersonId = Min.ChefPersonId, Motiveringar = Min.Motiveringar.ToDictionary(m => m.KriteriumId, m => (string?)m.Text) };
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Nominering))] NomineringInput input, CancellationToken ct)
    {
        Nominering = input;
        var oppen = await nomineringar.OppenAsync(ct);
        if (oppen is null) return await RefuseAsync(ct, "Nomineringen är inte öppen.");
        if (User.PersonId() is not int me) return await RefuseAsync(ct, "Ditt konto är inte kopplat till en anställd, så du kan inte nominera.");

        var kriterier = kampanjer.Kriterier(User.KommunId()!);
        if (input.ChefPersonId is null) Fel.Add("Välj den chef du nominerar.");
        else if (input.ChefPersonId == me) Fel.Add("Du kan inte nominera dig själv.");
        foreach (var k in kriterier)
        {
            var text = Text(input, k.Id);
            if (k.Obligatorisk && text is null) Fel.Add($"Skriv en motivering för ”{k.Rubrik}”.");
            else if (text?.Length > MotiveringMaxLangd) Fel.Add($"Motiveringen för ”{k.Rubrik}” får vara högst {MotiveringMaxLangd} tecken.");
        }
        if (Fel.Count > 0) return await RefuseAsync(ct);

        var motiveringar = kriterier.Where(k => Text(input, k.Id) is not null).Select(k => new Motivering(k.Id, k.Rubrik, Text(input, k.Id)!)).ToList();
        var nominator = new Nominator(me, User.Namn(), User.FindFirstValue(ClaimTypes.Email) ?? User.Identity!.Name!);
        return await nomineringar.NomineraAsync(oppen, nominator, input.ChefPersonId!.Value, motiveringar, ct) switch
        {
            NomineringsUtfall.Sparad => Done($"Din nominering är sparad, och en bekräftelse är på väg till din e-post. Du kan ändra den till och med {oppen.SistaDag:d MMMM}."),
            NomineringsUtfall.Stangd => await RefuseAsync(ct, "Nomineringen har stängt."),
            NomineringsUtfall.SigSjalv => await RefuseAsync(ct, "Du kan inte nominera dig själv."),
            _ => await RefuseAsync(ct, "Den du valde leder ingen enhet i kommunen. Välj en chef i listan."),
        };
    }

    private static string? Text(NomineringInput input, string kriteriumId) =>
        input.Motiveringar.GetValueOrDefault(kriteriumId) is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;

    private IActionResult Done(string message)
    {
        TempData["Meddelande"] = message;
        return Redirect("/arets-chef");
    }

    private async Task<IActionResult> RefuseAsync(CancellationToken ct, params string[] reasons)
    {
        Fel.AddRange(reasons);
        foreach (var reason in Fel) ModelState.AddModelError("", reason);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var alla = await db.Set<Kampanj>().AsNoTracking().OrderByDescending(k => k.Ar).ToListAsync(ct);
        Tillkannagiven = alla.FirstOrDefault(k => k.State == KampanjTillstand.Tillkannagiven);
        Kommande = alla.FirstOrDefault(k => k.State == KampanjTillstand.Planerad);
        Stangd = alla.FirstOrDefault(k => k.State is KampanjTillstand.NomineringStangd or KampanjTillstand.Juryarbete or KampanjTillstand.Beslutad);
        var oppen = alla.FirstOrDefault(k => k.State == KampanjTillstand.NomineringOppen);
        Oppen = oppen is null ? null : new OppenKampanj(oppen.Id, oppen.Ar, oppen.SistaDag, oppen.JurynSerNominatorer);
        // One's own nomination stays readable after the close, until the announcement.
        var egen = oppen ?? Stangd;
        if (egen is not null && User.PersonId() is int me && await nomineringar.MinAsync(egen.Id, me, ct) is { } min)
        {
            Min = min;
            MinChef = await db.Personer.Where(p => p.Id == min.ChefPersonId).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync(ct);
        }
        if (Oppen is null) return;
        Kriterier = kampanjer.Kriterier(User.KommunId()!);
        Chefer = await nomineringar.ChefsvalAsync(User.PersonId(), ct);
    }
}
