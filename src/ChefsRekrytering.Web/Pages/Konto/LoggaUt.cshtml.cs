using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Identity;

namespace ChefsRekrytering.Web.Pages.Konto;

[AllowAnonymous]
public class LoggaUtModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Meddelande"] = "Du är utloggad.";
        return RedirectToPage("/Index");
    }
}
