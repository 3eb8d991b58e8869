using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class AnvandareRollerModel(UserManager<ApplicationUser> users) : PageModel
{
    public string Namn { get; private set; } = "";
    public string Epost { get; private set; } = "";
    [BindProperty] public List<string> Valda { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await FindAsync(id) is not { } user) return NotFound();
        Valda = (await users.GetRolesAsync(user)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await FindAsync(id) is not { } user) return NotFound();
        if (Valda.Except(Roller.Alla).Any()) ModelState.AddModelError(nameof(Valda), "Okänd roll.");
        if (user.Id == User.UserId() && !Valda.Contains(Roller.Admin))
            ModelState.AddModelError(nameof(Valda), "Du kan inte ta bort din egen administratörsroll.");
        if (!ModelState.IsValid) return Page();

        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(Valda));
        if (result.Succeeded) result = await users.AddToRolesAsync(user, Valda.Except(current));
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await users.UpdateSecurityStampAsync(user); // the changed roles apply at the user's next sign-in check
        TempData["Meddelande"] = $"Rollerna för {user.Namn} är sparade.";
        return Redirect("/admin/anvandare");
    }

    /// <summary>Only accounts of the admin's own municipality can be found.</summary>
    private async Task<ApplicationUser?> FindAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.KommunId != User.KommunId()) return null;
        Namn = user.Namn;
        Epost = user.Email ?? "";
        return user;
    }
}
