using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.RateLimiting;

namespace ChefsRekrytering.Web.Pages.Konto;

/// <summary>The second step of signing in: the code from the authenticator app, or one of the recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Inloggning)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class VerifieraModel(Tvastegsverifiering tvasteg) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty, Display(Name = "kod")] public string? Kod { get; set; }
    [BindProperty, Display(Name = "reservkod")] public string? Reservkod { get; set; }

    private string Kalla => HttpContext.Connection.RemoteIpAddress?.ToString() ?? "okänd";

    public async Task<IActionResult> OnGetAsync() =>
        await tvasteg.VemAsync() is { Inloggad: false } ? Page() : RedirectToPage("/Konto/LoggaIn", new { ReturnUrl });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => Svar(await tvasteg.VerifieraAsync(Kod, Kalla, ct), nameof(Kod));

    public async Task<IActionResult> OnPostReservkodAsync(CancellationToken ct) => Svar(await tvasteg.ReservkodAsync(Reservkod, Kalla, ct), nameof(Reservkod));

    private IActionResult Svar(ChefsRekrytering.Workflows.CommandResult result, string falt)
    {
        // Half-way expired (five minutes) or never begun: back to the password.
        if (result.Outcome == ChefsRekrytering.Workflows.Outcome.Forbidden) return RedirectToPage("/Konto/LoggaIn", new { ReturnUrl });
        if (result.Succeeded)
        {
            if (result.Message is not null) TempData["Meddelande"] = result.Message;
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Index");
        }
        foreach (var reason in result.Reasons) ModelState.AddModelError(falt, reason);
        return Page();
    }
}
