using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Scheduling;

public enum QueueStatus { Pending, Done, Failed, Cancelled }

/// <summary>
/// A row that background workers take turns on: outgoing mail, scheduled jobs. A worker claims due rows with a
/// lease; while the lease holds no other worker (in this process or another instance) can take them.
/// </summary>
public interface IQueuedWork
{
    long Id { get; set; }
    QueueStatus Status { get; set; }
    DateTime DueUtc { get; set; }
    int Attempts { get; set; }
    string? LastError { get; set; }
    DateTime? LockedUntilUtc { get; set; }
}

public static partial class WorkQueue
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due, unleased rows in one statement and returns them tracked.
    /// PostgreSQL skips rows another instance is claiming (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time.
    /// The due rows are found through the partial index of pending rows (<see cref="PendingIndexFilter"/>), in order, so a
    /// claim reads its batch and not the whole backlog; the claimed rows are then read by key.
    /// </summary>
    public static async Task<List<T>> ClaimAsync<T>(AppDbContext db, int max, TimeSpan lease, CancellationToken ct)
        where T : class, IQueuedWork
    {
        var now = db.UtcNow;
        var ids = await db.Database.SqlQueryRaw<long>(ClaimSql<T>(db), now + lease, now, max).ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await db.Set<T>().IgnoreQueryFilters().Where(w => ids.Contains(w.Id)).OrderBy(w => w.Id).ToListAsync(ct);
    }

    /// <summary>The claim: {0} the lease's end, {1} now, {2} how many; returns the claimed ids. The lease is what holds a
    /// row; the ids returned are what the claimer reads.</summary>
    internal static string ClaimSql<T>(AppDbContext db) where T : class, IQueuedWork
    {
        var column = SqlNames.Of<T>(db);
        var table = column(null);
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        string id = column(nameof(IQueuedWork.Id)), due = column(nameof(IQueuedWork.DueUtc)), lockedUntil = column(nameof(IQueuedWork.LockedUntilUtc));
        // The status is written into the text, not passed, so the planner can match the partial index's predicate.
        return $$"""
            UPDATE {{table}} SET {{lockedUntil}} = {0}
            WHERE {{id}} IN (
                SELECT {{id}} FROM {{table}}
                WHERE {{PendingIndexFilter}} AND {{due}} <= {1} AND ({{lockedUntil}} IS NULL OR {{lockedUntil}} < {1})
                ORDER BY {{due}}, {{id}}
                LIMIT {2}{{skipLocked}})
            RETURNING {{id}} AS "Value"
            """;
    }

    /// <summary>The rows still to do: the filter of each queue's partial index on (DueUtc, Id), the same SQL on SQLite and
    /// PostgreSQL. Done rows, the great majority after a while, are not in it.</summary>
    public const string PendingIndexFilter = $"\"{nameof(IQueuedWork.Status)}\" = '{nameof(QueueStatus.Pending)}'";

    /// <summary>Exponential backoff: 30 s, 1 min, 2 min ... at most an hour.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Releases the lease after a failed try: retried later with backoff, or given up after the last attempt.</summary>
    public static void RecordFailure(IQueuedWork work, Exception error, DateTime now, int maxAttempts)
    {
        work.Attempts++;
        // Stored for the admin page, never logged; an SMTP refusal often quotes the recipient, so addresses are masked.
        var text = $"{error.GetType().Name}: {Address().Replace(FirstLine(error.Message), "[adress]")}";
        work.LastError = text.Length > 500 ? text[..500] : text;
        work.Status = work.Attempts >= maxAttempts ? QueueStatus.Failed : QueueStatus.Pending;
        work.DueUtc = now + Backoff(work.Attempts);
        Release(work);
    }

    public static void Release(IQueuedWork work) => work.LockedUntilUtc = null;

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s<>()\[\],;:""]+@[^\s<>()\[\],;:""]+")]
    private static partial System.Text.RegularExpressions.Regex Address();
}
