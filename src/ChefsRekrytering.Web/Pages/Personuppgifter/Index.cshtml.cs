using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Personuppgifter;

/// <summary>The chooser of privacy notices: each municipality is the controller of its own records, so each has its own.</summary>
[AllowAnonymous]
public class IndexModel(AnsokanService ansokan) : PageModel
{
    public IReadOnlyList<Kommun> Kommuner { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Kommuner = await ansokan.KommunerAsync(ct);
}
