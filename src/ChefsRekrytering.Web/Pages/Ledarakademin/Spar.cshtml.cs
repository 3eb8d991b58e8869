using ChefsRekrytering.Granskning;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Ledarakademin;

/// <summary>
/// One manager's track: the four steps, the development activities with a form to record one, and the knowledge
/// transfer checklist when they are leaving. Seen by the manager, their närmast högre chef and HR (ChefAccess); for
/// everyone else, and for people who are not managers, the page does not exist (404).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Ledarakademin, "personId", "Spår och utvecklingsaktiviteter")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class SparModel(LedarakademinService service, AvgangssamtalService avgangssamtal) : PageModel
{
    public SparDetaljer Detaljer { get; private set; } = null!;
    /// <summary>The exit conversation, for the leaving manager and HR only; null for everyone else.</summary>
    public AvgangssamtalVy? Avgangssamtal { get; private set; }
    public List<SelectListItem> Orsaker { get; private set; } = [];
    public List<SelectListItem> Typer { get; private set; } = [];

    [BindProperty] public AktivitetInput Ny { get; set; } = new();
    [BindProperty] public StartInput Start { get; set; } = new();
    [BindProperty] public AvgangssamtalInput Avgang { get; set; } = new();

    public sealed class AktivitetInput
    {
        [Required, Display(Name = "typ av aktivitet")] public AktivitetTyp? Typ { get; set; }
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [StringLength(500), Display(Name = "beskrivning")] public string? Beskrivning { get; set; }
    }

    public sealed class StartInput
    {
        [Required, Display(Name = "sista dag")] public DateOnly? SistaDag { get; set; }
        [Required, StringLength(200), Display(Name = "anledning")] public string Anledning { get; set; } = "";
    }

    public sealed class AvgangssamtalInput
    {
        [Required, Display(Name = "skäl till att uppdraget avslutas")] public Avgangsorsak? Orsak { get; set; }
        [Required, Range(1, 5), Display(Name = "rekommendera kommunen som arbetsgivare")] public int? Rekommenderar { get; set; }
        [Required, Range(1, 5), Display(Name = "stöd från din närmaste chef")] public int? StodFranChef { get; set; }
        [Required, Range(1, 5), Display(Name = "ledarpolicyn i praktiken")] public int? PolicynIPraktiken { get; set; }
        [StringLength(AvgangssamtalService.TextMaxLangd), Display(Name = "det här fungerade bra"), DataType(DataType.MultilineText)] public string? Fungerade { get; set; }
        [StringLength(AvgangssamtalService.TextMaxLangd), Display(Name = "det här borde ändras"), DataType(DataType.MultilineText)] public string? BorAndras { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAktivitetAsync(int personId, CancellationToken ct) => AnswerAsync(personId, nameof(Ny), Ny, () =>
        service.RegistreraAktivitetAsync(personId, new NyAktivitet(Ny.Typ!.Value, Ny.Datum!.Value, Ny.Beskrivning), User, ct), ct);

    public async Task<IActionResult> OnPostTaBortAsync(int personId, int aktivitetId, CancellationToken ct) =>
        await this.AnswerAsync(await service.TaBortAktivitetAsync(personId, aktivitetId, User, ct), () => LoadAsync(personId, ct));

    public Task<IActionResult> OnPostStartaAsync(int personId, CancellationToken ct) => AnswerAsync(personId, nameof(Start), Start, () =>
        service.StartaKompetensvaxlingAsync(personId, Start.SistaDag!.Value, Start.Anledning, User, ct), ct);

    public Task<IActionResult> OnPostAvgangssamtalAsync(int personId, CancellationToken ct) => AnswerAsync(personId, nameof(Avgang), Avgang, () =>
        avgangssamtal.SparaAsync(personId, new AvgangssamtalSvar(Avgang.Orsak!.Value, Avgang.Rekommenderar!.Value, Avgang.StodFranChef!.Value,
            Avgang.PolicynIPraktiken!.Value, Avgang.Fungerade, Avgang.BorAndras), User, ct), ct);

    public async Task<IActionResult> OnPostPunktAsync(int personId, int punktId, bool klar, CancellationToken ct) =>
        await this.AnswerAsync(await service.MarkeraOverlamnatAsync(personId, punktId, klar, User, ct), () => LoadAsync(personId, ct));

    /// <summary>Each form posts only its own fields: they are checked (also when none came), then the command runs and its
    /// reasons show by the form.</summary>
    private async Task<IActionResult> AnswerAsync(int personId, string form, object input, Func<Task<CommandResult>> command, CancellationToken ct)
    {
        ModelState.ValidateOnly(form);
        if (!ModelState.Keys.Any(k => k.StartsWith(form + "."))) TryValidateModel(input, form);
        if (ModelState.IsValid) return await this.AnswerAsync(await command(), () => LoadAsync(personId, ct), reasonKey: form);
        return await LoadAsync(personId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        if (await service.SparAsync(personId, User, ct) is not { } detaljer) return false;
        Detaljer = detaljer;
        Avgangssamtal = await avgangssamtal.VisaAsync(personId, User, ct);
        if (Avgangssamtal?.Svar is { } svar && Request.Method == HttpMethods.Get)
            Avgang = new() { Orsak = svar.Orsak, Rekommenderar = svar.Rekommenderar, StodFranChef = svar.StodFranChef, PolicynIPraktiken = svar.PolicynIPraktiken,
                Fungerade = svar.Fungerade, BorAndras = svar.BorAndras };
        Orsaker = Enum.GetValues<Avgangsorsak>().Select(o => new SelectListItem(SwedishText.Of(o), o.ToString(), o == Avgang.Orsak)).ToList();
        Typer = detaljer.Registrerbara.Select(t => new SelectListItem(SwedishText.Of(t), t.ToString(), t == Ny.Typ)).ToList();
        return true;
    }
}
