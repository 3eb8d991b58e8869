using System.IO.Compression;
using System.Net;
using System.Text.Json;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Arkiv;

/// <summary>A person's request for their data, and to be erased: what the file holds, what may go, and the record kept.</summary>
public class RegisterutdragTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task RegisterutdragetSamlarAllaUppgifterOmPersonenIEnZipFil()
    {
        // Karin Öberg (chef@kalix.example) is a manager with records of every kind, and applied (in capitals) to a closed recruitment.
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        var ansokan = r.Ovriga[0];
        await SetEmailAsync(ansokan, "Chef@Kalix.example");
        var karin = await data.PersonIdAsync("chef");
        await KarinsRecordsAsync(karin);
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        await hr.GetAsync($"/rekrytering/{r.Id}/kandidater/{ansokan}"); // a read the extract must show

        var response = await hr.PostFormAsync("/registerutdrag?handler=Hamta", new() { ["Epost"] = "chef@kalix.example" }, formPage: "/registerutdrag");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["dokument/", "sammanstallning.html", "uppgifter.json"], zip.Entries.Select(e => e.FullName.Contains('/') ? "dokument/" : e.FullName).Distinct().Order());
        Assert.Single(zip.Entries, e => e.FullName.StartsWith("dokument/") && e.FullName.EndsWith("CV Bertil.pdf"));

        using var json = JsonDocument.Parse(zip.GetEntry("uppgifter.json")!.Open());
        var sections = json.RootElement.GetProperty("avsnitt").EnumerateArray().Select(a => a.GetProperty("rubrik").GetString()).ToList();
        Assert.Equal(["Anställd", "Inloggningskonto", "Ansökningar", "Introduktion som ny chef", "Uppdragskontrakt", "Självskattningar",
            "Ledarakademin", "Avveckling av chefskap", "E-post från portalen", "Vem har tagit del av dina uppgifter",
            "Årets chef: nomineringar som personen har gjort"], sections); // to HR only where the person gets them, not what they are
        var text = json.RootElement.ToString();
        Assert.Contains("Karin Öberg", text);
        Assert.Contains(AvslutadRekrytering.Kommentar, text); // the assessments of her are hers to see
        Assert.Contains(AvslutadRekrytering.ReferensNamn, text);
        Assert.DoesNotContain("070-999 88 77", text); // the referee's own phone number is not hers
        Assert.Contains("Coachning med extern coach", text);
        Assert.Contains("Sökandens sida", text);
        using var html = new StreamReader(zip.GetEntry("sammanstallning.html")!.Open());
        var summary = await html.ReadToEndAsync();
        Assert.Contains("<h2>Ansökningar</h2>", summary);
        Assert.Contains("Hemtjänst Centrum", summary);

        await using var scope = portal.ScopeFor("kalix", out var db);
        var logged = await db.Set<AuditEvent>().Where(e => e.ObjectType == Granskningsobjekt.Registerutdrag && e.ObjectId == karin).ToListAsync();
        Assert.Contains(logged, e => e.Action == AuditAction.LaddadeNed && e.UserName == "Lena Forsberg");
        Assert.Contains(logged, e => e.Detail!.Contains($"anställd {karin}, ansökningar {ansokan},")); // whose, by ids
        Assert.All(logged, e => Assert.DoesNotContain("@", e.Detail));
    }

    [Fact]
    public async Task SokningVisarVadSomKanRaderasOchVarfor()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        await SetEmailAsync(r.Ovriga[0], "chef@kalix.example");
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var page = PortalClient.Parse(await (await hr.PostFormAsync("/registerutdrag?handler=Sok", new() { ["Epost"] = "chef@kalix.example" })).Content.ReadAsStringAsync());
        var erasure = page.QuerySelector("#radering-rubrik")!.ParentElement!.TextContent;
        Assert.Contains("Det här kan raderas på begäran", erasure);
        Assert.Contains("Enhetschef hemtjänst", erasure);
        Assert.Contains("hör till anställningen", erasure);
        Assert.Contains("Inloggningskontot", erasure);
        Assert.Contains("Ansökningar", page.QuerySelector("table.summering")!.TextContent);
    }

    [Fact]
    public async Task RaderingNekasMedForklaringForPagaendeRekryteringGallringsstoppOchAnstalld()
    {
        var open = await data.NyIntervju().BuildAsync();
        var held = await data.NyAvslutadRekrytering().TillsattAsync();
        await using (var scope = portal.ScopeFor("kalix", out var db))
            await db.Set<Rekryteringar.Rekrytering>().Where(x => x.Id == held.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.GallringsStopp, true));
        var email = $"{Guid.NewGuid():N}@example.com";
        await SetEmailAsync(open.KandidatIds[0], email);
        await SetEmailAsync(held.Ovriga[0], email);
        await SetEmailAsync(held.Anstalld, email);
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var before = await ErasuresAsync();

        var noReason = await hr.PostFormAsync("/registerutdrag?handler=Radera", new() { ["Epost"] = email, ["Skal"] = "" }, formPage: "/registerutdrag");
        Assert.Contains("Ange skälet", await noReason.ErrorsAsync());

        var refused = await hr.PostFormAsync("/registerutdrag?handler=Radera", new() { ["Epost"] = email, ["Skal"] = "Begäran per brev" }, formPage: "/registerutdrag");
        Assert.Contains("Inget kunde raderas", await refused.ErrorsAsync());
        var reasons = PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#radering-rubrik")!.ParentElement!.TextContent;
        Assert.Contains("rekryteringen pågår", reasons);
        Assert.Contains("gallringsstopp", reasons);
        Assert.Contains("ledde till anställning", reasons);
        Assert.Equal(before, await ErasuresAsync());
        await using var check = portal.ScopeFor("kalix", out var read);
        Assert.Equal(3, await read.Set<Kandidat>().CountAsync(k => k.Epost == email && k.GallradUtc == null));
    }

    [Fact]
    public async Task RaderingAvSokandeIAvslutadRekryteringGorsOchRegistreras()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        var bertil = r.Ovriga[0];
        var email = r.Epost[bertil];
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");

        var response = await hr.PostFormAsync("/registerutdrag?handler=Radera", new() { ["Epost"] = email, ["Skal"] = "Begäran från den sökande per e-post" }, formPage: "/registerutdrag");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Raderingen är gjord", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Begäran från den sökande per e-post", page.QuerySelector("#raderingar-rubrik")!.ParentElement!.TextContent);

        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().Include(x => x.Rekrytering).SingleAsync(x => x.Id == bertil);
        Assert.Equal((Kandidat.GallradNamn, ""), (k.Namn, k.Epost));
        Assert.False(await db.Dokument.AnyAsync(d => d.OwnerType == "Kandidat" && d.OwnerId == bertil));
        Assert.Null((await db.Set<Kandidat>().SingleAsync(x => x.Id == r.Anstalld)).GallradUtc); // only what was asked for
        var radering = await db.Set<Radering>().OrderByDescending(x => x.Id).FirstAsync();
        Assert.Equal(("Lena Forsberg", "Begäran från den sökande per e-post"), (radering.UtfordAv, radering.Skal));
        Assert.Contains(k.Rekrytering!.Diarienummer, radering.Vad);
        Assert.Contains("1 handling, 1 referens", radering.Vad);
        Assert.DoesNotContain(email, radering.Vad);
        Assert.True(await db.Set<AuditEvent>().AnyAsync(e => e.ObjectType == "Kandidat" && e.ObjectId == bertil && e.Action == AuditAction.Raderade && e.UserName == "Lena Forsberg"));
    }

    [Fact]
    public async Task BaraHrNarRegisterutdragen()
    {
        foreach (var (kommun, login) in new[] { ("kalix", "rekryterande"), ("kalix", "admin"), ("kalix", "chef") })
        {
            var client = await PortalClient.For(portal).SignInAsync(kommun, login);
            var get = await client.GetAsync("/registerutdrag");
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Contains("/konto/atkomst-nekad", get.Headers.Location!.OriginalString);
            var post = await client.PostFormAsync("/registerutdrag?handler=Hamta", new() { ["Epost"] = "chef@kalix.example" }, formPage: "/");
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }
    }

    private async Task SetEmailAsync(int kandidatId, string email)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        await db.Set<Kandidat>().Where(k => k.Id == kandidatId).ExecuteUpdateAsync(s => s.SetProperty(k => k.Epost, email));
    }

    private async Task<int> ErasuresAsync()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Radering>().CountAsync();
    }

    /// <summary>An introduction, a contract, a self-assessment, an activity and a case about Karin, once, each made as its
    /// page makes it.</summary>
    private async Task KarinsRecordsAsync(int karinId)
    {
        await using (var scope = portal.ScopeFor("kalix", out var db))
            if (await db.Set<Utvecklingsaktivitet>().AnyAsync(a => a.PersonId == karinId && a.Beskrivning == "Chefsnätverket")) return;
        var idag = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));
        await data.IntroduktionAsync(karinId, "Enhetschef hemtjänst");
        await data.UppdragskontraktAsync();
        await data.SjalvskattningAsync("chef");
        var karin = await data.PrincipalAsync("chef");
        var aktivitet = await data.KommandoAsync((LedarakademinService s) => s.RegistreraAktivitetAsync(karinId, new(AktivitetTyp.Natverk, idag, "Chefsnätverket"), karin));
        Assert.True(aktivitet.Succeeded, string.Join(" ", aktivitet.Reasons));
        var arende = await data.AvvecklingAsync(karinId, "Bakgrund som Karin har rätt att läsa.");
        var anders = await data.PrincipalAsync("rekryterande");
        Guid version;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            version = await db.Set<AvvecklingsArende>().Where(a => a.Id == arende).Select(a => a.Version).SingleAsync();
        var atgard = await data.KommandoAsync((AvvecklingService s) => s.LaggTillAtgardAsync(arende, version,
            new PlaneradAtgard("Coachning med extern coach", "Anders Nilsson", idag, idag.AddMonths(1), true), anders));
        Assert.True(atgard.Succeeded, string.Join(" ", atgard.Reasons));
    }
}
