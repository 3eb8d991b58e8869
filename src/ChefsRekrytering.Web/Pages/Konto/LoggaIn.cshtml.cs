using ChefsRekrytering.Demo;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Konto;

[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Inloggning)]
public class LoggaInModel(LokalInloggning inloggning, IOptions<PortalOptions> options, PortalInitializer portal,
    IOptions<OidcOptions> oidc, ChefsRekrytering.Policies.PolicyLibrary policies) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IReadOnlyList<(string KommunId, string Epost, string Namn, string[] Roller)> DemoAccounts { get; private set; } = [];
    public string DemoPassword => DemoSeeder.DemoPassword;

    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "e-postadress")]
        public string Epost { get; set; } = "";
        [Required, Display(Name = "lösenord")]
        public string Losenord { get; set; } = "";
        [Display(Name = "kom ihåg mig")] public bool KommIhag { get; set; }
    }

    public LokalaKonton Lokala => inloggning.Tillatna;

    /// <summary>A code from a sign-in through the municipality's provider that ended without a session.</summary>
    [BindProperty(SupportsGet = true)] public string? Fel { get; set; }

    /// <summary>The municipalities whose own provider signs people in: (id, the button's words).</summary>
    public IEnumerable<(string KommunId, string Knapptext)> Leverantorer => oidc.Value.Kommuner.Select(k =>
        (k.Key, k.Value.Knapptext ?? $"Logga in med ditt konto i {policies.Find(k.Key)?.Kommun ?? k.Key}"));

    public void OnGet()
    {
        ShowDemoAccounts();
        if (Infrastructure.OidcInloggning.Felmeddelande(Fel) is { } fel) ModelState.AddModelError("", fel);
    }

    /// <summary>Off to the municipality's provider; its answer comes back to the scheme's own path (OidcInloggning).</summary>
    public IActionResult OnPostExtern(string kommun)
    {
        if (!oidc.Value.Kommuner.ContainsKey(kommun)) return NotFound();
        var tillbaka = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        return Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = tillbaka }, OidcOptions.Schema(kommun));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ShowDemoAccounts();
        if (!ModelState.IsValid) return Page();

        // The source is the client's address as the configured proxy reports it (Security:ForwardedHeaders).
        var svar = await inloggning.LoggaInAsync(Input.Epost, Input.Losenord, Input.KommIhag,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? "okänd", HttpContext.RequestAborted);
        var tillbaka = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        switch (svar.Utfall)
        {
            case InloggningsUtfall.Klar: return tillbaka is not null ? LocalRedirect(tillbaka) : RedirectToPage("/Index");
            case InloggningsUtfall.KodBehovs: return RedirectToPage("/Konto/Verifiera", new { ReturnUrl = tillbaka });
            case InloggningsUtfall.SkaAktivera: return RedirectToPage("/Konto/Tvastegsverifiering", new { ReturnUrl = tillbaka });
        }
        ModelState.AddModelError("", svar.Meddelande!);
        return Page();
    }

    private void ShowDemoAccounts()
    {
        if (options.Value.SeedDemo) DemoAccounts = DemoSeeder.Accounts(portal.KommunIds).ToList();
    }
}
