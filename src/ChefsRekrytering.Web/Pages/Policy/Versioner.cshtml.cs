using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

/// <summary>Every published version of a municipality's policy, for anyone; HR and Admin also start, continue or drop
/// the draft of the next one here.</summary>
[AllowAnonymous]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public class VersionerModel(PolicyService service) : PageModel
{
    // Well above the reader's own limit, so a large file gets its Swedish reason rather than a bare 413.
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    public Policyhistorik Historik { get; private set; } = null!;
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public IFormFile? Dokument { get; set; }

    public async Task<IActionResult> OnGetAsync(string kommun) => await LoadAsync(kommun) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNyttAsync(string kommun) =>
        await this.AnswerAsync(await service.NyttUtkastAsync(kommun, User, ct: HttpContext.RequestAborted), () => LoadAsync(kommun),
            "/Policy/Utkast", new { kommun });

    public async Task<IActionResult> OnPostWordAsync(string kommun)
    {
        if (Dokument is null or { Length: 0 })
        {
            ModelState.AddModelError("", "Välj policyns Word-dokument (.docx).");
            return await LoadAsync(kommun) ? Page() : NotFound();
        }
        await using var stream = Dokument.OpenReadStream();
        return await this.AnswerAsync(await service.NyttUtkastFranWordAsync(kommun, stream, User, HttpContext.RequestAborted), () => LoadAsync(kommun),
            "/Policy/Utkast", new { kommun });
    }

    public async Task<IActionResult> OnPostTaBortAsync(string kommun) =>
        await this.AnswerAsync(await service.TaBortUtkastAsync(kommun, Version, User, HttpContext.RequestAborted), () => LoadAsync(kommun));

    private async Task<bool> LoadAsync(string kommun)
    {
        if (await service.HistorikAsync(kommun, User, HttpContext.RequestAborted) is not { } historik) return false;
        Historik = historik;
        return true;
    }
}
