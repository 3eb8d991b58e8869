using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Optimistic concurrency for a page's form: the change is saved only if the record is still the version the
/// user saw, so two people acting at once cannot both win and the second is told why.</summary>
public static class VersionedSave
{
    public const string Conflict = "Någon annan har ändrat uppgifterna sedan du öppnade sidan. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.";

    /// <summary>Saves all pending changes if <paramref name="root"/> still has the version the form was built from.
    /// The root's version changes with every save, also when only its children changed.</summary>
    public static async Task<bool> SaveIfUnchangedAsync(this AppDbContext db, IVersioned root, Guid postedVersion)
    {
        if (root.Version != postedVersion) return false;
        var entry = db.Entry(root);
        if (entry.State == EntityState.Unchanged) entry.State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
