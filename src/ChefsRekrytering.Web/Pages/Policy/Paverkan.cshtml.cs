using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

/// <summary>What a published version means for the records in progress, and moving them to it where that is safe.</summary>
[Authorize(Policy = Behorighet.Dokumentagare)]
public class PaverkanModel(PolicyService service) : PageModel
{
    public Paverkan Paverkan { get; private set; } = null!;
    /// <summary>"Rekrytering:12": the records to move.</summary>
    [BindProperty] public List<string> Valda { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string kommun, int nummer) => await LoadAsync(kommun, nummer) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string kommun, int nummer) =>
        await this.AnswerAsync(await service.FlyttaAsync(kommun, nummer, Valda, User, HttpContext.RequestAborted), () => LoadAsync(kommun, nummer));

    private async Task<bool> LoadAsync(string kommun, int nummer)
    {
        if (await service.PaverkanAsync(kommun, nummer, User, HttpContext.RequestAborted) is not { } paverkan) return false;
        Paverkan = paverkan;
        return true;
    }

    public static string Slag(Postslag slag) => slag switch
    {
        Postslag.Rekrytering => "Rekrytering (kravprofil och intervjuguide)",
        Postslag.Uppdragskontrakt => "Uppdragskontrakt",
        Postslag.Sjalvskattning => "Självskattning",
        Postslag.Introduktion => "Introduktion (policyns avsnitt)",
        Postslag.Kampanj => "Årets chef (kriterier)",
        _ => slag.ToString(),
    };
}
