using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Scheduling;

/// <summary>A time-driven step (a deadline, a reminder, a yearly opening) stored as a row, so it survives restarts.</summary>
public class ScheduledJob : IKommunEntity, IQueuedWork
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>Names the <see cref="IScheduledJobHandler"/> that runs it.</summary>
    public required string JobType { get; set; }
    /// <summary>The record the job is about, e.g. the introduction whose item is due.</summary>
    public int? SubjectId { get; set; }
    public string? Data { get; set; }
    public QueueStatus Status { get; set; } = QueueStatus.Pending;
    public DateTime DueUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
}

/// <summary>Runs jobs of one type. Runs in its own scope with the job's municipality selected; should be idempotent,
/// because a job whose completion could not be recorded runs again.</summary>
public interface IScheduledJobHandler
{
    string JobType { get; }
    Task HandleAsync(ScheduledJob job, CancellationToken ct);
}

/// <summary>A job that comes back: after each run the next one is scheduled <see cref="Interval"/> later, per municipality.</summary>
public interface IRecurringJob : IScheduledJobHandler
{
    TimeSpan Interval { get; }
}

public sealed class SchedulerOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 20;
    public int MaxAttempts { get; set; } = 8;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
