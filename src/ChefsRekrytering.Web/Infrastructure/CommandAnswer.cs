using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// The one way a page answers a command: done → the one-time message and a redirect (to the page itself unless named);
/// not found → 404; forbidden → 403 (the access-denied page); refused or changed meanwhile → the reasons on the page,
/// reloaded by <paramref name="reload"/>.
/// </summary>
public static class CommandAnswer
{
    public static async Task<IActionResult> AnswerAsync(this PageModel page, CommandResult result, Func<Task> reload,
        string? redirectTo = null, object? routeValues = null, string reasonKey = "")
    {
        if (result.Outcome == Outcome.NotFound) return page.NotFound();
        if (result.Outcome == Outcome.Forbidden) return page.Forbid();
        if (result.Succeeded)
        {
            if (result.Message is not null) page.TempData["Meddelande"] = result.Message;
            return page.RedirectToPage(redirectTo, routeValues);
        }
        foreach (var reason in result.Reasons) page.ModelState.AddModelError(reasonKey, reason);
        await reload();
        return page.Page();
    }
}
