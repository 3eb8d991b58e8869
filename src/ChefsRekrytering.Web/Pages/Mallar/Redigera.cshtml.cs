using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Notifications;

namespace ChefsRekrytering.Web.Pages.Mallar;

/// <summary>One mail's text: subject, heading and body, the fields it may use, a preview on real data, a new version,
/// and the history with restore. Errors come back beside the form, kept as typed.</summary>
[Authorize(Policy = Behorighet.Behorigheter)]
public class RedigeraModel(MallService mallar) : PageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "mall")] public string Nyckel { get; set; } = "";
    [BindProperty] public string? Amne { get; set; }
    [BindProperty] public string? Rubrik { get; set; }
    [BindProperty, Display(Name = "text"), DataType(DataType.MultilineText)] public string? Innehall { get; set; }
    [BindProperty, Display(Name = "version som ändringen bygger på")] public int BaseradPa { get; set; }

    public MallService.MallVy Vy { get; private set; } = null!;
    public MallService.Forhandsvisning? Forhandsvisning { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Amne, Rubrik, Innehall, BaseradPa) = (Vy.Aktuell.Amne, Vy.Aktuell.Rubrik, Vy.Aktuell.Innehall, Vy.Nummer);
        return Page();
    }

    public async Task<IActionResult> OnPostSparaAsync(CancellationToken ct) =>
        await this.AnswerAsync(await mallar.SparaAsync(Nyckel, Ny(), User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostAterstallAsync(int nummer, CancellationToken ct) =>
        await this.AnswerAsync(await mallar.AterstallAsync(Nyckel, nummer, BaseradPa, User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostForhandsgranskaAsync(CancellationToken ct)
    {
        var result = await mallar.ForhandsgranskaAsync(Nyckel, Ny(), User, ct);
        if (!result.Succeeded) return await this.AnswerAsync(result.Result, () => LoadAsync(ct));
        Forhandsvisning = result.Value;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private MallService.NyVersion Ny() => new(Amne, Rubrik, Innehall, BaseradPa);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await mallar.VisaAsync(Nyckel, User, ct) is not { } vy) return false;
        Vy = vy;
        return true;
    }
}
