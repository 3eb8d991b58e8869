using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

/// <summary>The structured editor of the next version, and its publication with the decision that adopted it.</summary>
[Authorize(Policy = Behorighet.Dokumentagare)]
public class UtkastModel(PolicyService service, PolicyLibrary library) : PageModel
{
    /// <summary>Blank rows offered for new values, requirements, expectations and sections; left blank, they are no rows.</summary>
    public const int TommaRader = 2;

    [BindProperty] public PolicyUtkast Utkast { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public Policybeslut? Beslut { get; set; }
    public int Nummer { get; private set; }
    public LeadershipPolicy Gallande { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kommun) => await LoadAsync(kommun) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string kommun)
    {
        // The draft may be incomplete and its blank rows are no rows: the service judges it, not the binder.
        ModelState.Clear();
        return await this.AnswerAsync(await service.SparaUtkastAsync(kommun, Version, Utkast, User, HttpContext.RequestAborted),
            () => LoadAsync(kommun, keepPosted: true));
    }

    public async Task<IActionResult> OnPostPubliceraAsync(string kommun)
    {
        ModelState.Clear();
        var result = await service.PubliceraAsync(kommun, Version, Utkast, Beslut ?? new(null, null, null, null, null, null), User, HttpContext.RequestAborted);
        return await this.AnswerAsync(result.Result, () => LoadAsync(kommun, keepPosted: true), "/Policy/Paverkan", new { kommun, nummer = result.Value });
    }

    private async Task<bool> LoadAsync(string kommun, bool keepPosted = false)
    {
        if (await service.UtkastAsync(kommun, User, HttpContext.RequestAborted) is not { } utkast) return false;
        Nummer = utkast.Nummer;
        Gallande = library.Get(kommun);
        // After a refusal the form shows what was typed, against the version it was typed on.
        if (keepPosted) return true;
        (Utkast, Version) = (utkast.Innehall, utkast.Version);
        // A decision the Word document stated is offered in the publication's fields.
        Beslut = new(Utkast.AntagenAv, Utkast.AntagenDatum, Utkast.Paragraf, Utkast.Diarienummer, null, null);
        return true;
    }
}
