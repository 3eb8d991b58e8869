using System.Net;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Avveckling;

/// <summary>Confidentiality is the feature: each denial is proven over HTTP, and every read and change is logged.</summary>
public class AvvecklingTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    // Karin Öberg (enhetschef, Kalix) is the manager concerned; Anders Nilsson is her närmast högre chef.
    private static readonly (string Kommun, string Login)[] Allowed = [("kalix", "chef"), ("kalix", "rekryterande"), ("kalix", "hr")];
    private static readonly (string Kommun, string Login)[] Denied =
        [("kalix", "kommunchef"), ("kalix", "jury"), ("kalix", "admin"), ("kalix", "medarbetare"), ("alvsbyn", "hr"), ("alvsbyn", "admin")];

    [Fact]
    public async Task BaraChefenNarmastHogreChefOchHrSerArendet()
    {
        var (id, url) = await StartCaseAsync();
        int documentId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            documentId = await db.Set<ChefsRekrytering.Documents.Dokument>().Where(d => d.OwnerType == AvvecklingDocumentAccess.Owner && d.OwnerId == id).Select(d => d.Id).SingleAsync();

        foreach (var (kommun, login) in Allowed)
        {
            var client = await PortalClient.For(portal).SignInAsync(kommun, login);
            Assert.True(HttpStatusCode.OK == (await client.GetAsync(url)).StatusCode, $"{login}@{kommun} ska se ärendet");
            Assert.Contains("Karin Öberg", await (await client.GetAsync("/avveckling")).Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dokument/{documentId}")).StatusCode);
        }
        var tried = 0;
        foreach (var (kommun, login) in Denied)
        {
            var client = await PortalClient.For(portal).SignInAsync(kommun, login);
            var version = await VersionAsync(id);
            var responses = new[]
            {
                await client.GetAsync(url),
                await client.GetAsync($"/dokument/{documentId}"),
                await client.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = "Genomfor", ["Version"] = version }, formPage: "/"),
                await client.PostFormAsync($"{url}?handler=Atgard", new() { ["NyAtgard.Beskrivning"] = "Smygåtgärd", ["NyAtgard.Ansvarig"] = "X", ["NyAtgard.Datum"] = "2026-12-01", ["NyAtgard.Uppfoljning"] = "2026-12-15", ["Version"] = version }, formPage: "/"),
                await client.PostFormAsync($"{url}?handler=Anteckning&atgardId=1", new() { ["text"] = "Smyganteckning", ["Version"] = version }, formPage: "/"),
            };
            foreach (var response in responses)
            {
                tried++;
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{login}@{kommun}: {response.RequestMessage!.RequestUri} gav {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect) Assert.StartsWith("/konto/atkomst-nekad", response.Headers.Location!.OriginalString);
            }
            Assert.DoesNotContain("Karin Öberg", await (await client.GetAsync("/avveckling")).Content.ReadAsStringAsync());
        }
        Assert.Equal(Denied.Length * 5, tried);
        await using var check = portal.ScopeFor("kalix", out var read);
        var arende = await read.Set<AvvecklingsArende>().Include(a => a.Atgarder).ThenInclude(x => x.Anteckningar).SingleAsync(a => a.Id == id);
        Assert.DoesNotContain(arende.Atgarder, x => x.Beskrivning == "Smygåtgärd" || x.Anteckningar.Any(n => n.Text == "Smyganteckning"));
        Assert.Equal(AvvecklingTillstand.Handlingsplan, arende.State);
    }

    [Fact]
    public async Task VarjeLasningLoggasOchHrSerVemSomLast()
    {
        var (id, url) = await StartCaseAsync();
        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        await karin.GetAsync(url);
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var page = await hr.PageAsync(url);
        var log = page.QuerySelector("#logg-rubrik")!.ParentElement!.TextContent;
        Assert.Contains("Karin Öberg", log);
        Assert.Contains("Läste", log);
        Assert.Contains("Anders Nilsson", log);
        Assert.Contains("Skapade", log);
        // Only HR sees the log.
        Assert.Null((await karin.PageAsync(url)).QuerySelector("#logg-rubrik"));

        await using var scope = portal.ScopeFor("kalix", out var db);
        var events = await db.Set<AuditEvent>().Where(e => e.ObjectType == "Avveckling" && e.ObjectId == id).ToListAsync();
        Assert.Contains(events, e => e.UserName == "Karin Öberg" && e.Action == AuditAction.Last);
        Assert.Contains(events, e => e.UserName == "Anders Nilsson" && e.Action == AuditAction.Andrade && e.Detail == "Åtgärd tillagd");
        Assert.Contains(events, e => e.UserName == "Anders Nilsson" && e.Action == AuditAction.LaddadeNed || e.Action == AuditAction.Andrade && e.Detail == "Bilaga tillagd");
    }

    [Fact]
    public async Task ChefKanSjalvBegaraAttLamnaUppdragetOchParternaFarEnNotisUtanInnehall()
    {
        var karin = await PortalClient.For(portal).SignInAsync("alvsbyn", "chef");
        var response = await karin.PostFormAsync("/avveckling", new() { ["Start.EgenBegaran"] = "true", ["Start.Bakgrund"] = "Jag vill gå tillbaka till arbetet som sjuksköterska." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = portal.ScopeFor("alvsbyn", out var db);
        var arende = await db.Set<AvvecklingsArende>().SingleAsync(a => a.ChefNamn == "Fredrik Åström");
        Assert.Equal((Initiering.EgenBegaran, "Helena Lundström"), (arende.Initiering, arende.AnsvarigNamn));
        var notices = await db.Set<ChefsRekrytering.Notifications.OutboxMessage>().Where(m => m.Topic == $"Avveckling:{arende.Id}").ToListAsync();
        Assert.Contains(notices, m => m.ToAddress == "rekryterande@alvsbyn.example");
        Assert.Contains(notices, m => m.ToAddress == "hr@alvsbyn.example");
        Assert.All(notices, m => Assert.DoesNotContain("sjuksköterska", m.TextBody));
    }

    [Fact]
    public async Task ArendetGarFranPlanTillUtfall()
    {
        var (id, url) = await StartCaseAsync();
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        Assert.Equal(HttpStatusCode.Redirect, (await Fire(anders, url, id, "Genomfor")).StatusCode);
        var refused = await Fire(anders, url, id, "Utvardera");
        Assert.Contains("Alla åtgärder är inte genomförda eller uppföljda", await refused.Content.ReadAsStringAsync());

        int atgard;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            atgard = await db.Set<Atgard>().Where(x => x.ArendeId == id).Select(x => x.Id).SingleAsync();
        // The manager concerned writes her own follow-up; she cannot change the plan.
        Assert.Equal(HttpStatusCode.Redirect, (await karin.PostFormAsync($"{url}?handler=Anteckning&atgardId={atgard}", new() { ["text"] = "Coachningen har hjälpt mig att se vad jag vill.", ["Version"] = await VersionAsync(id) }, formPage: url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Fire(karin, url, id, "Utvardera")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Fire(anders, url, id, "Utvardera")).StatusCode);
        var sistaDag = Idag.AddDays(60);
        Assert.Contains("Utfallet är inte valt", await (await Fire(anders, url, id, "Avsluta")).Content.ReadAsStringAsync());
        var evaluation = await anders.PostFormAsync($"{url}?handler=Utvardering", new()
        {
            ["Utvardering.Utfall"] = "Grundprofession", ["Utvardering.Text"] = "Karin återgår till sjuksköterskeyrket.", ["Utvardering.SistaDag"] = Dag(sistaDag), ["Version"] = await VersionAsync(id),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, evaluation.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Fire(anders, url, id, "Avsluta")).StatusCode);
        await using var check = portal.ScopeFor("kalix", out var read);
        var a = await read.Set<AvvecklingsArende>().SingleAsync(x => x.Id == id);
        Assert.Equal((AvvecklingTillstand.Avslutad, AvvecklingUtfall.Grundprofession), (a.State, a.Utfall));
        // Leaving the role starts the knowledge transfer: the Ledarakademin track's last step.
        var transfer = await read.Set<ChefsRekrytering.Ledarakademin.Kompetensvaxling>().Include(k => k.Punkter).SingleAsync(k => k.PersonId == a.ChefPersonId);
        Assert.Equal(sistaDag, transfer.SistaDag);
        Assert.NotEmpty(transfer.Punkter);
    }

    // Dates near today, as a person would give them: the case's dates must lie within a window around today.
    private static DateOnly Idag => DateOnly.FromDateTime(ChefsRekrytering.Calendar.SwedishTime.ToLocal(DateTime.UtcNow));
    private static string Dag(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<HttpResponseMessage> Fire(PortalClient client, string url, int id, string trigger) =>
        await client.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = trigger, ["Version"] = await VersionAsync(id) }, formPage: url);

    /// <summary>Anders starts a case about Karin, adds a coaching action and an attachment: the plan is under way.</summary>
    private async Task<(int Id, string Url)> StartCaseAsync()
    {
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var list = await anders.PageAsync("/avveckling");
        var karinOption = list.QuerySelectorAll("#start-person option").First(o => o.TextContent.Contains("Karin Öberg")).GetAttribute("value")!;
        var started = await anders.PostFormAsync("/avveckling", new() { ["Start.PersonId"] = karinOption, ["Start.Bakgrund"] = "Arbetsmiljöproblem i enheten som inte har gått att lösa." });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());
        Assert.Equal(HttpStatusCode.Redirect, (await anders.PostFormAsync($"{url}?handler=Atgard", new()
        {
            ["NyAtgard.Beskrivning"] = "Coachning med extern coach, sex tillfällen", ["NyAtgard.Ansvarig"] = "Anders Nilsson",
            ["NyAtgard.Datum"] = Dag(Idag.AddDays(-1)), ["NyAtgard.Uppfoljning"] = Dag(Idag.AddDays(44)), ["NyAtgard.ArStod"] = "true", ["Version"] = await VersionAsync(id),
        }, formPage: url)).StatusCode);
        await anders.GetAsync(url);
        var upload = new MultipartFormDataContent
        {
            { new StringContent(await VersionAsync(id)), "Version" },
            { new ByteArrayContent(TestFiles.Pdf()), "fil", "handlingsplan.pdf" },
        };
        var token = PortalClient.Parse(await (await anders.GetAsync(url)).Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        upload.Add(new StringContent(token), "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await anders.Http.PostAsync($"{url}?handler=Bilaga", upload)).StatusCode);
        return (id, url);
    }

    private async Task<string> VersionAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<AvvecklingsArende>().AsNoTracking().SingleAsync(a => a.Id == id)).Version.ToString();
    }
}
