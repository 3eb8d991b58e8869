using System.Net;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Granskning;

/// <summary>Every read of confidential data leaves who and when in the audit log, and HR can search it.</summary>
public class GranskningTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task LasningAvSokandeBedomningarOchChefersUppgifterLoggas()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(Rekryteringar.KandidatTillstand.Intervjuad).BuildAsync();
        var karin = await data.PersonIdAsync("chef");
        var kandidat = intervju.KandidatIds[0];
        var reads = new (string Login, string Url, string Type, int Id, string Detail)[]
        {
            ("hr", $"/rekrytering/{intervju.Id}/kandidater/{kandidat}", "Kandidat", kandidat, "Sökandens sida"),
            (IntervjuBuilder.Panel, intervju.Bedomning(), "Kandidat", kandidat, "Egen intervjubedömning"),
            (IntervjuBuilder.Agare, intervju.Referenser(), "Kandidat", kandidat, "Referenser"),
            (IntervjuBuilder.Agare, intervju.Jamforelse, "Rekrytering", intervju.Id, "Jämförelse och intervjubedömningar"),
            ("rekryterande", $"/ledarakademin/{karin}", "Ledarakademin", karin, "Spår och utvecklingsaktiviteter"),
            ("rekryterande", $"/uppdragskontrakt/{karin}", "Uppdragskontrakt", karin, "Uppdragskontraktet"),
            ("chef", $"/sjalvskattning/{karin}", "Sjalvskattning", karin, "Självskattningar år för år"),
            ("hr", $"/sjalvskattning/{karin}/{Ledarskapsdata.Iar}", "Sjalvskattning", karin, $"Självskattning {Ledarskapsdata.Iar}"),
        };
        foreach (var (login, url, type, id, detail) in reads)
        {
            var client = await PortalClient.For(portal).SignInAsync("kalix", login);
            var before = await CountAsync(type, id, detail);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.True(before + 1 == await CountAsync(type, id, detail), $"{url} loggades inte");
        }
        await using var scope = portal.ScopeFor("kalix", out var db);
        var e = await db.Set<AuditEvent>().OrderByDescending(x => x.Id).FirstAsync(x => x.ObjectType == "Ledarakademin" && x.ObjectId == karin);
        Assert.Equal(("Anders Nilsson", AuditAction.Last), (e.UserName, e.Action));
        Assert.NotNull(e.UserId);
    }

    [Fact]
    public async Task EnLasningArEnRadIGranskningenAvenNarSidanVisasIgenEfterEttFormular()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(Rekryteringar.KandidatTillstand.Inkommen).BuildAsync();
        var kandidat = intervju.KandidatIds[0];
        var sida = $"/rekrytering/{intervju.Id}/kandidater/{kandidat}";
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var granskare = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        async Task<int> LastaAsync() => (await granskare.PageAsync($"/granskning?typ=Kandidat&objekt={kandidat}"))
            .QuerySelectorAll("tbody tr td:nth-child(3)").Count(td => td.TextContent == "Läste");

        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync(sida)).StatusCode);
        Assert.Equal(1, await LastaAsync());

        // Asking only for the headers shows nobody anything.
        Assert.Equal(HttpStatusCode.OK, (await hr.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, sida))).StatusCode);
        // A step taken on the page, which then shows again (redirect, GET) ...
        var steg = await hr.SubmitAsync(sida, "Fire", ("trigger", "Granska"));
        Assert.Equal(HttpStatusCode.Redirect, steg.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync(steg.Headers.Location!.OriginalString)).StatusCode);
        // ... and a refused form, which shows the page again with its reasons: still the one reading.
        var nekad = await hr.SubmitAsync(sida, "Boka", ("Bokning.Datum", "2001-01-01"), ("Bokning.Start", "10:00"), ("Bokning.Minuter", "60"),
            ("Bokning.Plats", "Rum 1"));
        Assert.Equal(HttpStatusCode.OK, nekad.StatusCode);
        Assert.Equal(1, await LastaAsync());

        // Someone else reading it is another entry.
        var panel = await PortalClient.For(portal).SignInAsync("kalix", IntervjuBuilder.Panel);
        Assert.Equal(HttpStatusCode.OK, (await panel.GetAsync(sida)).StatusCode);
        Assert.Equal(2, await LastaAsync());
    }

    [Fact]
    public async Task SammaSidanLastIgenEfterEnStundArEnNyLasning()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var egen = new PortalFactory().WithClock(clock);
        var karin = await new Testdata(egen).PersonIdAsync("chef");
        var anders = await PortalClient.For(egen).SignInAsync("kalix", "rekryterande");
        async Task<int> LasningarAsync()
        {
            await using var scope = egen.ScopeFor("kalix", out var db);
            return await db.Set<AuditEvent>().CountAsync(e => e.ObjectType == "Ledarakademin" && e.ObjectId == karin && e.Action == AuditAction.Last);
        }

        await anders.GetAsync($"/ledarakademin/{karin}");
        await anders.GetAsync($"/ledarakademin/{karin}");
        Assert.Equal(1, await LasningarAsync());
        clock.Advance(AuditLog.SammaLasning + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await anders.GetAsync($"/ledarakademin/{karin}")).StatusCode);
        Assert.Equal(2, await LasningarAsync());
    }

    [Fact]
    public async Task NekadLasningLoggasInte()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var kandidat = intervju.KandidatIds[1];
        var outsider = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var before = await CountAsync("Kandidat", kandidat, "Sökandens sida");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/rekrytering/{intervju.Id}/kandidater/{kandidat}")).StatusCode);
        Assert.Equal(before, await CountAsync("Kandidat", kandidat, "Sökandens sida"));
    }

    [Fact]
    public async Task HrSokerILoggenPaPersonSlagOchDatumSidaForSida()
    {
        // Vindeln: a municipality of its own, so only these events are in its log.
        var start = new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        await using (var scope = portal.ScopeFor("vindeln", out var db))
        {
            for (var i = 0; i < 130; i++)
                db.Add(new AuditEvent
                {
                    KommunId = "vindeln", AtUtc = start.AddDays(i % 10), UserId = null, UserName = i % 2 == 0 ? "Greta Granskare" : "Olle Annan",
                    Action = AuditAction.Last, ObjectType = i % 3 == 0 ? "Kandidat" : "Avveckling", ObjectId = i, Detail = $"Händelse {i}",
                });
            await db.SaveChangesAsync();
        }
        var hr = await PortalClient.For(portal).SignInAsync("vindeln", "hr");

        var all = await hr.PageAsync("/granskning?vem=greta&fran=2025-03-01&till=2025-03-10");
        Assert.Contains("65 händelser", all.QuerySelector("caption")!.TextContent);
        Assert.Equal(50, all.QuerySelectorAll("tbody tr").Length);
        Assert.All(all.QuerySelectorAll("tbody tr td:nth-child(2)"), td => Assert.Equal("Greta Granskare", td.TextContent));
        var next = all.QuerySelectorAll("nav a").Single(a => a.TextContent == "Nästa sida").GetAttribute("href")!;
        var second = await hr.PageAsync(next);
        Assert.Equal(15, second.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Sida 2 av 2", second.QuerySelector("caption")!.TextContent);

        // Even i of the form 6k (greta and a candidate), on the first two days: i % 10 in {0, 1} -> i in {0, 30, 60, 90, 120} and {} -> 5.
        var narrow = await hr.PageAsync("/granskning?vem=Greta&typ=Kandidat&fran=2025-03-01&till=2025-03-02");
        Assert.Contains("5 händelser", narrow.QuerySelector("caption")!.TextContent);
        Assert.All(narrow.QuerySelectorAll("tbody tr td:nth-child(4)"), td => Assert.StartsWith("Sökande", td.TextContent));
        Assert.Contains("Inga händelser", (await hr.PageAsync("/granskning?vem=ingen+alls")).Body!.TextContent);
    }

    [Fact]
    public async Task StegIProcessernaSyntsISokningenMedVemOchNar()
    {
        // Ljusnarsberg: a municipality of its own, so only these rows are in the search.
        var at = new DateTime(2025, 5, 6, 8, 30, 0, DateTimeKind.Utc);
        await using (var scope = portal.ScopeFor("ljusnarsberg", out var db))
        {
            db.WorkflowTransitions.Add(new ChefsRekrytering.Workflows.WorkflowTransition
            {
                KommunId = "ljusnarsberg", Workflow = "Rekrytering", SubjectId = 4711, FromState = "Utkast", ToState = "Behovsprovning",
                Trigger = "GodkannBehov", ActorName = "Stina Stegtagare", AtUtc = at, Comment = "Behovet godkänt",
            });
            db.Add(new AuditEvent
            {
                KommunId = "ljusnarsberg", AtUtc = at.AddHours(1), UserName = "Stina Stegtagare", Action = AuditAction.Last,
                ObjectType = Granskningsobjekt.Kandidat, ObjectId = 4712, Detail = "Sökandens sida",
            });
            await db.SaveChangesAsync();
        }
        var hr = await PortalClient.For(portal).SignInAsync("ljusnarsberg", "hr");

        var both = await hr.PageAsync("/granskning?vem=stina&fran=2025-05-06&till=2025-05-06");
        Assert.Contains("2 händelser", both.QuerySelector("caption")!.TextContent);
        var step = both.QuerySelectorAll("tbody tr").Last();
        Assert.Equal(["2025-05-06 10:30:00", "Stina Stegtagare", "Steg: Utkast → Behovsprövning", "Rekrytering 4711", "Behovet godkänt"],
            step.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        var steps = await hr.PageAsync("/granskning?typ=Steg&vem=stina");
        Assert.Contains("1 händelse,", steps.QuerySelector("caption")!.TextContent);
        var rekrytering = await hr.PageAsync("/granskning?typ=Rekrytering&objekt=4711");
        Assert.Contains("Steg: Utkast → Behovsprövning", rekrytering.QuerySelector("tbody")!.TextContent);
        var reads = await hr.PageAsync("/granskning?typ=Kandidat&vem=stina");
        Assert.DoesNotContain("Steg:", reads.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task BaraHrSerGranskningsloggen()
    {
        foreach (var login in new[] { "rekryterande", "admin", "chef", "medarbetare" })
        {
            var client = await PortalClient.For(portal).SignInAsync("kalix", login);
            var response = await client.GetAsync("/granskning");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/konto/atkomst-nekad", response.Headers.Location!.OriginalString);
        }
    }

    private async Task<int> CountAsync(string type, int id, string detail)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<AuditEvent>().CountAsync(e => e.ObjectType == type && e.ObjectId == id && e.Detail == detail && e.Action == AuditAction.Last);
    }
}
