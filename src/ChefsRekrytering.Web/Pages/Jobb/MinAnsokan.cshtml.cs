using ChefsRekrytering.Calendar;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Jobb;

/// <summary>
/// The applicant's own page, reached through the private link in the confirmation mail: where the application
/// stands, what was sent, and a way to withdraw it. The address carries the secret, so no cache keeps the page and
/// no link on it passes the address on as a referrer. An unknown token is a plain 404.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class MinAnsokanModel(AnsokanService ansokan, RekryteringService rekryteringar, PolicyLibrary policies) : PageModel
{
    public Kandidat Kandidat { get; private set; } = null!;
    public Rekrytering Rekrytering => Kandidat.Rekrytering!;
    public string Kommun => policies.Find(Kandidat.KommunId)?.Kommun ?? Kandidat.KommunId;
    public AnsokanLage Lage => AnsokanService.LageFor(Kandidat);
    public IReadOnlyList<(DokumentTyp Typ, string Namn)> Dokument { get; private set; } = [];
    public Mote? Intervju { get; private set; }

    [BindProperty] public bool Bekraftar { get; set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) =>
        Response.Headers["Referrer-Policy"] = "no-referrer";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAtertaAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct)) return NotFound();
        if (!Bekraftar)
            ModelState.AddModelError(nameof(Bekraftar), "Kryssa i rutan för att bekräfta att du vill återta din ansökan.");
        else if (await ansokan.WithdrawAsync(Kandidat, ct) is { Succeeded: false } refused)
        {
            foreach (var reason in refused.Reasons) ModelState.AddModelError("", reason);
            await LoadAsync(token, ct); // the application as it now is, not as the refused withdrawal left it in memory
        }
        else
        {
            TempData["Meddelande"] = "Din ansökan är återtagen. Du får en bekräftelse per e-post.";
            return RedirectToPage(new { token });
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await ansokan.FindByTokenAsync(token, ct) is not { } k) return false;
        Kandidat = k;
        Dokument = await ansokan.DocumentsOfAsync(k, ct);
        Intervju = k.State == KandidatTillstand.IntervjuBokad ? await rekryteringar.InterviewOfAsync(k) : null;
        return true;
    }
}
