using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class OrganisationModel(AppDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Row(int Id, string Namn, string Typ, int Djup, string? Chef, string? NarmastHogreChef, int Anstallda);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public List<SelectListItem> EnhetsVal { get; private set; } = [];
    /// <summary>Everyone still employed: the choices for a unit's chef and for "har slutat".</summary>
    public List<SelectListItem> PersonVal { get; private set; } = [];
    public List<SelectListItem> Typer { get; } = Enum.GetValues<EnhetTyp>()
        .Select(t => new SelectListItem(TypNamn(t), t.ToString())).ToList();

    [BindProperty] public UnitInput NyEnhet { get; set; } = new();
    [BindProperty] public ChefInput Chefsbyte { get; set; } = new();
    [BindProperty] public PersonInput NyPerson { get; set; } = new();
    [BindProperty] public AvslutInput Avslut { get; set; } = new();

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

    public sealed class AvslutInput
    {
        [Required, Display(Name = "anställd")] public int? PersonId { get; set; }
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

    /// <summary>
    /// An employee who has left: no longer invited to Årets chef nor counted in its participation, no longer offered as a
    /// unit's chef, and their account (if any) can no longer sign in; a session already open ends at its next security
    /// check. The person and their records stay: gallring and register extracts decide about those.
    /// </summary>
    public async Task<IActionResult> OnPostAvslutAsync()
    {
        ModelState.ValidateOnly(nameof(Avslut));
        var person = Avslut.PersonId is int id ? await db.Personer.FirstOrDefaultAsync(p => p.Id == id) : null;
        if (Avslut.PersonId is not null && person is null) ModelState.AddModelError("Avslut.PersonId", "Personen finns inte.");
        else if (person is { Aktiv: false }) ModelState.AddModelError("Avslut.PersonId", $"{person.Namn} är redan markerad som slutad.");
        else if (person is not null && person.Id == User.PersonId()) ModelState.AddModelError("Avslut.PersonId", "Du kan inte markera dig själv som slutad.");
        else if (person is not null && await db.Enheter.Where(e => e.ChefId == person.Id).Select(e => e.Namn).ToListAsync() is { Count: > 0 } leder)
            ModelState.AddModelError("Avslut.PersonId", $"{person.Namn} är chef för {string.Join(", ", leder)}. Välj en ny chef, eller vakant, för enheten först.");
        if (!ModelState.IsValid || person is null) return await PageAsync();

        person.Aktiv = false;
        await db.SaveChangesAsync();
        foreach (var user in await users.Users.Where(u => u.PersonId == person.Id).ToListAsync())
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }
        TempData["Meddelande"] = $"{person.Namn} är markerad som slutad och kan inte längre logga in.";
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
                people.Count(p => p.EnhetId == x.Unit.Id && p.Aktiv));
        }).ToList();
        EnhetsVal = OrgChartOptions.Units(org);
        PersonVal = people.Where(p => p.Aktiv).Select(p => new SelectListItem($"{p.Namn}{(p.Titel is null ? "" : $", {p.Titel}")}", p.Id.ToString())).ToList();
    }

    private static string TypNamn(EnhetTyp t) => t switch
    {
        EnhetTyp.Kommunledning => "Kommunledning",
        EnhetTyp.Forvaltning => "Förvaltning",
        EnhetTyp.Avdelning => "Avdelning",
        _ => "Enhet",
    };
}
