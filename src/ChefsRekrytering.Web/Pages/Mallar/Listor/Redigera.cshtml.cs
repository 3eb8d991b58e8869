using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Notifications;

namespace ChefsRekrytering.Web.Pages.Mallar.Listor;

/// <summary>One checklist template in YAML: its text, a preview as the list its reader gets, a new version, and the history
/// with restore. Errors come back beside the form, kept as typed.</summary>
[Authorize(Policy = Behorighet.Behorigheter)]
public class RedigeraModel(ListmallService listor) : PageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "mall")] public string Nyckel { get; set; } = "";
    [BindProperty, Display(Name = "Mallen (YAML)"), DataType(DataType.MultilineText)] public string? Innehall { get; set; }
    [BindProperty, Display(Name = "version som ändringen bygger på")] public int BaseradPa { get; set; }

    public ListmallService.ListmallVy Vy { get; private set; } = null!;
    public ListmallService.Forhandsvisning? Forhandsvisning { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (Innehall, BaseradPa) = (Vy.Aktuell, Vy.Nummer);
        return Page();
    }

    public async Task<IActionResult> OnPostSparaAsync(CancellationToken ct) =>
        await this.AnswerAsync(await listor.SparaAsync(Nyckel, Ny(), User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostAterstallAsync(int nummer, CancellationToken ct) =>
        await this.AnswerAsync(await listor.AterstallAsync(Nyckel, nummer, BaseradPa, User, ct), () => LoadAsync(ct), routeValues: new { Nyckel });

    public async Task<IActionResult> OnPostForhandsgranskaAsync(CancellationToken ct)
    {
        var result = listor.Forhandsgranska(Nyckel, Ny(), User);
        if (!result.Succeeded) return await this.AnswerAsync(result.Result, () => LoadAsync(ct));
        Forhandsvisning = result.Value;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private ListmallService.NyListversion Ny() => new(Innehall, BaseradPa);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await listor.VisaAsync(Nyckel, User, ct) is not { } vy) return false;
        Vy = vy;
        return true;
    }
}
