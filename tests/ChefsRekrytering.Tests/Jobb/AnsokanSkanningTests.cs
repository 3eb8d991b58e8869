using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Jobb;

/// <summary>The public application form with every file scanned by the real clamd.</summary>
public class AnsokanSkanningTests(ClamdPortal portal) : IClassFixture<ClamdPortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EttCvMedVirusAvvisasMedSvensktBeskedOchIngentingSparasEllerLoggasOmSokanden()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var sokande = Sokande.Ny();
        var before = await CountAsync();

        var response = await AnsokanTests.ApplyAsync(PortalClient.For(portal), id, sokande,
            cv: TestFiles.Pdf(TestFiles.Eicar()), brev: TestFiles.Docx(), cvNamn: "Åsa Öberg CV.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("CV: Filen innehåller skadlig kod och har inte sparats.", page.QuerySelector("[role=alert] li")!.TextContent);
        Assert.Equal("CV: Filen innehåller skadlig kod och har inte sparats.", page.QuerySelector("#Input_Cv ~ .field-error")!.TextContent);
        Assert.Equal(before, await CountAsync());
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.False(await db.Set<Kandidat>().AnyAsync(k => k.RekryteringId == id));
        Assert.Contains(portal.Logs.Messages, l => l.Contains("skadlig kod Eicar-Test-Signature"));
        Assert.DoesNotContain(portal.Logs.Messages, l => l.Contains("Öberg") || l.Contains(sokande.Epost, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EnAnsokanMedRenaFilerTasEmotOchVarjeFilSkannasEnGang()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var scans = portal.Scans.Count;

        var response = await AnsokanTests.ApplyAsync(PortalClient.For(portal), id, Sokande.Ny(), brev: TestFiles.Docx());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Before the transaction, once per file: storing them does not scan them again.
        Assert.Equal(2, portal.Scans.Count - scans);
        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().SingleAsync(x => x.RekryteringId == id);
        Assert.Equal(2, await db.Dokument.CountAsync(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id));
    }

    /// <summary>Applicants, document rows, stored files and mails: what a refused application must leave unchanged.</summary>
    private async Task<(int Kandidater, (int Rader, int Filer) Dokument, int Mejl)> CountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Set<Kandidat>().IgnoreQueryFilters().CountAsync(), await portal.StoredAsync(),
            await db.Set<OutboxMessage>().IgnoreQueryFilters().CountAsync());
    }
}
