using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChefsRekrytering.Tests.Scheduling;

/// <summary>
/// The server's clock moved back an hour (a wrong NTP step, a VM restored): what was done stays done, so no job runs
/// twice and no mail goes out twice; a lease taken before the step holds for the hour it now looks longer, then expires.
/// FakeTimeProvider refuses to go back, so the portal gets a clock the test can set either way.
/// </summary>
public sealed class KlockaBakatTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly StallbarKlocka _clock = new(Start);
    private readonly SchedulerTests.JobLog _log = new();
    private SmtpSink _sink = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartNewAsync();
        _portal = new PortalFactory()
            .With("Mail:Delivery", "Smtp")
            .With("Mail:Smtp:Host", "127.0.0.1")
            .With("Mail:Smtp:Port", _sink.Port.ToString())
            .With("Mail:Smtp:Security", "None")
            .WithClock(_clock)
            .WithServices(s =>
            {
                s.RemoveAll<IScheduledJobHandler>();
                s.AddSingleton(_log);
                s.AddScoped<IScheduledJobHandler, Engangs>();
                s.AddScoped<IScheduledJobHandler, Daglig>();
            });
        _ = _portal.Server;
        Assert.Equal(5, await RunJobsAsync()); // the recurring job once per municipality, from start-up
        _log.Runs.Clear();
    }

    [Fact]
    public async Task EfterEnTimmeBakatKorsIngetJobbIgenOchIngetMejlSkickasIgen()
    {
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            scope.ServiceProvider.GetRequiredService<Scheduler>().Schedule("test-engang", db.UtcNow.AddMinutes(30), subjectId: 1);
            await db.SaveChangesAsync();
        }
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 2);
        _clock.Set(Start.AddMinutes(31));
        Assert.Equal(1, await RunJobsAsync());
        Assert.Equal(2, await MailPortal.DispatchAsync(_portal));

        _clock.Set(Start.AddMinutes(31 - 60));
        Assert.Equal(0, await RunJobsAsync());
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        // Forward again, past the moment everything first ran.
        _clock.Set(Start.AddMinutes(35));
        Assert.Equal(0, await RunJobsAsync());
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        // A new mail after the step goes out, once.
        _clock.Set(Start.AddMinutes(-10));
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 1, prefix: "Efter");
        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));

        // The recurring job's next run (a day after it ran) comes once per municipality.
        _clock.Set(Start.AddDays(1));
        Assert.Equal(5, await RunJobsAsync());
        Assert.Equal(0, await RunJobsAsync());

        Assert.Equal([("test-engang", 1, "kalix")], _log.Runs.Where(r => r.Type == "test-engang"));
        Assert.Equal(5, _log.Runs.Count(r => r.Type == "test-daglig"));
        var mail = _sink.Messages();
        Assert.Equal(3, mail.Count);
        Assert.Equal(3, mail.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task EttLanFranForeStegetHallerTimmenExtraOchGarSedanUtUtanDubbelSandning()
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 1);
        // An instance claims the mail and dies before sending it: its lease (2 min) is all that holds the row.
        await using (var scope = _portal.Services.CreateAsyncScope())
            Assert.Single(await WorkQueue.ClaimAsync<OutboxMessage>(scope.ServiceProvider.GetRequiredService<AppDbContext>(), 10, TimeSpan.FromMinutes(2), default));

        _clock.Set(Start.AddHours(-1));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        _clock.Set(Start.AddMinutes(2));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        _clock.Set(Start.AddMinutes(2).AddSeconds(1));
        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        Assert.Single(_sink.Messages());
    }

    private Task<int> RunJobsAsync() => _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _sink.DisposeAsync();
    }

    /// <summary>A clock the test sets, forward or back.</summary>
    private sealed class StallbarKlocka(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Set(DateTimeOffset now) => _now = now;
    }

    private sealed class Engangs(SchedulerTests.JobLog log, CurrentKommun kommun) : IScheduledJobHandler
    {
        public string JobType => "test-engang";
        public Task HandleAsync(ScheduledJob job, CancellationToken ct)
        {
            lock (log) log.Runs.Add((JobType, job.SubjectId, kommun.Id));
            return Task.CompletedTask;
        }
    }

    private sealed class Daglig(SchedulerTests.JobLog log, CurrentKommun kommun) : IRecurringJob
    {
        public string JobType => "test-daglig";
        public TimeSpan Interval => TimeSpan.FromDays(1);
        public Task HandleAsync(ScheduledJob job, CancellationToken ct)
        {
            lock (log) log.Runs.Add((JobType, null, kommun.Id));
            return Task.CompletedTask;
        }
    }
}
