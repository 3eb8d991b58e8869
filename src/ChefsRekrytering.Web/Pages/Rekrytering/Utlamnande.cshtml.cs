using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

/// <summary>
/// The recruitment as a public record for a request to see it: one self-contained HTML file (see <see cref="ChefsRekrytering.Arkiv.Utlamnande"/>
/// for what it leaves out and why). HR hands out public records, so HR makes the file; each one is logged
/// (<see cref="RekryteringService.LamnaUtAsync"/>).
/// </summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class UtlamnandeModel(RekryteringService service) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await service.LamnaUtAsync(id, User, ct) is { } fil ? File(fil.Innehall, "text/html; charset=utf-8", fil.Filnamn) : NotFound();
}
