using ChefsRekrytering.Organisation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class OrganisationModel(OrganisationService organisation) : PageModel
{
    public sealed record Rad(int Id, string Namn, string Typ, int Djup, string? Chef, string? NarmastHogreChef, int Anstallda);

    public IReadOnlyList<Rad> Rader { get; private set; } = [];
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
        [Display(Name = "typ av enhet")] public EnhetTyp Typ { get; set; } = EnhetTyp.Enhet;
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

    public Task<IActionResult> OnPostEnhetAsync() => CallAsync(nameof(NyEnhet), () => organisation.LaggTillEnhetAsync(
        new(NyEnhet.Namn, NyEnhet.Typ, NyEnhet.OverordnadId, NyEnhet.ChefId), User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostChefAsync() => CallAsync(nameof(Chefsbyte), () => organisation.ByttChefAsync(
        Chefsbyte.EnhetId!.Value, Chefsbyte.ChefId, User, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostPersonAsync() => CallAsync(nameof(NyPerson), () => organisation.LaggTillPersonAsync(
        new(NyPerson.Fornamn, NyPerson.Efternamn, NyPerson.Epost, NyPerson.Titel, NyPerson.EnhetId!.Value), User, HttpContext.RequestAborted));

    /// <summary>See <see cref="OrganisationService.MarkeraSomSlutatAsync"/>.</summary>
    public Task<IActionResult> OnPostAvslutAsync() => CallAsync(nameof(Avslut), () => organisation.MarkeraSomSlutatAsync(
        Avslut.PersonId!.Value, User, HttpContext.RequestAborted));

    /// <summary>Each form posts only its own fields; the command runs when they are valid, and its reasons show otherwise.</summary>
    private async Task<IActionResult> CallAsync(string form, Func<Task<Workflows.CommandResult>> command)
    {
        ModelState.ValidateOnly(form);
        return ModelState.IsValid ? await this.AnswerAsync(await command(), LoadAsync, reasonKey: form) : await PageAsync();
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (await organisation.LasAsync(User, HttpContext.RequestAborted) is not var (units, people)) return;
        var org = new OrgChart(units, people.Select(p => (p.Id, p.EnhetId)));
        var names = people.ToDictionary(p => p.Id, p => p.Namn);
        Rader = org.InTreeOrder().Select(x =>
        {
            var above = x.Unit.ChefId is int c ? org.ChefFor(c) : null;
            return new Rad(x.Unit.Id, x.Unit.Namn, TypNamn(x.Unit.Typ), x.Depth,
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
