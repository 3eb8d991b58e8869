using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace ChefsRekrytering.Web.Pages.Konto;

/// <summary>
/// Setting up, renewing and switching off the authenticator app. Reached signed in (from Mina uppgifter), or half-way
/// through signing in when the account's role requires the app and it has none yet.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Inloggning)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class TvastegsverifieringModel(Tvastegsverifiering tvasteg) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty, Display(Name = "kod")] public string? Kod { get; set; }

    public PaVag Vem { get; private set; } = null!;
    public bool Paslagen { get; private set; }
    public bool Kravs { get; private set; }
    public Autentiseringsnyckel? Nyckel { get; private set; }
    public string? QrSvg { get; private set; }
    /// <summary>The recovery codes, shown once right after they are made and never stored in a readable form.</summary>
    public IReadOnlyList<string> Reservkoder { get; private set; } = [];
    public int ReservkoderKvar { get; private set; }
    public string Fortsatt => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : TillInloggningen();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var svar = await tvasteg.AktiveraAsync(Kod, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "okänd", ct);
        return await VisaAsync(svar);
    }

    public async Task<IActionResult> OnPostReservkoderAsync() => await VisaAsync(await tvasteg.NyaReservkoderAsync());

    public async Task<IActionResult> OnPostStangAvAsync(CancellationToken ct) =>
        await this.AnswerAsync(await tvasteg.StangAvAsync(), async () => await LoadAsync(), "/Konto/LoggaIn");

    /// <summary>The recovery codes are shown on the answer itself (not after a redirect), so they never travel in a cookie.</summary>
    private async Task<IActionResult> VisaAsync(ChefsRekrytering.Workflows.CommandResult<IReadOnlyList<string>> svar)
    {
        if (svar.Result.Outcome == ChefsRekrytering.Workflows.Outcome.Forbidden) return TillInloggningen();
        foreach (var reason in svar.Result.Reasons) ModelState.AddModelError(nameof(Kod), reason);
        if (!await LoadAsync()) return TillInloggningen();
        if (svar.Succeeded) Reservkoder = svar.Value;
        ViewData["Meddelande"] = svar.Result.Message;
        return Page();
    }

    private IActionResult TillInloggningen() => RedirectToPage("/Konto/LoggaIn", new { ReturnUrl });

    private async Task<bool> LoadAsync()
    {
        // Right after a half-way sign-in is completed, this request still carries the half-way cookie: same account.
        if (await tvasteg.LageAsync() is not { } lage) return false;
        (Vem, Paslagen, Kravs, ReservkoderKvar, Nyckel) = (lage.Vem, lage.Paslagen, lage.Kravs, lage.ReservkoderKvar, lage.Nyckel);
        if (Nyckel is not null)
        {
            using var data = QRCodeGenerator.GenerateQrCode(Nyckel.Adress, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }
        return true;
    }
}
