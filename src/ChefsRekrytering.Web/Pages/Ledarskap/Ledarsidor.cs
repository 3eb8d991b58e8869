using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Ledarskap;

/// <summary>The manager whose own records a page shows, and the signed-in user's side in them.</summary>
public sealed record ChefSida(Person Chef, OrgChart Org, ChefParter Parter);

internal static class Ledarsidor
{
    /// <summary>
    /// How the leadership pages find their manager: through the municipality filter, only for the manager, their närmast
    /// högre chef and HR, and only for someone who leads a unit. Missing, not a manager and not allowed all give the same
    /// null, a 404, so nobody learns who has records.
    /// </summary>
    public static async Task<ChefSida?> LoadChefAsync(this AppDbContext db, ClaimsPrincipal user, int personId, CancellationToken ct = default)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var parter = ChefParter.For(user, personId, org);
        if (!parter.ArPart || !org.UnitsLedBy(personId).Any()) return null;
        var chef = await db.Personer.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        return chef is null ? null : new ChefSida(chef, org, parter);
    }

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

    /// <summary>Today's date in Sweden: the year of a self-assessment, the day a re-assessment is recorded.</summary>
    public static DateOnly Idag(this AppDbContext db) => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));
}
