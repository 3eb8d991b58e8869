using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Notifications;

namespace ChefsRekrytering.Web.Pages.Mallar.Avslag;

/// <summary>The municipality's refusal reasons, each with its version and whether it is offered, and a form to add one.</summary>
[Authorize(Policy = Behorighet.Behorigheter)]
public class IndexModel(AvslagService avslag) : PageModel
{
    public IReadOnlyList<AvslagService.AvslagRad> Rader { get; private set; } = [];

    [BindProperty, Display(Name = "skälets namn")] public string? Namn { get; set; }
    [BindProperty, Display(Name = "ämnesrad")] public string? Amne { get; set; }
    [BindProperty, Display(Name = "rubrik")] public string? Rubrik { get; set; }
    [BindProperty, Display(Name = "text"), DataType(DataType.MultilineText)] public string? Innehall { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        (Amne, Rubrik, Innehall) = (avslag.Standardtext.Amne, avslag.Standardtext.Rubrik, avslag.Standardtext.Innehall);
        return Page();
    }

    public async Task<IActionResult> OnPostLaggTillAsync(CancellationToken ct) =>
        await this.AnswerAsync(await avslag.LaggTillAsync(new(Namn, Amne, Rubrik, Innehall), User, ct), () => LoadAsync(ct));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await avslag.ListaAsync(User, ct) is not { } rader) return false;
        Rader = rader;
        return true;
    }
}
