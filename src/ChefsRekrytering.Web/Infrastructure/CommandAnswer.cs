using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// The one way a page answers a command: done → the one-time message and a redirect (to the page itself unless named,
/// to the section <c>fragment</c> when given);
/// not found → 404; forbidden → 403 (the access-denied page); refused or changed meanwhile → the reasons on the page,
/// reloaded by <paramref name="reload"/>.
/// </summary>
public static class CommandAnswer
{
    public static async Task<IActionResult> AnswerAsync(this PageModel page, CommandResult result, Func<Task> reload,
        string? redirectTo = null, object? routeValues = null, string reasonKey = "", string? fragment = null)
    {
        if (result.Outcome == Outcome.NotFound) return page.NotFound();
        if (result.Outcome == Outcome.Forbidden) return page.Forbid();
        if (result.Succeeded)
        {
            if (result.Message is not null) page.TempData["Meddelande"] = result.Message;
            // With a fragment the browser returns to the section just handled, not to the top of the page.
            return page.RedirectToPage(redirectTo, null, routeValues, fragment);
        }
        foreach (var reason in result.Reasons) page.ModelState.AddModelError(reasonKey, reason);
        await reload();
        return page.Page();
    }

    /// <summary>
    /// A versioned form's answer: invalid input is shown beside its fields without calling the command; otherwise the
    /// command's answer. A Version that did not bind is no version, and the command answers it as changed meanwhile, so
    /// it is not an input error. <paramref name="load"/> reloads the page and says whether the record is still visible.
    /// </summary>
    public static async Task<IActionResult> AnswerFormAsync(this PageModel page, Func<Task<CommandResult>> command, Func<Task<bool>> load)
    {
        page.ModelState.Remove("Version");
        if (page.ModelState.IsValid) return await page.AnswerAsync(await command(), load);
        return await load() ? page.Page() : page.NotFound();
    }
}
