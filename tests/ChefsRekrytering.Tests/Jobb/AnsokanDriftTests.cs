using System.Collections.Concurrent;
using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Rekrytering;
using Microsoft.EntityFrameworkCore;
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
        var id = await new RekryteringBuilder(portal).AnnonseradAsync();
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
        var id = await new RekryteringBuilder(portal).AnnonseradAsync();
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
