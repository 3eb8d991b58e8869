using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Data;

/// <summary>
/// Optimistic concurrency for a feature's commands: a change is saved only if its record is still the version the person
/// saw when the form was built, so two people acting at once cannot both win, and the second is told why in Swedish.
/// </summary>
public static class VersionedCommands
{
    public const string ConflictText = "Någon annan har ändrat uppgifterna sedan du öppnade sidan. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.";

    /// <summary>The answer to a form built from an older version of the record: nothing was changed.</summary>
    public static CommandResult Conflict() => CommandResult.Conflict(ConflictText);

    /// <summary>
    /// Saves every pending change (outbox rows, journal and audit entries with it, in one transaction) if
    /// <paramref name="root"/> still has the version <paramref name="seen"/>; its version changes with the save, also
    /// when only its children changed. A null root is a new record (seen is empty): when someone created it meanwhile its
    /// unique index refuses this one. A refused save leaves nothing tracked, so nothing of it can be saved later.
    /// </summary>
    public static async Task<bool> SaveIfUnchangedAsync(AppDbContext db, IVersioned? root, Guid seen, CancellationToken ct = default)
    {
        if ((root?.Version ?? Guid.Empty) != seen)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        if (root is not null && db.Entry(root) is { State: EntityState.Unchanged } entry) entry.State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || root is null)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary><see cref="SaveIfUnchangedAsync"/>, answered as a command: done with <paramref name="message"/>, or the conflict.</summary>
    public static async Task<CommandResult> CommitAsync(this AppDbContext db, IVersioned? root, Guid seen, string message, CancellationToken ct = default) =>
        await SaveIfUnchangedAsync(db, root, seen, ct) ? CommandResult.Done(message) : Conflict();

    /// <summary>
    /// The same, where the command has already compared the version the form was built from with the record's: the
    /// record's concurrency token still refuses a save that someone else made in between.
    /// </summary>
    public static Task<CommandResult> CommitAsync(this AppDbContext db, IVersioned root, string message, CancellationToken ct = default) =>
        db.CommitAsync(root, root.Version, message, ct);

    /// <summary>A refusal after the command had begun to change tracked records: they are let go unsaved.</summary>
    public static CommandResult Refuse(this AppDbContext db, params IReadOnlyList<string> reasons)
    {
        db.ChangeTracker.Clear();
        return CommandResult.Refused(reasons);
    }
}
