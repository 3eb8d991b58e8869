using System.Net;
using AngleSharp.Html.Dom;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Policies;

/// <summary>
/// Issue 18, items 1, 2, 5 and 6: HR writes the next version of its policy in the portal, publishes it with its decision,
/// and sees and moves what it affects; records keep the version they were built on; a published version never changes.
/// Each test uses a municipality of its own, since they share one portal.
/// </summary>
public class PolicyversionTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task HrPubliceraringenNyVersionOchFlyttarDetSomBerorsDit()
    {
        var data = new Testdata(portal, "kalix");
        var ar = await data.SjalvskattningAsync("chef");
        var kontraktId = await data.UppdragskontraktAsync("chef", "rekryterande");
        var policies = portal.Services.GetRequiredService<PolicyLibrary>();
        var version1 = policies.Get("kalix");
        Assert.Equal(1, version1.Versionsnummer);
        Assert.Equal(version1.VersionId, (await SkattningAsync(data, ar)).PolicyversionId);

        var hr = await data.InloggadAsync("hr");
        var historik = await hr.PageAsync("/policy/kalix/versioner");
        Assert.Contains("Version 1", historik.QuerySelector("table")!.TextContent);
        var ny = await hr.PostFormAsync("/policy/kalix/versioner?handler=Nytt", new Dictionary<string, string>(), formPage: "/policy/kalix/versioner");
        Assert.Equal("/policy/kalix/utkast", ny.Headers.Location!.OriginalString);

        // The first requirement reworded, the second removed, one added to the first area.
        var form = await hr.PageAsync("/policy/kalix/utkast");
        var falt = Falt(form);
        var forsta = version1.Kompetensomraden[0];
        Satt(falt, Krav(form, forsta.Krav[0].Id), "Chefen leder verksamheten mot kommunens mål och följer upp resultaten varje månad.");
        Satt(falt, Krav(form, forsta.Krav[1].Id), "");
        Satt(falt, $"Utkast.Kompetensomraden[0].Krav[{forsta.Krav.Count}].Text", "Chefen tar tillvara digitaliseringens möjligheter.");

        // Without its decision the version is not published, and what was typed stays in the form.
        var utanBeslut = await hr.PostFormAsync("/policy/kalix/utkast?handler=Publicera", falt, "/policy/kalix/utkast");
        Assert.Equal(HttpStatusCode.OK, utanBeslut.StatusCode);
        var fel = await utanBeslut.ErrorsAsync();
        Assert.Contains("Ange vilket organ som antog versionen", fel);
        Assert.Contains("Ange beslutsdatum", fel);
        Assert.Contains("följer upp resultaten varje månad", await utanBeslut.Content.ReadAsStringAsync());
        Assert.Single(policies.Versioner("kalix"));

        Satt(falt, "Beslut.AntagenAv", "Kommunfullmäktige");
        Satt(falt, "Beslut.AntagenDatum", "2026-11-23");
        Satt(falt, "Beslut.Paragraf", "§ 112");
        Satt(falt, "Beslut.Diarienummer", "KS 2026/77");
        Satt(falt, "Beslut.Andringar", "Resultatuppföljning varje månad; digitalisering som nytt krav.");
        var publicerad = await hr.PostFormAsync("/policy/kalix/utkast?handler=Publicera", falt, "/policy/kalix/utkast");
        Assert.True(publicerad.StatusCode == HttpStatusCode.Redirect, await publicerad.ErrorsAsync());
        Assert.Equal("/policy/kalix/versioner/2/paverkan", publicerad.Headers.Location!.OriginalString);

        // The library holds what the database holds: the 15-second check finds nothing to reload (and would otherwise read
        // every version again every 15 s).
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PolicyLaddare>().LaddaOmAndratAsync());

        // The policy page shows version 2; version 1 is still there as adopted.
        var version2 = policies.Get("kalix");
        // The text went through the form untouched: every paragraph and list of every section as it was.
        Assert.Equal(version1.Avsnitt.Select(a => a.Markdown), version2.Avsnitt.Select(a => a.Markdown));
        Assert.Equal(version1.Sammanfattning, version2.Sammanfattning);
        Assert.Equal((2, "Kommunfullmäktige 2026-11-23 § 112"), (version2.Versionsnummer, version2.Antagen));
        var sida = await hr.PageAsync("/policy/kalix");
        string[] KravPa(IHtmlDocument d) => d.QuerySelectorAll("ul.requirements li").Select(li => li.TextContent).ToArray();
        Assert.Contains("Chefen leder verksamheten mot kommunens mål och följer upp resultaten varje månad.", KravPa(sida));
        Assert.DoesNotContain(forsta.Krav[1].Text, KravPa(sida));
        Assert.Contains(forsta.Krav[1].Text, KravPa(await hr.PageAsync("/policy/kalix/versioner/1")));
        Assert.Contains("Resultatuppföljning varje månad", (await hr.PageAsync("/policy/kalix/versioner")).Body!.TextContent);
        Assert.NotNull(version2.AllaKrav.SingleOrDefault(k => k.Text == "Chefen tar tillvara digitaliseringens möjligheter." && k.AreaId == forsta.Id && version1.FindKrav(k.Id) is null));

        // The self-assessment (unrated) and the contract draft use the reworded requirement: both listed, both movable.
        var paverkan = await hr.PageAsync("/policy/kalix/versioner/2/paverkan");
        var rader = paverkan.QuerySelectorAll("#paverkade ~ div table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rader, r => r.Contains($"Självskattning {ar}") && r.Contains("följer upp resultaten varje månad"));
        Assert.Contains(rader, r => r.Contains("Uppdragskontrakt") && r.Contains("följer upp resultaten varje månad"));
        var valda = paverkan.QuerySelectorAll("input[name=Valda]:checked").Select(i => new KeyValuePair<string, string>("Valda", i.GetAttribute("value")!)).ToList();
        Assert.Contains(valda, v => v.Value == $"Uppdragskontrakt:{kontraktId}");
        var flyttad = await hr.PostFormAsync("/policy/kalix/versioner/2/paverkan", valda, "/policy/kalix/versioner/2/paverkan");
        Assert.Equal(HttpStatusCode.Redirect, flyttad.StatusCode);

        var skattning = await SkattningAsync(data, ar);
        Assert.Equal(version2.VersionId, skattning.PolicyversionId);
        Assert.Equal(version2.AllaKrav.Select(k => k.Text), skattning.Ordnade.Select(r => r.Text));
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var kontrakt = await db.Set<Uppdragskontrakt>().Include(k => k.Krav).SingleAsync(k => k.Id == kontraktId);
            Assert.Equal(version2.VersionId, kontrakt.PolicyversionId);
            Assert.Equal("Chefen leder verksamheten mot kommunens mål och följer upp resultaten varje månad.", kontrakt.Krav.Single().Text);

            // What records cite stays what was adopted.
            var publicerat = await db.Set<Policyversion>().SingleAsync(p => p.KommunId == "kalix" && p.Nummer == 2);
            publicerat.Andringar = "Ändrat i efterhand";
            var nekad = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("publicerad version av ledarpolicyn kan inte ändras", nekad.Message);
        }
        // Moved, they are no longer listed as affected.
        Assert.Empty((await hr.PageAsync("/policy/kalix/versioner/2/paverkan")).QuerySelectorAll("input[name=Valda]:checked"));
    }

    [Fact]
    public async Task BaraKommunensHrOchAdminSkriverPolicyn()
    {
        var vindeln = new Testdata(portal, "vindeln");
        var anonym = PortalClient.For(portal);
        var historik = await anonym.PageAsync("/policy/vindeln/versioner");
        Assert.Null(historik.QuerySelector("#utkast"));
        Assert.Equal(HttpStatusCode.Redirect, (await anonym.GetAsync("/policy/vindeln/utkast")).StatusCode);

        var medarbetare = await vindeln.InloggadAsync("medarbetare");
        Assert.Contains("/konto/atkomst-nekad", (await medarbetare.GetAsync("/policy/vindeln/utkast")).Headers.Location!.OriginalString);
        var nekad = await medarbetare.PostFormAsync("/policy/vindeln/versioner?handler=Nytt", new Dictionary<string, string>(), formPage: "/policy/vindeln/versioner");
        Assert.Equal(HttpStatusCode.NotFound, nekad.StatusCode);

        // HR of another municipality: the same answers as for a page that is not there, and nothing stored.
        var annanHr = await new Testdata(portal, "alvsbyn").InloggadAsync("hr");
        Assert.Equal(HttpStatusCode.NotFound, (await annanHr.GetAsync("/policy/vindeln/utkast")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await annanHr.PostFormAsync("/policy/vindeln/versioner?handler=Nytt", new Dictionary<string, string>(), formPage: "/policy/vindeln/versioner")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await annanHr.GetAsync("/policy/vindeln/versioner/1/paverkan")).StatusCode);
        await using var scope = portal.ScopeFor("vindeln", out var db);
        Assert.False(await db.Set<Policyversion>().AnyAsync(p => p.Status == Policystatus.Utkast));

        var admin = await new Testdata(portal, "alvsbyn").InloggadAsync("admin");
        Assert.Equal("/policy/alvsbyn/utkast",
            (await admin.PostFormAsync("/policy/alvsbyn/versioner?handler=Nytt", new Dictionary<string, string>(), formPage: "/policy/alvsbyn/versioner")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SamtidigaAndringarOchEnPolicyUtanKravNekas()
    {
        var hr = await new Testdata(portal, "vimmerby").InloggadAsync("hr");
        await hr.PostFormAsync("/policy/vimmerby/versioner?handler=Nytt", new Dictionary<string, string>(), formPage: "/policy/vimmerby/versioner");
        var andra = await hr.PostFormAsync("/policy/vimmerby/versioner?handler=Nytt", new Dictionary<string, string>(), formPage: "/policy/vimmerby/versioner");
        Assert.Contains("Det finns redan ett utkast", await andra.ErrorsAsync());

        // Two tabs open on the same draft: the first save wins, the second is told and changes nothing.
        var form = await hr.PageAsync("/policy/vimmerby/utkast");
        var forsta = Falt(form);
        var gammal = Falt(form);
        Satt(forsta, "Utkast.Titel", "Ledarskapspolicy 2027");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostFormAsync("/policy/vimmerby/utkast", forsta, "/policy/vimmerby/utkast")).StatusCode);
        Satt(gammal, "Utkast.Titel", "Något annat");
        var krock = await hr.PostFormAsync("/policy/vimmerby/utkast", gammal, "/policy/vimmerby/utkast");
        Assert.Contains("Någon annan har ändrat uppgifterna", await krock.ErrorsAsync());
        Assert.Equal("Ledarskapspolicy 2027", Falt(await hr.PageAsync("/policy/vimmerby/utkast")).Single(f => f.Key == "Utkast.Titel").Value);

        // Every requirement emptied: refused when published, and version 1 stays in force.
        var tom = Falt(await hr.PageAsync("/policy/vimmerby/utkast"));
        foreach (var i in Enumerable.Range(0, tom.Count).Where(i => tom[i].Key.EndsWith("].Text") && tom[i].Key.Contains(".Krav[")))
            tom[i] = new(tom[i].Key, "");
        Satt(tom, "Beslut.AntagenAv", "Kommunfullmäktige");
        Satt(tom, "Beslut.AntagenDatum", "2026-11-23");
        var utanKrav = await hr.PostFormAsync("/policy/vimmerby/utkast?handler=Publicera", tom, "/policy/vimmerby/utkast");
        Assert.Contains("saknar krav", await utanKrav.ErrorsAsync());
        Assert.Equal(1, portal.Services.GetRequiredService<PolicyLibrary>().Get("vimmerby").Versionsnummer);
    }

    [Fact]
    public async Task DetAntagnaWorddokumentetBlirEttUtkastSomBehallerKravensIdn()
    {
        var hr = await new Testdata(portal, "ljusnarsberg").InloggadAsync("hr");
        const string url = "/policy/ljusnarsberg/versioner?handler=Word";
        const string sida = "/policy/ljusnarsberg/versioner";
        // Files that are not an adopted policy: each a Swedish reason, and no draft.
        foreach (var (namn, innehall, besked) in new[]
                 {
                     ("policy.docx", "Det här är ingen Word-fil"u8.ToArray(), "inte ett Word-dokument"),
                     ("stor.docx", new byte[PolicyDocx.MaxStorlek + 1], "större än 20 MB"), // one byte over; the page itself takes 64 MB
                     ("makro.docx", new DocxBygge().Titel("Ledarpolicy").Rubrik1("Ledarskap").Punkter("Ett krav").Bytes(DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument), "makron"),
                 })
        {
            var nekad = await hr.PostMultipartAsync(url, [], [new("Dokument", namn, innehall)], sida);
            Assert.Equal(HttpStatusCode.OK, nekad.StatusCode);
            Assert.Contains(besked, await nekad.ErrorsAsync());
        }
        await using (var scope = portal.ScopeFor("ljusnarsberg", out var db))
            Assert.False(await db.Set<Policyversion>().AnyAsync(p => p.Status == Policystatus.Utkast));

        // The policy in force written as Word, one requirement reworded: the others keep their ids.
        var gallande = portal.Services.GetRequiredService<PolicyLibrary>().Get("ljusnarsberg");
        var word = new DocxBygge().Titel(gallande.Titel).Stycke(gallande.Sammanfattning);
        foreach (var a in gallande.Kompetensomraden)
            word.Rubrik1(a.Namn).Punkter(a.Krav.Select((k, i) => a == gallande.Kompetensomraden[0] && i == 0 ? k.Text + " Det gäller även digitalt." : k.Text));
        word.Rubrik1("Förväntningar på arbetsgivaren").Punkter(gallande.ForvantningarPaArbetsgivaren);
        word.Rubrik1("Uppföljning").Punkter(gallande.Uppfoljning);
        var last = await hr.PostMultipartAsync(url, [], [new("Dokument", "Ledarpolicy 2027.docx", word.Bytes())], sida);
        Assert.Equal("/policy/ljusnarsberg/utkast", last.Headers.Location!.OriginalString);

        var utkast = await hr.PageAsync("/policy/ljusnarsberg/utkast");
        var ids = utkast.QuerySelectorAll("form#utkastet input[name$='].Id'][name*='.Krav[']").Select(i => i.GetAttribute("value")).ToList();
        var forsta = gallande.Kompetensomraden[0].Krav[0];
        Assert.DoesNotContain(forsta.Id, ids);
        Assert.All(gallande.AllaKrav.Where(k => k != forsta), k => Assert.Contains(k.Id, ids));
        Assert.Contains(forsta.Text + " Det gäller även digitalt.", utkast.Body!.TextContent);
        Assert.DoesNotContain("Ledarpolicy 2027.docx", utkast.Body.TextContent); // no file name is kept or shown
    }

    /// <summary>The form's fields as a browser posts them: every input and text area with its value, in order.</summary>
    private static List<KeyValuePair<string, string>> Falt(IHtmlDocument page) =>
        page.QuerySelectorAll("form#utkastet input[name], form#utkastet textarea[name]")
            .Where(e => e.GetAttribute("name") != "__RequestVerificationToken") // the client adds its own
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e is IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? ""))
            .ToList();

    private static void Satt(List<KeyValuePair<string, string>> falt, string namn, string varde)
    {
        var i = falt.FindIndex(f => f.Key == namn);
        Assert.True(i >= 0, $"fältet {namn} finns inte");
        falt[i] = new(namn, varde);
    }

    /// <summary>The text field of the requirement with this id.</summary>
    private static string Krav(IHtmlDocument page, string id) =>
        page.QuerySelector($"form#utkastet input[type=hidden][value='{id}'][name$='.Id']")!.GetAttribute("name")!.Replace(".Id", ".Text");

    private async Task<Sjalvskattning> SkattningAsync(Testdata data, int ar)
    {
        var chef = await data.PersonIdAsync("chef");
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Sjalvskattning>().Include(s => s.Rader).SingleAsync(s => s.ChefPersonId == chef && s.Ar == ar);
    }
}
