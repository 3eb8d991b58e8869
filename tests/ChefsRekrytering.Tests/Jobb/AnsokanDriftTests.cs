using System.Collections.Concurrent;
using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Tests.Jobb;

/// <summary>Applications when something around them goes wrong or is watched: a document store failing half-way, the logs.</summary>
public class AnsokanDriftTests
{
    [Fact]
    public async Task OmDokumentlagretFallerMittIAnsokanTasAlltBortIgen()
    {
        await using var portal = new PortalFactory();
        // The CV is stored, then the store goes down before the letter.
        var store = new WatchedStore(new FileSystemDocumentStore(Path.Combine(portal.DataFolder, "dokument")));
        portal.WithServices(s => s.AddSingleton<IDocumentStore>(store));
        var id = await new Testdata(portal).NyRekrytering().AnnonseradAsync();
        // Counted from here: the demo data's own CVs went in at start-up.
        store.Saved.Clear();
        store.SavesBeforeFailing = 1;

        var response = await AnsokanTests.ApplyAsync(PortalClient.For(portal), id, Sokande.Ny(), brev: TestFiles.Docx());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AnsokanService.DokumentFel, page.QuerySelector("[role=alert] li")!.TextContent);
        var cv = Assert.Single(store.Saved);
        Assert.False(await store.ExistsAsync(cv));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Kandidat>().AnyAsync(k => k.RekryteringId == id));
        var demoCandidates = await db.Set<Kandidat>().Select(k => k.Id).ToListAsync();
        Assert.False(await db.Dokument.AnyAsync(d => !demoCandidates.Contains(d.OwnerId)));
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Topic.StartsWith("Kandidat:")));
        Assert.False(await db.PendingBlobDeletions.AnyAsync());
    }

    [Fact]
    public async Task DenPrivataLankensNyckelHamnarAldrigILoggen()
    {
        var logs = new CapturedLogs();
        await using var portal = new PortalFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
        portal.WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var id = await new Testdata(portal).NyRekrytering().AnnonseradAsync();
        var client = PortalClient.For(portal);

        var response = await AnsokanTests.ApplyAsync(client, id, Sokande.Ny());
        var url = response.Headers.Location!.OriginalString;
        var token = url["/ansokan/".Length..];
        await client.PageAsync(url);
        await client.PostFormAsync($"{url}?handler=Aterta", new() { ["Bekraftar"] = "true" }, formPage: url);
        await client.PageAsync(url);

        Assert.Contains(logs.Messages, l => l.Contains("Ansökan") && l.Contains("mottagen"));
        Assert.Contains(logs.Messages, l => l.StartsWith("Microsoft.AspNetCore.Mvc.ModelBinding") && l.Contains("[Debug]")); // the levels really are raised
        Assert.DoesNotContain(logs.Messages, l => l.Contains(token, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>The floors kept for the private link only ever raise a category's level, never lower it.</summary>
public class PrivateLinkLoggingTests
{
    private const string Sidor = "Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker";
    private const string Routning = "Microsoft.AspNetCore.Routing.EndpointMiddleware";

    private static ILoggerFactory Loggar(params (string Kategori, string Niva)[] niva)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(niva.Select(n => KeyValuePair.Create($"LogLevel:{n.Kategori}", (string?)n.Niva)))
            .Build();
        return new ServiceCollection()
            .AddLogging(b => b.AddConfiguration(config).KeepPrivateLinksOutOfLogs().AddProvider(new CapturedLogs()))
            .BuildServiceProvider().GetRequiredService<ILoggerFactory>();
    }

    [Fact]
    public void ProduktionensVarningsnivaGallerAvenDarGolvenLiggerLagre()
    {
        // The shipped appsettings.json: every request logging "Executed page" at Information cost a fifth of the CPU.
        var loggar = Loggar(("Default", "Information"), ("Microsoft.AspNetCore", "Warning"));

        Assert.False(loggar.CreateLogger(Sidor).IsEnabled(LogLevel.Information));
        Assert.False(loggar.CreateLogger(Routning).IsEnabled(LogLevel.Information));
        Assert.True(loggar.CreateLogger(Sidor).IsEnabled(LogLevel.Warning));
        Assert.True(loggar.CreateLogger("ChefsRekrytering.Jobb").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void FelsokningPaTraceStannarVidGolven()
    {
        var loggar = Loggar(("Default", "Trace"), ("Microsoft.AspNetCore", "Trace"));

        Assert.True(loggar.CreateLogger(Sidor).IsEnabled(LogLevel.Debug));
        Assert.False(loggar.CreateLogger(Sidor).IsEnabled(LogLevel.Trace));
        Assert.False(loggar.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.True(loggar.CreateLogger("Microsoft.AspNetCore.Mvc.ModelBinding").IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public void KonfigurationSomNamnerKategorinBestammer()
    {
        var loggar = Loggar(("Default", "Warning"), ("Microsoft.AspNetCore.Mvc.RazorPages", "Trace"));

        Assert.True(loggar.CreateLogger(Sidor).IsEnabled(LogLevel.Trace));
    }
}

/// <summary>
/// Every log message with its level and exception. Scopes are left out on purpose: the framework's request scope
/// holds the request path, and a sink that prints scopes shows it (see <c>PrivateLinkLogging</c>).
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Messages.Enqueue($"{category} [{logLevel}]: {formatter(state, exception)} {exception}");
    }
}
