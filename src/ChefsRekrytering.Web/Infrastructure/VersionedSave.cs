using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Optimistic concurrency for a page's form: the change is saved only if the record is still the version the
/// user saw, so two people acting at once cannot both win and the second is told why.</summary>
public static class VersionedSave
{
    public const string Conflict = "Någon annan har ändrat uppgifterna sedan du öppnade sidan. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.";

    /// <summary>
    /// The end of every versioned form post: refuse when the form was built from an older version, run the change, and
    /// save it only if nobody saved in between; a refusal reloads the page's data and shows why.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Mvc.IActionResult> ChangeIfUnchangedAsync(this AppDbContext db, IVersioned root, Guid postedVersion,
        Func<Task<Microsoft.AspNetCore.Mvc.IActionResult>> change, Func<Task> reload, Func<string[], Microsoft.AspNetCore.Mvc.IActionResult> refuse)
    {
        if (postedVersion != root.Version) return refuse([Conflict]);
        var result = await change();
        if (result is not Microsoft.AspNetCore.Mvc.RedirectResult || await db.SaveIfUnchangedAsync(root, postedVersion)) return result;
        await reload();
        return refuse([Conflict]);
    }

    /// <summary>Saves all pending changes if <paramref name="root"/> still has the version the form was built from.
    /// The root's version changes with every save, also when only its children changed. A null root means the form
    /// creates the record (posted version empty): if someone created it meanwhile, its unique index refuses this one.</summary>
    public static async Task<bool> SaveIfUnchangedAsync(this AppDbContext db, IVersioned? root, Guid postedVersion)
    {
        if ((root?.Version ?? Guid.Empty) != postedVersion) return false;
        if (root is not null && db.Entry(root) is { State: EntityState.Unchanged } entry) entry.State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || root is null)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
