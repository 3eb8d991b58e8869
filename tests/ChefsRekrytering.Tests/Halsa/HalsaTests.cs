using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using ChefsRekrytering.Data;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Notifications;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Halsa;

/// <summary>
/// /health/live and /health/ready as the platform's probes see them, on the real services: PostgreSQL, Azurite and the
/// SMTP sink as a process the test stops and starts.
/// </summary>
public sealed class HalsaTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = MailPortal.Clock();
    private readonly string _container = $"test-{Guid.NewGuid():N}";
    private SmtpSink _sink = null!;
    private PortalFactory _portal = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartNewAsync();
        _portal = MailPortal.Create(_sink, _clock, DatabaseProvider.Postgres)
            .With("Storage:Documents:Provider", "AzureBlob")
            .With("Storage:Documents:ConnectionString", TestServices.Azurite)
            .With("Storage:Documents:Container", _container);
        _http = _portal.CreateClient();
    }

    [Fact]
    public async Task ReadyArFriskNarAllaTjansterSvararOchLiveFragarIngen()
    {
        var (status, body) = await GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["databas", "dokument", "epost", "utkorg"], Kontroller(body).Keys.Order());
        Assert.All(Kontroller(body).Values, s => Assert.Equal("Healthy", s));
        Assert.False(body.TryGetProperty("orsaker", out _));

        (status, body) = await GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(Kontroller(body));

        // The old address answers as before: the database only (bench/lib.sh waits on it).
        Assert.Equal("""{"status":"Healthy","kontroller":{"databas":"Healthy"}}""", await _http.GetStringAsync("/health"));
    }

    [Fact]
    public async Task NarSmtpServernArNereSagerReadyAttEpostenInteNasMenLiveArOk()
    {
        Assert.Equal("Healthy", Kontroller((await GetAsync("/health/ready")).Body)["epost"]);
        await _sink.StopAsync();

        // The answer is kept a few seconds, so probes from every replica do not each open a connection.
        Assert.Equal("Healthy", Kontroller((await GetAsync("/health/ready")).Body)["epost"]);
        _clock.Advance(TimeSpan.FromSeconds(16));

        var (status, body) = await GetAsync("/health/ready");
        // Degraded, not Unhealthy: mail waits in the outbox, and taking every replica out of traffic would not help.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", Kontroller(body)["epost"]);
        Assert.Equal("Healthy", Kontroller(body)["databas"]);
        var orsak = body.GetProperty("orsaker").GetProperty("epost").GetString()!;
        Assert.StartsWith("SMTP-servern går inte att nå", orsak);
        Assert.DoesNotContain(_sink.Port.ToString(), body.GetRawText());
        Assert.DoesNotContain("127.0.0.1", body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/health/live")).Status);

        await _sink.StartAsync();
        _clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal("Healthy", Kontroller((await GetAsync("/health/ready")).Body)["epost"]);
    }

    [Fact]
    public async Task EttMejlSomVantatForLangeIUtkorgenGorReadyDegraderadTillsDetSkickats()
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 1);
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("Healthy", Kontroller((await GetAsync("/health/ready")).Body)["utkorg"]);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var (status, body) = await GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", Kontroller(body)["utkorg"]);
        Assert.Equal("Det äldsta mejlet i utkorgen har väntat 11 min, längre än gränsen 10 min.",
            body.GetProperty("orsaker").GetProperty("utkorg").GetString());
        Assert.DoesNotContain("kalix.example", body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/health/live")).Status);

        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));
        Assert.Equal("Healthy", Kontroller((await GetAsync("/health/ready")).Body)["utkorg"]);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string url)
    {
        var response = await _http.GetAsync(url);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static Dictionary<string, string> Kontroller(JsonElement body) =>
        body.GetProperty("kontroller").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _portal.DisposeAsync();
        await _sink.DisposeAsync();
        await new BlobContainerClient(TestServices.Azurite, _container).DeleteIfExistsAsync();
    }
}

/// <summary>Readiness when a dependency that matters for every request is gone: 503, and live stays 200.</summary>
public sealed class HalsaUtanDokumentlagerTests : IAsyncLifetime
{
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        // Blob Storage on a port where nothing listens: the SDK's own retries run out or the check's 5 s do.
        // No demo: seeding would store its documents, and the start would stop on the missing store.
        _portal = new PortalFactory()
            .With("Portal:SeedDemo", "false")
            .With("Storage:Documents:Provider", "AzureBlob")
            .With("Storage:Documents:ConnectionString",
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UtanDokumentlagerArReadyInteRedoMenLiveSvarar()
    {
        var http = _portal.CreateClient();
        var response = await http.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", body.GetProperty("kontroller").GetProperty("dokument").GetString());
        Assert.Equal("Healthy", body.GetProperty("kontroller").GetProperty("databas").GetString());
        Assert.StartsWith("Blob Storage svarar inte", body.GetProperty("orsaker").GetProperty("dokument").GetString());
        Assert.DoesNotContain("AccountKey", text);
        Assert.DoesNotContain("127.0.0.1", text);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
