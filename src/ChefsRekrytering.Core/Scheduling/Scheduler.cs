using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Scheduling;

/// <summary>Schedules and cancels jobs in the caller's unit of work: a deadline is stored with the change that sets it.</summary>
public sealed class Scheduler(AppDbContext db)
{
    public ScheduledJob Schedule(string jobType, DateTime dueUtc, int? subjectId = null, string? data = null, string? kommunId = null)
    {
        var job = new ScheduledJob
        {
            KommunId = kommunId ?? "", JobType = jobType, SubjectId = subjectId, Data = data,
            DueUtc = dueUtc, CreatedUtc = db.UtcNow,
        };
        db.Add(job);
        return job;
    }

    /// <summary>Cancels pending jobs of a type for a record, e.g. reminders for an item that is now done.</summary>
    public async Task CancelAsync(string jobType, int subjectId, CancellationToken ct = default)
    {
        var pending = await db.Set<ScheduledJob>()
            .Where(j => j.JobType == jobType && j.SubjectId == subjectId && j.Status == QueueStatus.Pending)
            .ToListAsync(ct);
        foreach (var job in pending) job.Status = QueueStatus.Cancelled;
    }
}
