using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Registerutdrag;

/// <summary>
/// HR answers a person's request: everything the portal holds about them as a ZIP file, and erasure where the law allows
/// it, with the record of each erasure. The address travels in posted forms only, never in a URL that logs and browser
/// histories keep, so every answer is the page itself, not a redirect.
/// </summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(RegisterutdragService service) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(256), Display(Name = "e-postadress")]
    public string Epost { get; set; } = "";

    [BindProperty, StringLength(1000), Display(Name = "skäl"), DataType(DataType.MultilineText)]
    public string? Skal { get; set; }

    public Arkiv.Registerutdrag? Utdrag { get; private set; }
    public Raderingsprovning? Provning { get; private set; }
    public Radering? Utford { get; private set; }
    public IReadOnlyList<Radering> Senaste { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadLatestAsync(ct);

    public async Task<IActionResult> OnPostSokAsync(CancellationToken ct)
    {
        if (ModelState.IsValid) Show(await service.SokAsync(Epost, User, ct));
        await LoadLatestAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostHamtaAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await service.HamtaAsync(Epost, User, ct) is { } fil) return File(fil.Innehall, fil.Typ, fil.Filnamn);
        await LoadLatestAsync(ct);
        return Page();
    }

    /// <summary>Done: what went, and what is left now. Refused: the reasons, and the search beside them.</summary>
    public async Task<IActionResult> OnPostRaderaAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var radering = await service.RaderaPaBegaranAsync(Epost, Skal, User, ct);
            if (radering.Result.Outcome == Outcome.NotFound) return NotFound();
            foreach (var reason in radering.Result.Reasons) ModelState.AddModelError("", reason);
            if (radering.Succeeded) (Utford, Skal) = (radering.Value, null);
            Show(await service.SokEfterRaderingAsync(Epost, User, ct));
        }
        await LoadLatestAsync(ct);
        return Page();
    }

    private void Show(Sokresultat? sokning) => (Utdrag, Provning) = (sokning?.Utdrag, sokning?.Provning);

    private async Task LoadLatestAsync(CancellationToken ct) => Senaste = await service.SenasteRaderingarAsync(User, ct);
}
