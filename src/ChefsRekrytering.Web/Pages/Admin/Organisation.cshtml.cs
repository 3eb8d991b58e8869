using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class OrganisationModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, string Namn, string Typ, int Djup, string? Chef, string? NarmastHogreChef, int Anstallda);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public List<SelectListItem> EnhetsVal { get; private set; } = [];
    public List<SelectListItem> PersonVal { get; private set; } = [];
    public List<SelectListItem> Typer { get; } = Enum.GetValues<EnhetTyp>()
        .Select(t => new SelectListItem(TypNamn(t), t.ToString())).ToList();

    [BindProperty] public UnitInput NyEnhet { get; set; } = new();
    [BindProperty] public ChefInput Chefsbyte { get; set; } = new();
    [BindProperty] public PersonInput NyPerson { get; set; } = new();

    public sealed class UnitInput
    {
        [Required, StringLength(200), Display(Name = "enhetens namn")] public string Namn { get; set; } = "";
        public EnhetTyp Typ { get; set; } = EnhetTyp.Enhet;
        public int? OverordnadId { get; set; }
        public int? ChefId { get; set; }
    }

    public sealed class ChefInput
    {
        [Required, Display(Name = "enhet")] public int? EnhetId { get; set; }
        public int? ChefId { get; set; }
    }

    public sealed class PersonInput
    {
        [Required, StringLength(100), Display(Name = "förnamn")] public string Fornamn { get; set; } = "";
        [Required, StringLength(100), Display(Name = "efternamn")] public string Efternamn { get; set; } = "";
        [Required, EmailAddress, StringLength(256), Display(Name = "e-post")] public string Epost { get; set; } = "";
        [StringLength(200), Display(Name = "titel")] public string? Titel { get; set; }
        [Required, Display(Name = "enhet")] public int? EnhetId { get; set; }
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostEnhetAsync()
    {
        ModelState.ValidateOnly(nameof(NyEnhet));
        await CheckExistsAsync(nameof(NyEnhet), NyEnhet.OverordnadId, NyEnhet.ChefId);
        if (!ModelState.IsValid) return await PageAsync();
        db.Enheter.Add(new Enhet { KommunId = "", Namn = NyEnhet.Namn.Trim(), Typ = NyEnhet.Typ, OverordnadId = NyEnhet.OverordnadId, ChefId = NyEnhet.ChefId });
        await db.SaveChangesAsync();
        TempData["Meddelande"] = $"Enheten {NyEnhet.Namn.Trim()} är tillagd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChefAsync()
    {
        ModelState.ValidateOnly(nameof(Chefsbyte));
        var unit = Chefsbyte.EnhetId is int id ? await db.Enheter.FirstOrDefaultAsync(e => e.Id == id) : null;
        if (Chefsbyte.EnhetId is not null && unit is null) ModelState.AddModelError("Chefsbyte.EnhetId", "Enheten finns inte.");
        await CheckExistsAsync(nameof(Chefsbyte), null, Chefsbyte.ChefId);
        if (!ModelState.IsValid || unit is null) return await PageAsync();
        unit.ChefId = Chefsbyte.ChefId;
        await db.SaveChangesAsync();
        TempData["Meddelande"] = $"Chefen för {unit.Namn} är sparad.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPersonAsync()
    {
        ModelState.ValidateOnly(nameof(NyPerson));
        await CheckExistsAsync(nameof(NyPerson), NyPerson.EnhetId, null);
        var email = NyPerson.Epost.Trim().ToLowerInvariant();
        if (await db.Personer.AnyAsync(p => p.Epost == email))
            ModelState.AddModelError("NyPerson.Epost", "Det finns redan en anställd med den e-postadressen.");
        if (!ModelState.IsValid) return await PageAsync();
        db.Personer.Add(new Person
        {
            KommunId = "", Fornamn = NyPerson.Fornamn.Trim(), Efternamn = NyPerson.Efternamn.Trim(),
            Epost = email, Titel = NyPerson.Titel?.Trim(), EnhetId = NyPerson.EnhetId,
        });
        await db.SaveChangesAsync();
        TempData["Meddelande"] = $"{NyPerson.Fornamn.Trim()} {NyPerson.Efternamn.Trim()} är tillagd.";
        return RedirectToPage();
    }

    /// <summary>Ids from the form must name units and people of the user's own municipality.</summary>
    private async Task CheckExistsAsync(string prefix, int? unitId, int? personId)
    {
        if (unitId is int u && !await db.Enheter.AnyAsync(e => e.Id == u))
            ModelState.AddModelError(prefix, "Enheten finns inte.");
        if (personId is int p && !await db.Personer.AnyAsync(x => x.Id == p))
            ModelState.AddModelError(prefix, "Personen finns inte.");
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var units = await db.Enheter.AsNoTracking().ToListAsync();
        var people = await db.Personer.AsNoTracking().OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync();
        var org = new OrgChart(units, people.Select(p => (p.Id, p.EnhetId)));
        var names = people.ToDictionary(p => p.Id, p => p.Namn);
        Rows = org.InTreeOrder().Select(x =>
        {
            var above = x.Unit.ChefId is int c ? org.ChefFor(c) : null;
            return new Row(x.Unit.Id, x.Unit.Namn, TypNamn(x.Unit.Typ), x.Depth,
                x.Unit.ChefId is int chef ? names.GetValueOrDefault(chef) : null,
                above is int a ? names.GetValueOrDefault(a) : null,
                people.Count(p => p.EnhetId == x.Unit.Id));
        }).ToList();
        EnhetsVal = OrgChartOptions.Units(org);
        PersonVal = people.Select(p => new SelectListItem($"{p.Namn}{(p.Titel is null ? "" : $", {p.Titel}")}", p.Id.ToString())).ToList();
    }

    private static string TypNamn(EnhetTyp t) => t switch
    {
        EnhetTyp.Kommunledning => "Kommunledning",
        EnhetTyp.Forvaltning => "Förvaltning",
        EnhetTyp.Avdelning => "Avdelning",
        _ => "Enhet",
    };
}
