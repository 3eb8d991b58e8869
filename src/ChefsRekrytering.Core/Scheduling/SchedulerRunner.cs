using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Scheduling;

/// <summary>Runs due jobs. Time comes from the TimeProvider, so tests move the clock and call <see cref="RunDueAsync"/>.</summary>
public sealed class SchedulerRunner(IServiceScopeFactory scopes, IOptions<SchedulerOptions> options, TimeProvider clock,
    ILogger<SchedulerRunner> log)
{
    /// <summary>Runs every job due now; returns how many succeeded.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var done = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await WorkQueue.ClaimAsync<ScheduledJob>(db, options.Value.BatchSize, options.Value.Lease, ct);
            foreach (var job in batch)
            {
                var recurring = await RunOneAsync(job, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                if (job.Status == QueueStatus.Done)
                {
                    done++;
                    if (recurring is not null)
                        db.Add(new ScheduledJob { KommunId = job.KommunId, JobType = job.JobType, DueUtc = now + recurring.Interval, CreatedUtc = now });
                }
                await db.SaveChangesAsync(ct);
            }
            if (batch.Count < options.Value.BatchSize) break;
        }
        return done;
    }

    /// <summary>Makes sure every recurring job has a pending run in every municipality (at start-up).</summary>
    public async Task EnsureRecurringAsync(IEnumerable<string> kommunIds, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var types = scope.ServiceProvider.GetServices<IScheduledJobHandler>().OfType<IRecurringJob>().Select(r => r.JobType).ToList();
        // Two instances starting at once would both find no pending run and both add one: the lock makes the second wait
        // for the first's inserts (committed below, each in its municipality's scope) and then see them.
        await using var tx = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null) await Startlas.TransaktionslasAsync(db, Startlas.AterkommandeNyckel, ct);
        var pending = await db.Set<ScheduledJob>().IgnoreQueryFilters()
            .Where(j => types.Contains(j.JobType) && j.Status == QueueStatus.Pending)
            .Select(j => new { j.KommunId, j.JobType }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var kommun in kommunIds)
        {
            var saknas = types.Where(t => !pending.Any(p => p.KommunId == kommun && p.JobType == t)).ToList();
            if (saknas.Count == 0) continue;
            // Written in a scope of that municipality, as a job writes for the municipality it runs for: also when called
            // from a request (a municipality just added), whose user belongs to another.
            await using var kommunScope = scopes.CreateAsyncScope();
            kommunScope.ServiceProvider.GetRequiredService<CurrentKommun>().Use(kommun);
            var kdb = kommunScope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var type in saknas) kdb.Add(new ScheduledJob { KommunId = kommun, JobType = type, DueUtc = now, CreatedUtc = now });
            await kdb.SaveChangesAsync(ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
    }

    /// <summary>Runs the job's handler in a scope of its own municipality; records the outcome on the claimed row.</summary>
    private async Task<IRecurringJob?> RunOneAsync(ScheduledJob job, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var span = Telemetri.Kalla.StartActivity(Telemetri.JobbSpan);
        span?.SetTag("job.type", job.JobType);
        span?.SetTag("kommun.id", job.KommunId);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentKommun>().Use(job.KommunId);
        var handler = scope.ServiceProvider.GetServices<IScheduledJobHandler>().FirstOrDefault(h => h.JobType == job.JobType);
        try
        {
            if (handler is null) throw new InvalidOperationException($"Ingen hanterare för jobbtypen {job.JobType}.");
            await handler.HandleAsync(job, ct);
            job.Status = QueueStatus.Done;
            job.CompletedUtc = now;
            job.Attempts++;
            WorkQueue.Release(job);
            return handler as IRecurringJob;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            WorkQueue.RecordFailure(job, e, now, options.Value.MaxAttempts);
            Telemetri.Misslyckades(span, e);
            log.LogError(e, "Schemalagt jobb {Id} ({Type}) misslyckades, försök {Attempt}", job.Id, job.JobType, job.Attempts);
            return null;
        }
    }
}

public sealed class SchedulerBackgroundService(SchedulerRunner runner, IOptions<SchedulerOptions> options, TimeProvider clock,
    ILogger<SchedulerBackgroundService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await runner.RunDueAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Schemaläggaren avbröts"); }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }
}
