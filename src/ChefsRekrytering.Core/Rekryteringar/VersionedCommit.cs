using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>How a recruitment command ends: one save of everything it changed, only if the record is still the version
/// the person saw.</summary>
internal static class VersionedCommit
{
    /// <summary>Said when someone else saved the record since the person's page was built.</summary>
    public const string AndradSamtidigt = "Någon annan har ändrat uppgifterna sedan du öppnade sidan. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.";

    /// <summary>
    /// Saves the change with its outbox rows, scheduled jobs and journal in one SaveChanges (one transaction). The root's
    /// version changes with every save, also when only its children changed, so of two people acting on the same version
    /// one wins and the other is told, with nothing of theirs kept.
    /// </summary>
    public static async Task<CommandResult> CommitAsync(this AppDbContext db, IVersioned root, string meddelande, CancellationToken ct)
    {
        if (db.Entry(root) is { State: EntityState.Unchanged } entry) entry.State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Done(meddelande);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(AndradSamtidigt);
        }
    }
}
