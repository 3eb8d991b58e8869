using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Notifications;

namespace ChefsRekrytering.Web.Pages.Mallar.Avslag;

/// <summary>One refusal reason: its name and mail, a preview on real data, a new version, the history, and whether it is
/// offered. Errors come back beside the form, kept as typed.</summary>
[Authorize(Policy = Behorighet.Behorigheter)]
public class SkalModel(AvslagService avslag) : PageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "skäl")] public string Nyckel { get; set; } = "";
    [BindProperty, Display(Name = "skälets namn")] public string? Namn { get; set; }
    [BindProperty, Display(Name = "ämnesrad")] public string? Amne { get; set; }
    [BindProperty, Display(Name = "rubrik")] public string? Rubrik { get; set; }
    [BindProperty, Display(Name = "text"), DataType(DataType.MultilineText)] public string? Innehall { get; set; }
    [BindProperty, Display(Name = "version som ändringen bygger på")] public int BaseradPa { get; set; }

    public AvslagService.AvslagVy Vy { get; private set; } = null!;
    public MallService.Forhandsvisning? Forhandsvisning { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Namn, Amne, Rubrik, Innehall, BaseradPa) = (Vy.Namn, Vy.Aktuell.Amne, Vy.Aktuell.Rubrik, Vy.Aktuell.Innehall, Vy.Nummer);
        return Page();
    }

    public async Task<IActionResult> OnPostSparaAsync(CancellationToken ct) =>
        await this.AnswerAsync(await avslag.SparaAsync(Nyckel, Ny(), User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostPensioneraAsync(CancellationToken ct) =>
        await this.AnswerAsync(await avslag.PensioneraAsync(Nyckel, User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostAteraktiveraAsync(CancellationToken ct) =>
        await this.AnswerAsync(await avslag.AteraktiveraAsync(Nyckel, User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostForhandsgranskaAsync(CancellationToken ct)
    {
        var result = await avslag.ForhandsgranskaAsync(Ny(), User, ct);
        if (!result.Succeeded) return await this.AnswerAsync(result.Result, () => LoadAsync(ct));
        Forhandsvisning = result.Value;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private AvslagService.NyttAvslag Ny() => new(Namn, Amne, Rubrik, Innehall, BaseradPa);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await avslag.VisaAsync(Nyckel, User, ct) is not { } vy) return false;
        Vy = vy;
        return true;
    }
}
