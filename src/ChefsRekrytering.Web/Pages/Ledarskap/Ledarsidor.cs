using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Ledarskap;

/// <summary>Answers for pages that still decide when to save (the Årets chef pages use these); the leadership pages call
/// their services' commands instead (see <see cref="CommandAnswer"/>).</summary>
internal static class Ledarsidor
{
    /// <summary>A refusal: the reasons in the page's error summary, the page shown again, nothing saved.</summary>
    public static IActionResult Refuse(this PageModel page, params string[] reasons)
    {
        foreach (var reason in reasons) page.ModelState.AddModelError("", reason);
        return page.Page();
    }

    /// <summary>Done: the message on the next page, and back to <paramref name="url"/>.</summary>
    public static IActionResult Done(this PageModel page, string url, string message)
    {
        page.TempData["Meddelande"] = message;
        return new RedirectResult(url);
    }

    /// <summary>
    /// The end of every change on these pages: a change the handler accepted (a redirect) is saved only if the record is
    /// still the version the form was built from; otherwise the page shows the latest state and says why nothing was saved.
    /// </summary>
    public static async Task<IActionResult> SaveIfUnchangedAsync(this PageModel page, AppDbContext db, IVersioned? root, Guid posted,
        IActionResult result, Func<Task> reload)
    {
        if (result is not RedirectResult || await db.SaveIfUnchangedAsync(root, posted)) return result;
        await reload();
        return page.Refuse(VersionedSave.Conflict);
    }
}
