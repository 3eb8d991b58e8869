using ChefsRekrytering.Chefsforsorjning;

namespace ChefsRekrytering.Web.Pages.Chefsforsorjning;

/// <summary>HR's view of the internal pool per förvaltning, and the invitation of chosen members to apply to an open
/// recruitment (one mail each, never twice to the same recruitment).</summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class PoolModel(ChefsforsorjningService service) : PageModel
{
    public Pool Pool { get; private set; } = new([], [], null, []);

    [BindProperty(SupportsGet = true)] public int? Forvaltning { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    /// <summary>The ticked rows come as text (checkbox values), so a forged value is no binding error: it names no entry.</summary>
    public async Task<IActionResult> OnPostBjudInAsync([Display(Name = "rekrytering")] int rekryteringId, List<string> valda, CancellationToken ct) =>
        await this.AnswerAsync(await service.BjudInAsync(rekryteringId, valda.Select(v => int.TryParse(v, out var id) ? id : 0).ToList(), User, ct),
            () => LoadAsync(ct), routeValues: new { Forvaltning });

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await service.PoolAsync(Forvaltning, User, ct) is not { } pool) return false;
        Pool = pool;
        return true;
    }
}
