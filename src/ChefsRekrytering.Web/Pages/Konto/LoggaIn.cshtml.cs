using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Konto;

[AllowAnonymous]
[EnableRateLimiting(PortalRateLimits.Inloggning)]
public class LoggaInModel(SignInManager<ApplicationUser> signIn, IOptions<PortalOptions> options, PortalInitializer portal) : PageModel
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
        public bool KommIhag { get; set; }
    }

    public void OnGet() => ShowDemoAccounts();

    public async Task<IActionResult> OnPostAsync()
    {
        ShowDemoAccounts();
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Epost.Trim(), Input.Losenord, Input.KommIhag, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ModelState.AddModelError("", result.IsLockedOut
            ? "Kontot är låst. Efter för många felaktiga försök öppnas det igen om 15 minuter; annars, fråga HR."
            : "Fel e-postadress eller lösenord.");
        return Page();
    }

    private void ShowDemoAccounts()
    {
        if (options.Value.SeedDemo) DemoAccounts = DemoSeeder.Accounts(portal.KommunIds).ToList();
    }
}
