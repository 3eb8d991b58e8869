using ChefsRekrytering.Chefsforsorjning;

namespace ChefsRekrytering.Web.Pages.Chefsforsorjning;

/// <summary>A chef's view of their own staff's entries in the pool, where they recommend or take a recommendation back.
/// Whose chef the user is comes from the org tree, in the service.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class MedarbetareModel(ChefsforsorjningService service) : PageModel
{
    public IReadOnlyList<Poolrad> Rader { get; private set; } = [];

    [BindProperty, Display(Name = "motivering"), DataType(DataType.MultilineText), StringLength(Intresseanmalan.MotiveringMaxLangd)]
    public string? Motivering { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRekommenderaAsync(int anmalanId, CancellationToken ct) =>
        await this.AnswerAsync(await service.RekommenderaAsync(anmalanId, Motivering, User, ct), () => LoadAsync(ct));

    public async Task<IActionResult> OnPostAterkallaAsync(int anmalanId, CancellationToken ct) =>
        await this.AnswerAsync(await service.AterkallaRekommendationAsync(anmalanId, User, ct), () => LoadAsync(ct));

    private async Task LoadAsync(CancellationToken ct) => Rader = await service.MedarbetareAsync(User, ct);
}
