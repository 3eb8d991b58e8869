using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Scheduling;

/// <summary>Time-driven steps run when the clock says so: the tests move the clock, nothing sleeps.</summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly JobLog _log = new();
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = new PortalFactory()
            .WithClock(_clock)
            .WithServices(s =>
            {
                s.RemoveAll<IScheduledJobHandler>(); // the mechanism under test, without the portal's own jobs
                s.AddSingleton(_log);
                s.AddScoped<IScheduledJobHandler, Paminnelse>();
                s.AddScoped<IScheduledJobHandler, Trasig>();
                s.AddScoped<IScheduledJobHandler, Daglig>();
            });
        _ = _portal.Server;
        // Start-up put one recurring job per municipality in place; let them run so each test starts from quiet.
        Assert.Equal(5, await _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync());
        _log.Runs.Clear();
    }

    [Fact]
    public async Task JobbKorsForstNarDetArDagsOchBaraEnGang()
    {
        await ScheduleAsync("kalix", "test-paminnelse", TimeSpan.FromDays(3), subjectId: 7);
        var runner = _portal.Services.GetRequiredService<SchedulerRunner>();

        Assert.Equal(0, await runner.RunDueAsync());
        _clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await runner.RunDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await runner.RunDueAsync());
        Assert.Equal(0, await runner.RunDueAsync());
        Assert.Equal([("test-paminnelse", 7, "kalix")], _log.Runs);
    }

    [Fact]
    public async Task AvbokatJobbKorsInte()
    {
        await ScheduleAsync("alvsbyn", "test-paminnelse", TimeSpan.FromHours(1), subjectId: 9);
        await using (var scope = _portal.ScopeFor("alvsbyn", out var db))
        {
            await scope.ServiceProvider.GetRequiredService<Scheduler>().CancelAsync("test-paminnelse", 9);
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync());
        Assert.Empty(_log.Runs);
    }

    [Fact]
    public async Task MisslyckatJobbForsokerIgenMedOkandeVantanOchGerSedanUpp()
    {
        await ScheduleAsync("kalix", "test-trasig", TimeSpan.Zero);
        var runner = _portal.Services.GetRequiredService<SchedulerRunner>();
        var attempts = new List<DateTimeOffset>();
        for (var i = 0; i < 200 && await StatusAsync("test-trasig") == QueueStatus.Pending; i++)
        {
            if (await runner.RunDueAsync() == 0 && _log.Failures > attempts.Count) attempts.Add(_clock.GetUtcNow());
            _clock.Advance(TimeSpan.FromSeconds(30));
        }
        Assert.Equal(QueueStatus.Failed, await StatusAsync("test-trasig"));
        Assert.Equal(8, _log.Failures);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.SequenceEqual(gaps.Order()), $"väntan ska öka: {string.Join(", ", gaps)}");
    }

    [Fact]
    public async Task AterkommandeJobbFinnsIVarjeKommunOchPlanerasOm()
    {
        var runner = _portal.Services.GetRequiredService<SchedulerRunner>();
        await runner.EnsureRecurringAsync(["kalix", "alvsbyn"]); // already in place since start-up: adds nothing
        Assert.Equal(0, await runner.RunDueAsync());
        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(5, await runner.RunDueAsync());
        Assert.Equal(0, await runner.RunDueAsync());
        Assert.Equal(["alvsbyn", "kalix", "ljusnarsberg", "vimmerby", "vindeln"], _log.Runs.Where(r => r.Type == "test-daglig").Select(r => r.Kommun).Order());
    }

    private async Task ScheduleAsync(string kommun, string type, TimeSpan after, int? subjectId = null)
    {
        await using var scope = _portal.ScopeFor(kommun, out var db);
        scope.ServiceProvider.GetRequiredService<Scheduler>().Schedule(type, db.UtcNow + after, subjectId);
        await db.SaveChangesAsync();
    }

    private async Task<QueueStatus> StatusAsync(string type)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<ScheduledJob>().Where(j => j.JobType == type).Select(j => j.Status).SingleAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public sealed class JobLog
    {
        public List<(string Type, int? Subject, string? Kommun)> Runs { get; } = [];
        public int Failures { get; set; }
    }

    private sealed class Paminnelse(JobLog log, CurrentKommun kommun) : IScheduledJobHandler
    {
        public string JobType => "test-paminnelse";
        public Task HandleAsync(ScheduledJob job, CancellationToken ct)
        {
            lock (log) log.Runs.Add((JobType, job.SubjectId, kommun.Id));
            return Task.CompletedTask;
        }
    }

    private sealed class Trasig(JobLog log) : IScheduledJobHandler
    {
        public string JobType => "test-trasig";
        public Task HandleAsync(ScheduledJob job, CancellationToken ct)
        {
            lock (log) log.Failures++;
            throw new InvalidOperationException("Tjänsten svarar inte");
        }
    }

    private sealed class Daglig(JobLog log, CurrentKommun kommun) : IRecurringJob
    {
        public string JobType => "test-daglig";
        public TimeSpan Interval => TimeSpan.FromDays(30); // long, so it stays out of the other tests' way
        public Task HandleAsync(ScheduledJob job, CancellationToken ct)
        {
            lock (log) log.Runs.Add((JobType, null, kommun.Id));
            return Task.CompletedTask;
        }
    }
}
