using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Jobb;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>
/// Blob Storage answering 503 or hanging, through a fault proxy in front of the real Azurite: the Azure SDK's bounded
/// retries give up within seconds, the applicant gets a Swedish message with the typed form kept, nothing is half-stored,
/// and a download is a Swedish 503 page.
/// </summary>
public sealed partial class BlobFelTests : IAsyncLifetime
{
    private readonly string _container = $"test-{Guid.NewGuid():N}";
    private FelProxy _proxy = null!;
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        var azurite = TestServices.Azurite;
        _proxy = new FelProxy(int.Parse(AzuritePort().Match(azurite).Groups[1].Value));
        _portal = new PortalFactory()
            .With("Storage:Documents:Provider", "AzureBlob")
            .With("Storage:Documents:ConnectionString", AzuritePort().Replace(azurite, $"127.0.0.1:{_proxy.Port}/"))
            .With("Storage:Documents:Container", _container)
            .With("Storage:Documents:BlobMaxRetries", "2")
            .With("Storage:Documents:BlobNetworkTimeout", "00:00:01");
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(FelProxy.Lage.Svara503)]
    [InlineData(FelProxy.Lage.Hanga)]
    public async Task UppladdningNarBlobInteSvararAvvisasPaSvenskaMedFormularetKvarOchIngetHalvtSparat(FelProxy.Lage fel)
    {
        var id = await new Testdata(_portal).NyRekrytering().AnnonseradAsync();
        var sokande = Sokande.Ny();
        var before = await CountAsync();

        _proxy.Mode = fel;
        var clock = Stopwatch.StartNew();
        var response = await AnsokanTests.ApplyAsync(PortalClient.For(_portal), id, sokande, brev: TestFiles.Docx());
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(AnsokanService.DokumentFel, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(sokande.Fornamn, page.QuerySelector("#Input_Fornamn")!.GetAttribute("value"));
        Assert.Equal(sokande.Epost, page.QuerySelector("#Input_Epost")!.GetAttribute("value"));
        // One try and two retries, then the answer: seconds, not the SDK's default minutes.
        Assert.Equal(3, _proxy.FelaktigaForsok);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Console.WriteLine($"Blob {fel}: uppladdningen avvisad efter {clock.Elapsed.TotalSeconds:0.0} s och {_proxy.FelaktigaForsok} försök");

        _proxy.Mode = FelProxy.Lage.Vidare;
        Assert.Equal(before, await CountAsync());

        // Back again, the same application goes through, once.
        var again = await AnsokanTests.ApplyAsync(PortalClient.For(_portal), id, sokande, brev: TestFiles.Docx());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(before with { Kandidater = before.Kandidater + 1, Dokument = before.Dokument + 2, Blobbar = before.Blobbar + 2 }, await CountAsync());
    }

    [Fact]
    public async Task NedladdningNarBlobSvarar503GerEnSvenskSida503UtanStackTrace()
    {
        var id = await new Testdata(_portal).NyRekrytering().AnnonseradAsync();
        var sokande = Sokande.Ny();
        Assert.Equal(HttpStatusCode.Redirect, (await AnsokanTests.ApplyAsync(PortalClient.For(_portal), id, sokande)).StatusCode);
        int docId;
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Epost == sokande.Epost);
            docId = await db.Dokument.Where(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id).Select(d => d.Id).SingleAsync();
        }
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/dokument/{docId}")).StatusCode);

        _proxy.Mode = FelProxy.Lage.Svara503;
        var response = await hr.GetAsync($"/dokument/{docId}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = PortalClient.Parse(html);
        Assert.Equal("Dokumentet kan inte hämtas just nu", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("   at ", html);
        Assert.DoesNotContain("devstoreaccount1", html);

        _proxy.Mode = FelProxy.Lage.Vidare;
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/dokument/{docId}")).StatusCode);
    }

    private async Task<(int Kandidater, int Dokument, int Blobbar)> CountAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var blobs = 0;
        // Straight to Azurite, past the proxy.
        await foreach (var _ in new BlobContainerClient(TestServices.Azurite, _container).GetBlobsAsync()) blobs++;
        return (await db.Set<Kandidat>().IgnoreQueryFilters().CountAsync(), await db.Dokument.IgnoreQueryFilters().CountAsync(), blobs);
    }

    [GeneratedRegex(@"127\.0\.0\.1:(\d+)/")]
    private static partial Regex AzuritePort();

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _proxy.DisposeAsync();
        await new BlobContainerClient(TestServices.Azurite, _container).DeleteIfExistsAsync();
    }
}
