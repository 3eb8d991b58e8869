using System.Diagnostics;
using System.Text;
using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation.Personalimport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChefsRekrytering.Tests.Organisation;

/// <summary>
/// Run by bench/personalimport.sh (BENCH_PERSONALIMPORT=antal, BENCH_PERSONALIMPORT_DB=sqlite|postgres): a generated export
/// of that many employees imported into Kalix, then the same file again; prints both times, the SQL commands each sent and
/// the process's peak memory. PostgreSQL is a fresh database on the test server, dropped afterwards. Without the variables
/// the ordinary test run imports 300 on SQLite, so the bench's own path (a first import, then 0 changes) is checked on every run.
/// </summary>
public sealed class PersonalimportBench(ITestOutputHelper output)
{
    [Fact]
    public async Task FemtiotusenAnstallda()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_PERSONALIMPORT"), out var antal)) antal = 300;
        var sb = new StringBuilder("Anställningsnummer;Förnamn;Efternamn;E-post;Enhetskod;Enhetsnamn;Överordnad enhet;Chefens anställningsnummer;Slutdatum\n");
        var enheter = Math.Max(1, antal / 100);
        for (var i = 0; i < antal; i++)
        {
            var enhet = i % enheter;
            var chef = 100000 + enhet; // the first employee of each unit leads it
            var overordnad = enhet == 0 ? "" : $"E{(enhet - 1) / 10}";
            sb.Append($"{100000 + i};Förnamn{i};Efternamn{i};person{i}@bench.test;E{enhet};Enhet {enhet};{overordnad};{chef};\n");
        }
        var fil = Encoding.UTF8.GetBytes(sb.ToString());

        var provider = Environment.GetEnvironmentVariable("BENCH_PERSONALIMPORT_DB") is "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        await using var portal = new PortalFactory(provider);
        _ = portal.Server;
        var admin = await new Testdata(portal).PrincipalAsync("admin");
        foreach (var gang in new[] { "Första importen", "Samma fil igen" })
        {
            await using var scope = portal.ScopeFor("kalix", out _);
            var service = scope.ServiceProvider.GetRequiredService<PersonalimportService>();
            using var kommandon = new SqlKommandon();
            var watch = Stopwatch.StartNew();
            var result = await service.GenomforAsync(fil, "bench.csv", bekraftaAvgangar: true, admin);
            watch.Stop();
            Assert.True(result.Result.Succeeded, string.Join(" ", result.Result.Reasons));
            Assert.Empty(result.Value!.Avvisade);
            if (gang == "Samma fil igen") Assert.Equal(0, result.Value.Andringar);
            else Assert.True(result.Value.Andringar >= antal, $"{result.Value.Andringar} ändringar för {antal} nya anställda");
            var line = $"{gang} ({provider}): {antal} anställda, {watch.Elapsed.TotalSeconds:F1} s, {result.Value!.Andringar} ändringar, " +
                       $"{kommandon.Antal} SQL-kommandon, " +
                       $"{result.Value.Avvisade.Count} avvisade, högsta minne {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB";
            output.WriteLine(line);
            Console.WriteLine(line);
        }
    }

    /// <summary>Counts the SQL commands EF Core sends while it lives (one batch of statements counts once), so a per-row
    /// command shows as thousands here.</summary>
    private sealed class SqlKommandon : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _antal;
        public SqlKommandon() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        public int Antal => _antal;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuting.Name) Interlocked.Increment(ref _antal);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
