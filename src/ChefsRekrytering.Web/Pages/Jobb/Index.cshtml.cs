using ChefsRekrytering.Rekryteringar;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Jobb;

/// <summary>Every open manager post of every municipality this deployment serves, for anyone.</summary>
[AllowAnonymous]
public class IndexModel(AnsokanService ansokan) : PageModel
{
    /// <summary>Shows one municipality's adverts only; empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Kommun { get; set; }
    public IReadOnlyList<Annons> Annonser { get; private set; } = [];
    public List<SelectListItem> Kommuner { get; private set; } = [];
    public string? ValdKommun => Kommuner.FirstOrDefault(k => k.Value == Kommun)?.Text;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kommun = string.IsNullOrWhiteSpace(Kommun) ? null : Kommun;
        Annonser = await ansokan.PublishedAsync(Kommun, ct);
        Kommuner = (await ansokan.KommunerAsync(ct)).Select(k => new SelectListItem(k.Namn, k.Id, k.Id == Kommun)).ToList();
    }
}
