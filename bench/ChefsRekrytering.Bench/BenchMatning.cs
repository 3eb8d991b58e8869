using System.Diagnostics;
using System.Security.Claims;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rapporter;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Bench;

/// <summary>
/// bench/kommunens-dag.sh: the reports over the whole history and the day's gallring, each timed and with the SQL commands
/// it sent, logged as one line the script reads ("Bänkmätning ..."). Run once after seeding, before the portal serves.
/// The reports run twice and the second is reported (the first pays for the query compilation, as the first visitor
/// of the day would); gallring runs once, since a second run finds nothing left.
/// </summary>
public sealed class BenchMatning(CurrentKommun kommun, RapportService rapporter, Gallring gallring, ILogger<BenchMatning> log)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        kommun.Use("kalix");
        var hr = new ClaimsPrincipal(new ClaimsIdentity([new(PortalClaims.Kommun, "kalix"), new(ClaimTypes.Role, Roller.HR), new(PortalClaims.Namn, "Bänkdata")], "bench"));
        using var counter = new Kommandoraknare();
        // EF Core caches whether anyone listens for up to a second (LoggingCacheTime): a small history's report would
        // otherwise finish before its commands are seen.
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        for (var round = 1; round <= 2; round++)
        {
            var (ms, commands, rapport) = await counter.MeasureAsync(() => rapporter.RapportAsync(new Rapportval(null, null, null), hr, ct));
            if (rapport is null) throw new InvalidOperationException("Bänkmätning: rapporten nekades HR.");
            log.LogWarning("Bänkmätning rapporter varv={Varv} ms={Ms} kommandon={Kommandon} tabeller={Tabeller}", round, ms, commands, rapport.Tabeller.Count);
        }
        var (gms, gcommands, gallrade) = await counter.MeasureAsync(() => gallring.GallraForfallnaAsync(ct));
        log.LogWarning("Bänkmätning gallring ms={Ms} kommandon={Kommandon} sokande={Sokande}", gms, gcommands, gallrade);
    }

    /// <summary>Counts the commands EF Core executes in the measured call (its diagnostic events, flowed by AsyncLocal, so
    /// nothing else running in the process counts), with no counting code in the portal.</summary>
    private sealed class Kommandoraknare : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly AsyncLocal<Box?> _current = new();
        private readonly List<IDisposable> _subscriptions = [];
        private sealed class Box { public int Count; }

        public Kommandoraknare() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public async Task<(long Ms, int Commands, T Result)> MeasureAsync<T>(Func<Task<T>> work)
        {
            var box = new Box();
            _current.Value = box;
            var clock = Stopwatch.StartNew();
            var result = await work();
            _current.Value = null;
            return (clock.ElapsedMilliseconds, box.Count, result);
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (_current.Value is { } box) Interlocked.Increment(ref box.Count);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
