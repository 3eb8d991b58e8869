using ChefsRekrytering.Demo;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Konto;

[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Inloggning)]
public class LoggaInModel(LokalInloggning inloggning, IOptions<PortalOptions> options, PortalInitializer portal) : PageModel
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

    public void OnGet() => ShowDemoAccounts();

    public async Task<IActionResult> OnPostAsync()
    {
        ShowDemoAccounts();
        if (!ModelState.IsValid) return Page();

        // The source is the client's address as the configured proxy reports it (Security:ForwardedHeaders).
        var svar = await inloggning.LoggaInAsync(Input.Epost, Input.Losenord, Input.KommIhag,
            HttpContext.Connection.RemoteIpAddress?.ToString() ?? "okänd", HttpContext.RequestAborted);
        if (svar.Utfall == InloggningsUtfall.Klar)
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Index");
        ModelState.AddModelError("", svar.Meddelande!);
        return Page();
    }

    private void ShowDemoAccounts()
    {
        if (options.Value.SeedDemo) DemoAccounts = DemoSeeder.Accounts(portal.KommunIds).ToList();
    }
}
