using ChefsRekrytering.Notifications;

namespace ChefsRekrytering.Web.Pages.Mallar;

/// <summary>The municipality's mail texts and checklist templates, each with its current version: HR and Admin word them.</summary>
[Authorize(Policy = Behorighet.Behorigheter)]
public class IndexModel(MallService mallar, AvslagService avslag, ListmallService listor) : PageModel
{
    public IReadOnlyList<MallService.MallRad> Rader { get; private set; } = [];
    public IReadOnlyList<AvslagService.AvslagRad> Avslag { get; private set; } = [];
    public IReadOnlyList<ListmallService.ListmallRad> Listor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await mallar.ListaAsync(User, ct) is not { } rader) return Forbid();
        Rader = rader;
        Avslag = await avslag.ListaAsync(User, ct) ?? [];
        Listor = await listor.ListaAsync(User, ct) ?? [];
        return Page();
    }
}
