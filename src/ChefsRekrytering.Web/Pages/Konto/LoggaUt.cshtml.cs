using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
