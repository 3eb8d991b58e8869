using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>
/// The recruitment's screening: the questions every applicant answers on the application form, and whether the first
/// screening is anonymous. Written while the advert is written and locked once it is published
/// (<see cref="UrvalsfragaService"/>); the anonymity can be lifted later, with a reason.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class UrvalsfragorModel(UrvalsfragaService service) : PageModel
{
    public Urvalsfragevy Vy { get; private set; } = null!;
    public Rekrytering Rekrytering => Vy.Rekrytering;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public FragaInput Ny { get; set; } = new();

    public sealed class FragaInput
    {
        [Display(Name = "typ")] public UrvalsfragaTyp Typ { get; set; }
        [Display(Name = "fråga")] public string? Text { get; set; }
        [Display(Name = "alternativ"), DataType(DataType.MultilineText)] public string? Alternativ { get; set; }
        [Display(Name = "krav")] public bool ArKrav { get; set; }
        [Display(Name = "svar som krävs")] public string? Kravsvar { get; set; }
        [Display(Name = "lägsta tal")] public string? Minimum { get; set; }
        [Display(Name = "godkända alternativ"), DataType(DataType.MultilineText)] public string? Godkanda { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostLaggTillAsync(int id, CancellationToken ct) => this.AnswerFormAsync(
        () => service.LaggTillAsync(id, Version, new(Ny.Typ, Ny.Text, Ny.Alternativ, Ny.ArKrav, Ny.Kravsvar, Ny.Minimum, Ny.Godkanda), User, ct),
        () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostTaBortAsync(int id, int fragaId, CancellationToken ct) => this.AnswerFormAsync(
        () => service.TaBortAsync(id, Version, fragaId, User, ct), () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostAnonymtAsync(int id, bool anonymt, CancellationToken ct) => this.AnswerFormAsync(
        () => service.SattAnonymtUrvalAsync(id, Version, anonymt, User, ct), () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostHavAsync(int id, string? skal, CancellationToken ct) => this.AnswerFormAsync(
        () => service.HavAnonymitetAsync(id, Version, skal, User, ct), () => LoadAsync(id, ct));

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await service.VyAsync(id, User, ct) is not { } vy) return false;
        Vy = vy;
        Version = vy.Rekrytering.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
