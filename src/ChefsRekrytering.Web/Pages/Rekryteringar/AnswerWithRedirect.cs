using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>
/// <see cref="CommandAnswer.AnswerAsync"/> for a command whose done leads to another page with its own route values (the
/// recruitment just created, the recruitment whose kravprofil was fixed); everything else is answered by CommandAnswer.
/// </summary>
internal static class AnswerWithRedirect
{
    public static async Task<IActionResult> AnswerAsync(this PageModel page, CommandResult result, Func<Task> reload, string pageName, object routeValues)
    {
        if (!result.Succeeded) return await page.AnswerAsync(result, reload);
        if (result.Message is not null) page.TempData["Meddelande"] = result.Message;
        return page.RedirectToPage(pageName, routeValues);
    }
}
