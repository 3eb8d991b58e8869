using System.Net;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// The anonymised first screening: chosen before publishing, the screeners (owner, HR, panel) see "Sökande 1" and the
/// answers but no name, contact details or documents, on every page and through the document link too, until the
/// applicant is called to interview or the owner or HR lifts it with a reason; each lifting is logged.
/// </summary>
public class AnonymiseringTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private async Task<(int Id, UrvalsfragorTests.Fragor Fragor, int Anna, int Bo, string AnnasEpost)> AnonymAsync()
    {
        var (id, f) = await UrvalsfragorTests.PubliceradMedFragorAsync(data, anonymt: true);
        var annasEpost = $"anna.{Guid.NewGuid():N}@example.se";
        Assert.Equal(HttpStatusCode.Redirect, (await UrvalsfragorTests.AnsokAsync(portal, id, "Annabella", annasEpost, UrvalsfragorTests.Svar(f, "Ja", "6", "Socionom"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UrvalsfragorTests.AnsokAsync(portal, id, "Bosse", $"bo.{Guid.NewGuid():N}@example.se", UrvalsfragorTests.Svar(f, "Nej", "1", "Annan"))).StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        var ids = await db.Set<Kandidat>().Where(k => k.RekryteringId == id).OrderBy(k => k.Id).Select(k => k.Id).ToListAsync();
        return (id, f, ids[0], ids[1], annasEpost);
    }

    private async Task<int> CvAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Dokument.Where(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == kandidatId).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task ListanOchKandidatsidanVisarSokandeMedNummerUtanNamnKontaktuppgifterEllerHandlingar()
    {
        var (id, _, anna, _, epost) = await AnonymAsync();
        foreach (var login in new[] { "rekryterande", "hr" })
        {
            var klient = await data.InloggadAsync(login);
            var lista = await klient.GetAsync($"/rekrytering/{id}");
            var html = await lista.Content.ReadAsStringAsync();
            var sida = PortalClient.Parse(html);
            Assert.Equal(["Sökande 1", "Sökande 2"], sida.QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));
            Assert.DoesNotContain("Annabella", html);
            Assert.DoesNotContain("Bosse", html);
            Assert.Contains("Uppfyller inte krav: Har du B-körkort?", sida.QuerySelector("#sokande")!.TextContent); // the answers are what is screened

            var kandidat = await klient.GetAsync($"/rekrytering/{id}/kandidater/{anna}");
            Assert.Equal(HttpStatusCode.OK, kandidat.StatusCode);
            var kandidatHtml = await kandidat.Content.ReadAsStringAsync();
            Assert.Equal("Sökande 1", PortalClient.Parse(kandidatHtml).QuerySelector("h1")!.TextContent);
            foreach (var personligt in new[] { "Annabella", "Sökandesson", epost, "070-123 45 67", "cv-Annabella.pdf" })
                Assert.DoesNotContain(personligt, kandidatHtml);
            Assert.Contains("Socionom", PortalClient.Parse(kandidatHtml).QuerySelector("#urvalssvar")!.TextContent);
        }
        // Nor can the setting be changed once the advert is out.
        var agare = await data.InloggadAsync("rekryterande");
        var andra = await agare.PostFormAsync($"/rekrytering/{id}/urvalsfragor?handler=Anonymt",
            new() { ["Version"] = await UrvalsfragorTests.VersionAsync(data, id), ["anonymt"] = "false" }, formPage: $"/rekrytering/{id}/urvalsfragor");
        Assert.Contains(UrvalsfragaService.Last, await andra.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HandlingenGarInteAttHamtaViaLankenNarSokandenArAnonymOchIngetLoggasSomNedladdat()
    {
        var (id, _, anna, _, _) = await AnonymAsync();
        var cv = await CvAsync(anna);
        foreach (var login in new[] { "rekryterande", "hr" })
        {
            var svar = await (await data.InloggadAsync(login)).GetAsync($"/dokument/{cv}");
            Assert.Equal(HttpStatusCode.NotFound, svar.StatusCode);
            Assert.DoesNotContain("%PDF", await svar.Content.ReadAsStringAsync());
        }
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<AuditEvent>().AnyAsync(e => e.ObjectType == Granskningsobjekt.Kandidatdokument && e.ObjectId == anna));
    }

    [Fact]
    public async Task KalladTillIntervjuVisasSokandenMedNamnOchDetLoggasMenDeAndraForblirAnonyma()
    {
        var (id, _, anna, bo, _) = await AnonymAsync();
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            // The application period is over (a test's clock does not wait for it): the screening has begun.
            var r = await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == id);
            r.State = RekryteringsTillstand.Urval;
            await db.SaveChangesAsync();
        }
        var agare = await data.PrincipalAsync("rekryterande");
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var version = await db.Set<Kandidat>().Where(k => k.Id == anna).Select(k => k.Version).SingleAsync();
            var idag = DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));
            var bokad = await scope.ServiceProvider.GetRequiredService<KandidatService>()
                .BokaIntervjuAsync(id, anna, version, new Motestid(idag.AddDays(7), new TimeOnly(10, 0), 60), "Stadshuset", agare);
            Assert.True(bokad.Succeeded, string.Join(" ", bokad.Reasons));
        }

        var klient = await data.InloggadAsync("rekryterande");
        var lista = await klient.PageAsync($"/rekrytering/{id}");
        Assert.Equal(["Annabella Sökandesson", "Sökande 2"], lista.QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await klient.GetAsync($"/dokument/{await CvAsync(anna)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await klient.GetAsync($"/dokument/{await CvAsync(bo)}")).StatusCode);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var logg = await db.Set<AuditEvent>().Where(e => e.ObjectType == Granskningsobjekt.Kandidat && e.ObjectId == anna && e.Action == AuditAction.Andrade).ToListAsync();
            Assert.Contains(logg, e => e.UserName == "Anders Nilsson" && e.Detail!.Contains("kallad till intervju"));
        }
    }

    [Fact]
    public async Task HrHaverAnonymitetenMedEttSkalSomLoggas_UtanSkalNekas()
    {
        var (id, _, anna, _, _) = await AnonymAsync();
        var hr = await data.InloggadAsync("hr");
        var url = $"/rekrytering/{id}/urvalsfragor";

        var utanSkal = await hr.PostFormAsync($"{url}?handler=Hav", new() { ["Version"] = await UrvalsfragorTests.VersionAsync(data, id), ["skal"] = " " }, formPage: url);
        Assert.Contains("Skriv varför anonymiteten hävs.", await utanSkal.Content.ReadAsStringAsync());
        Assert.Equal(["Sökande 1", "Sökande 2"], (await hr.PageAsync($"/rekrytering/{id}")).QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));

        var havd = await hr.PostFormAsync($"{url}?handler=Hav",
            new() { ["Version"] = await UrvalsfragorTests.VersionAsync(data, id), ["skal"] = "Bara två sökande, urvalet görs tillsammans" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, havd.StatusCode);
        Assert.Equal(["Annabella Sökandesson", "Bosse Sökandesson"], (await hr.PageAsync($"/rekrytering/{id}")).QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));
        Assert.Contains("Bara två sökande", (await hr.PageAsync(url)).QuerySelector("#anonymitet-havd")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync($"/dokument/{await CvAsync(anna)}")).StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        var logg = await db.Set<AuditEvent>().Where(e => e.ObjectType == Granskningsobjekt.Rekrytering && e.ObjectId == id && e.Action == AuditAction.Andrade).ToListAsync();
        Assert.Contains(logg, e => e.UserName == "Lena Forsberg" && e.Detail == "Hävde anonymiteten i urvalet för alla sökande");
    }
}
