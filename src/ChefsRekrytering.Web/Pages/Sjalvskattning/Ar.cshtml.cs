using ChefsRekrytering.Granskning;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Sjalvskattning;

/// <summary>
/// One year's self-assessment: the manager rates each policy requirement, with the previous assessment beside it, and
/// hands it in; the närmast högre chef or HR records the talk. Seen only by the parties and HR.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Sjalvskattning, "personId", "Självskattning {ar}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ArModel(SjalvskattningService service) : PageModel
{
    public SjalvskattningDetaljer Detaljer { get; private set; } = null!;
    /// <summary>What the form last posted, by requirement: shown again when handing in was refused, though nothing was saved.</summary>
    public IReadOnlyDictionary<string, RadInput> Postat { get; private set; } = new Dictionary<string, RadInput>();
    /// <summary>Requirements left unrated when the manager tried to hand in; marked beside each.</summary>
    public HashSet<string> Saknas { get; } = [];

    [BindProperty] public Guid Version { get; set; }

    public sealed class RadInput
    {
        public string KravId { get; set; } = "";
        public Betyg? Betyg { get; set; }
        [StringLength(SjalvskattningRad.KommentarMaxLangd), Display(Name = "kommentar"), DataType(DataType.MultilineText)] public string? Kommentar { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int personId, int ar, CancellationToken ct) =>
        await LoadAsync(personId, ar, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSparaAsync(int personId, int ar, [Bind(Prefix = "Rader")] List<RadInput> rader, CancellationToken ct) =>
        AnswerAsync(personId, ar, rader, () => service.SparaUtkastAsync(personId, ar, Version, Skattningar(rader), User, ct), ct);

    public async Task<IActionResult> OnPostLamnaInAsync(int personId, int ar, [Bind(Prefix = "Rader")] List<RadInput> rader, CancellationToken ct)
    {
        var answer = await AnswerAsync(personId, ar, rader, () => service.LamnaInAsync(personId, ar, Version, Skattningar(rader), User, ct), ct);
        if (answer is PageResult) Saknas.UnionWith(rader.Where(r => r.Betyg is null).Select(r => r.KravId));
        return answer;
    }

    public Task<IActionResult> OnPostAteroppnaAsync(int personId, int ar, CancellationToken ct) =>
        AnswerAsync(personId, ar, [], () => service.AteroppnaAsync(personId, ar, Version, User, ct), ct);

    public Task<IActionResult> OnPostDiskuteraAsync(int personId, int ar, [DataType(DataType.MultilineText)] string? kommentar, CancellationToken ct) =>
        AnswerAsync(personId, ar, [], () => service.RegistreraSamtaletAsync(personId, ar, Version, kommentar, User, ct), ct);

    /// <summary>The command's answer, with what was posted shown again when it was refused.</summary>
    private Task<IActionResult> AnswerAsync(int personId, int ar, List<RadInput> rader, Func<Task<CommandResult>> command, CancellationToken ct)
    {
        Postat = rader.GroupBy(r => r.KravId).ToDictionary(g => g.Key, g => g.Last());
        return this.AnswerFormAsync(command, () => LoadAsync(personId, ar, ct));
    }

    private static List<Skattning> Skattningar(List<RadInput> rader) => rader.Select(r => new Skattning(r.KravId, r.Betyg, r.Kommentar)).ToList();

    private async Task<bool> LoadAsync(int personId, int ar, CancellationToken ct)
    {
        if (await service.SjalvskattningAsync(personId, ar, User, ct) is not { } detaljer) return false;
        Detaljer = detaljer;
        Version = detaljer.Skattning?.Version ?? Guid.Empty;
        return true;
    }
}
