using ChefsRekrytering.Granskning;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Uppdragskontrakt;

using Uppdragskontrakt = ChefsRekrytering.Ledarskap.Uppdragskontrakt; // the type, which the namespace Pages.Uppdragskontrakt would hide

/// <summary>
/// A manager's uppdragskontrakt: the version in force with its yearly re-assessment, the draft each side confirms, the
/// form that writes the draft from the policy, and the earlier versions. Seen only by the parties and HR.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Uppdragskontrakt, "personId", "Uppdragskontraktet")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(UppdragskontraktService service) : PageModel
{
    public KontraktDetaljer Detaljer { get; private set; } = null!;

    /// <summary>The concurrency version of the record the posted form acts on (empty: no draft existed).</summary>
    [BindProperty] public Guid Version { get; set; }
    private KontraktInput? _kontrakt;
    private OmprovningInput? _omprovning;
    /// <summary>The draft form: what was posted, else the draft or the version in force to start from.</summary>
    public KontraktInput Kontrakt { get => _kontrakt ??= KontraktInput.From(Detaljer.Utkast ?? Detaljer.Gallande); set => _kontrakt = value; }
    public OmprovningInput Omprovning { get => _omprovning ??= new() { Datum = Detaljer.Idag }; set => _omprovning = value; }

    public sealed class KontraktInput
    {
        [Required, StringLength(4000), Display(Name = "ansvar"), DataType(DataType.MultilineText)] public string Ansvar { get; set; } = "";
        [Required, StringLength(4000), Display(Name = "åtaganden"), DataType(DataType.MultilineText)] public string Ataganden { get; set; } = "";
        [Required, StringLength(4000), Display(Name = "krav på resultat"), DataType(DataType.MultilineText)] public string Resultatkrav { get; set; } = "";
        [StringLength(4000), Display(Name = "hur arbetsgivaren möter förväntningarna"), DataType(DataType.MultilineText)] public string? ForvantningarKommentar { get; set; }
        [StringLength(200), Display(Name = "uppdragsgivare")] public string? Uppdragsgivare { get; set; }
        public List<string> KravIds { get; set; } = [];

        public static KontraktInput From(Uppdragskontrakt? k) => k is null ? new() : new()
        {
            Ansvar = k.Ansvar, Ataganden = k.Ataganden, Resultatkrav = k.Resultatkrav, ForvantningarKommentar = k.ForvantningarKommentar,
            Uppdragsgivare = k.UppdragsgivarePersonId is null ? k.UppdragsgivareNamn : null, KravIds = KontraktInnehall.Of(k).KravIds.ToList(),
        };

        public KontraktInnehall Innehall() =>
            new(Ansvar.Trim(), Ataganden.Trim(), Resultatkrav.Trim(), string.IsNullOrWhiteSpace(ForvantningarKommentar) ? null : ForvantningarKommentar.Trim(), KravIds);
    }

    public sealed class OmprovningInput
    {
        [Required, Display(Name = "datum för omprövningen")] public DateOnly? Datum { get; set; }
        [Required, StringLength(4000), Display(Name = "anteckning från omprövningen"), DataType(DataType.MultilineText)] public string Anteckning { get; set; } = "";
        [Required, Display(Name = "utfall")] public OmprovningsUtfall? Utfall { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSparaAsync(int personId, [Bind(Prefix = nameof(Kontrakt))] KontraktInput input, CancellationToken ct)
    {
        Kontrakt = input;
        return AnswerAsync(personId, () => service.SparaUtkastAsync(personId, Version, input.Innehall(), input.Uppdragsgivare, User, ct), ct);
    }

    public Task<IActionResult> OnPostBekraftaAsync(int personId, KontraktSida sida, CancellationToken ct) =>
        AnswerAsync(personId, () => service.BekraftaAsync(personId, Version, sida, User, ct), ct);

    public Task<IActionResult> OnPostOmprovningAsync(int personId, [Bind(Prefix = nameof(Omprovning))] OmprovningInput input, CancellationToken ct)
    {
        Omprovning = input;
        return AnswerAsync(personId, () => service.RegistreraOmprovningAsync(personId, Version, new(input.Datum!.Value, input.Anteckning, input.Utfall!.Value), User, ct), ct);
    }

    /// <summary>Invalid input is shown beside its fields without calling the command; otherwise the command's answer.</summary>
    private async Task<IActionResult> AnswerAsync(int personId, Func<Task<CommandResult>> command, CancellationToken ct)
    {
        ModelState.Remove(nameof(Version)); // a version that is no version is an old one: the command answers it as changed meanwhile
        if (ModelState.IsValid) return await this.AnswerAsync(await command(), () => LoadAsync(personId, ct));
        return await LoadAsync(personId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        if (await service.DetaljerAsync(personId, User, ct) is not { } detaljer) return false;
        Detaljer = detaljer;
        return true;
    }
}
