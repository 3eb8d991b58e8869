using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Tests.Scheduling;

/// <summary>
/// Two instances of the portal that start at the same moment on one new PostgreSQL database, as two replicas do on a
/// first deploy: both must come up, and the start-up must leave one pending run of each recurring job per municipality,
/// not one per instance (which would run every nightly job twice from then on). bench/tva-instanser.sh shows the rest
/// (sign-in across instances, mail and jobs once) with real processes behind haproxy.
/// </summary>
public sealed class TvaInstanserTests
{
    [Fact]
    public async Task TvaInstanserSomStartarSamtidigtGerEnVantandeKorningPerKommunOchJobbtyp()
    {
        // A few rounds: the race is between one instance's read of the pending rows and its insert, a short window.
        for (var round = 0; round < 3; round++)
        {
            await using var first = new PortalFactory(DatabaseProvider.Postgres);
            await using var second = new PortalFactory(DatabaseProvider.Postgres, first.ConnectionString);
            await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

            await using var scope = first.ScopeFor("kalix", out var db);
            var types = scope.ServiceProvider.GetServices<IScheduledJobHandler>().OfType<IRecurringJob>().Select(r => r.JobType).ToList();
            var pending = await db.Set<ScheduledJob>().IgnoreQueryFilters()
                .Where(j => j.Status == QueueStatus.Pending && types.Contains(j.JobType))
                .GroupBy(j => new { j.KommunId, j.JobType })
                .Select(g => new { g.Key.KommunId, g.Key.JobType, Count = g.Count() })
                .ToListAsync();
            var kommuner = await db.Kommuner.CountAsync();
            Assert.True(pending.Count == types.Count * kommuner, $"omgång {round}: {pending.Count} par (kommun, jobbtyp) med väntande körning, {types.Count} typer × {kommuner} kommuner väntades");
            Assert.Empty(pending.Where(p => p.Count > 1).Select(p => $"{p.KommunId}/{p.JobType}: {p.Count}"));

            // Both instances serve: the second is not a half-started process that lost a race in the seeding.
            Assert.Contains("Kalix", (await PortalClient.For(second).PageAsync("/policy/kalix")).Body!.TextContent);
        }
    }

    [Fact]
    public async Task TvaInstanserSomKompletterarAterkommandeJobbSamtidigtLaggerTillDemEnGang()
    {
        await using var first = new PortalFactory(DatabaseProvider.Postgres);
        // Its scheduler off as well: a run in flight would add the next run behind this test's back.
        await using var second = new PortalFactory(DatabaseProvider.Postgres, first.ConnectionString).With("Scheduler:Enabled", "false");
        _ = first.Server;
        _ = second.Server;
        IReadOnlyList<string> kommuner;
        await using (var scope = first.ScopeFor("kalix", out _)) kommuner = scope.ServiceProvider.GetRequiredService<PortalInitializer>().KommunIds;
        // Outside the start lock, as when a portal administrator adds a municipality (KommunService) on one instance
        // while the other starts: both find the runs missing at the same moment.
        for (var round = 0; round < 5; round++)
        {
            await using (var scope = first.ScopeFor("kalix", out var db))
                await db.Set<ScheduledJob>().IgnoreQueryFilters().Where(j => j.Status == QueueStatus.Pending)
                    .ExecuteUpdateAsync(j => j.SetProperty(x => x.Status, QueueStatus.Cancelled));
            await Task.WhenAll(
                Task.Run(() => first.Services.GetRequiredService<SchedulerRunner>().EnsureRecurringAsync(kommuner)),
                Task.Run(() => second.Services.GetRequiredService<SchedulerRunner>().EnsureRecurringAsync(kommuner)));
            await using (var scope = first.ScopeFor("kalix", out var db))
            {
                var dubbla = await db.Set<ScheduledJob>().IgnoreQueryFilters().Where(j => j.Status == QueueStatus.Pending)
                    .GroupBy(j => new { j.KommunId, j.JobType }).Where(g => g.Count() > 1).Select(g => g.Key.KommunId + "/" + g.Key.JobType)
                    .ToListAsync();
                Assert.Empty(dubbla);
            }
        }
    }
}
