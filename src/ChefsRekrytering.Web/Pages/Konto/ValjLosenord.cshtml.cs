using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Identity;

namespace ChefsRekrytering.Web.Pages.Konto;

/// <summary>A new manager chooses a password from the link in the welcome mail (an Identity reset token).</summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ValjLosenordModel(UserManager<ApplicationUser> users, Kontoregister register, ChefsRekrytering.Kommuner.CurrentKommun kommun) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, StringLength(128, MinimumLength = 12), Display(Name = "nytt lösenord")] public string Losenord { get; set; } = "";
        [Required, Compare(nameof(Losenord)), Display(Name = "upprepat lösenord")] public string Upprepa { get; set; } = "";
    }

    public void OnGet() => Response.Headers["Referrer-Policy"] = "no-referrer"; // the token must not leak in a Referer

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!ModelState.IsValid) return Page();
        // The link names the account, not its municipality: learn that first, then read the account through its filter.
        if (await register.KommunForKontoAsync(Id) is { } kommunId) kommun.Use(kommunId);
        var user = await users.FindByIdAsync(Id);
        var result = user is null
            ? IdentityResult.Failed(new IdentityError { Description = "Länken är ogiltig." })
            : await users.ResetPasswordAsync(user, Token, Input.Losenord);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError("", e.Code == "InvalidToken" ? "Länken är ogiltig eller har gått ut. Be HR om en ny." : e.Description);
            return Page();
        }
        TempData["Meddelande"] = "Ditt lösenord är valt. Logga in med din e-postadress och det nya lösenordet.";
        return RedirectToPage("/Konto/LoggaIn");
    }
}
