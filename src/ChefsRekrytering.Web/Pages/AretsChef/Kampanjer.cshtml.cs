using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Web.Pages.Ledarskap;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>HR plans each year's campaign: its dates, which the scheduler opens and closes it on, and its settings.</summary>
[Authorize(Policy = Behorighet.HR)]
public class KampanjerModel(AppDbContext db, AretsChefService service) : PageModel
{
    public IReadOnlyList<(Kampanj Kampanj, int Nomineringar)> Kampanjer { get; private set; } = [];
    public KampanjInput Ny { get; private set; } = new();
    /// <summary>The year whose change form was posted and refused, to show its errors beside it.</summary>
    public int? FelAr { get; private set; }

    public sealed class KampanjInput
    {
        public int Ar { get; set; }
        [Display(Name = "dagen nomineringen öppnar")] public DateOnly? Oppnar { get; set; }
        [Display(Name = "sista dagen att nominera")] public DateOnly? SistaDag { get; set; }
        public bool JurynSerNominatorer { get; set; }
        public bool Offentlig { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var ar = service.Today.Year;
        while (Kampanjer.Any(k => k.Kampanj.Ar == ar)) ar++;
        Ny = new KampanjInput { Ar = ar, Oppnar = service.Today.AddDays(7), SistaDag = service.Today.AddDays(28) };
    }

    public async Task<IActionResult> OnPostNyAsync([Bind(Prefix = nameof(Ny))] KampanjInput input, CancellationToken ct)
    {
        Ny = input;
        // A date outside any sensible range (SensibleDates) is refused before the campaign's own rules reckon with it.
        if (!ModelState.IsValid) return await RefuseAsync([], null, ct);
        var fel = Check(input);
        if (input.Ar is < 2000 or > 2100) fel.Insert(0, "Ange ett år mellan 2000 och 2100.");
        else if (await db.Set<Kampanj>().AnyAsync(k => k.Ar == input.Ar, ct)) fel.Insert(0, $"Det finns redan en kampanj för {input.Ar}.");
        if (fel.Count > 0) return await RefuseAsync(fel, null, ct);
        service.Create(input.Ar, input.Oppnar!.Value, input.SistaDag!.Value, input.JurynSerNominatorer, input.Offentlig);
        // Two HR people creating the same year at once: the unique index refuses the second.
        if (!await db.SaveIfUnchangedAsync(null, Guid.Empty)) return await RefuseAsync([$"Det finns redan en kampanj för {input.Ar}."], null, ct);
        return this.Done("/arets-chef/kampanjer", $"Kampanjen för {input.Ar} är skapad. Nomineringen öppnar {input.Oppnar:d MMMM} och alla anställda får en inbjudan då.");
    }

    public async Task<IActionResult> OnPostAndraAsync(int ar, Guid version, [Bind(Prefix = "Andra")] KampanjInput input, CancellationToken ct)
    {
        if (await service.LoadAsync(ar, ct) is not { } k) return NotFound();
        if (version != k.Version) return await RefuseAsync([VersionedSave.Conflict], ar, ct);
        if (k.State == S.Tillkannagiven) return await RefuseAsync(["Ett tillkännagivet år ändras inte."], ar, ct);
        if (!ModelState.IsValid) return await RefuseAsync([], ar, ct);
        var fel = Check(input, k);
        if (fel.Count > 0) return await RefuseAsync(fel, ar, ct);
        await service.FlyttaDatumAsync(k, input.Oppnar!.Value, input.SistaDag!.Value, ct);
        // What a nominator was told about the jury when nominating must stay true: the setting is fixed once open.
        if (k.State == S.Planerad) k.JurynSerNominatorer = input.JurynSerNominatorer;
        k.Offentlig = input.Offentlig;
        return await this.SaveIfUnchangedAsync(db, k, version,
            this.Done("/arets-chef/kampanjer", $"Kampanjen för {ar} är ändrad."), () => LoadAsync(ct));
    }

    /// <summary>
    /// The dates of a new campaign, or of a change: the nomination opens between today and two years ahead, and closes
    /// after it opens and within six months.
    /// A date that can no longer move (the opening of an open campaign) keeps its value whatever was posted.
    /// </summary>
    private List<string> Check(KampanjInput input, Kampanj? befintlig = null)
    {
        var fel = new List<string>();
        if (befintlig is not null && befintlig.State != S.Planerad) input.Oppnar = befintlig.Oppnar;
        if (befintlig is not null && befintlig.State > S.NomineringOppen) input.SistaDag = befintlig.SistaDag;
        bool Moved(DateOnly? posted, DateOnly? stored) => befintlig is null || posted != stored;
        if (input.Oppnar is null) fel.Add("Ange dagen nomineringen öppnar.");
        else if (input.Oppnar < service.Today && Moved(input.Oppnar, befintlig?.Oppnar)) fel.Add("Nomineringen kan inte öppna före i dag.");
        else if (input.Oppnar > service.Today.AddYears(2)) fel.Add("Nomineringen kan öppna högst två år fram i tiden.");
        if (input.SistaDag is null) fel.Add("Ange nomineringens sista dag.");
        else if (input.SistaDag < input.Oppnar) fel.Add("Sista dagen kan inte ligga före öppningsdagen.");
        else if (input.SistaDag < service.Today && Moved(input.SistaDag, befintlig?.SistaDag)) fel.Add("Sista dagen kan inte ligga före i dag.");
        else if (input.Oppnar is { } oppnar && input.SistaDag > oppnar.AddMonths(6)) fel.Add("Nomineringen kan vara öppen högst sex månader.");
        return fel;
    }

    private async Task<IActionResult> RefuseAsync(IEnumerable<string> fel, int? ar, CancellationToken ct)
    {
        FelAr = ar;
        await LoadAsync(ct);
        return this.Refuse([.. fel]);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var counts = await db.Set<Nominering>().GroupBy(n => n.KampanjId).Select(g => new { g.Key, Antal = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Antal, ct);
        Kampanjer = (await db.Set<Kampanj>().AsNoTracking().OrderByDescending(k => k.Ar).ToListAsync(ct))
            .Select(k => (k, counts.GetValueOrDefault(k.Id))).ToList();
    }
}
