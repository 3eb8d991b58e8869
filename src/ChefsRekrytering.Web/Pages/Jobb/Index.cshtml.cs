using ChefsRekrytering.Rekryteringar;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Jobb;

/// <summary>Every open manager post of every municipality this deployment serves, for anyone; with ?kommun=… one
/// municipality's careers page, with its name and logo. Both link their Atom feed (<see cref="FlodeModel"/>).</summary>
[AllowAnonymous]
public class IndexModel(AnsokanService ansokan, IWebHostEnvironment env) : PageModel
{
    /// <summary>Shows one municipality's adverts only; empty for all.</summary>
    [BindProperty(SupportsGet = true)] public string? Kommun { get; set; }
    public IReadOnlyList<Annons> Annonser { get; private set; } = [];
    public List<SelectListItem> Kommuner { get; private set; } = [];
    public string? ValdKommun => Kommuner.FirstOrDefault(k => k.Value == Kommun)?.Text;
    /// <summary>The chosen municipality's logo, on its careers page (/jobb?kommun=…).</summary>
    public KommunLogotyp? Logotyp => ValdKommun is null ? null : KommunLogotyp.For(env.WebRootFileProvider, Kommun!);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Kommun = string.IsNullOrWhiteSpace(Kommun) ? null : Kommun;
        Annonser = await ansokan.PublishedAsync(Kommun, ct);
        Kommuner = (await ansokan.KommunerAsync(ct)).Select(k => new SelectListItem(k.Namn, k.Id, k.Id == Kommun)).ToList();
    }
}
