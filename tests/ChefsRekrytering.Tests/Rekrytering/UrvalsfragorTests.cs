using System.IO.Compression;
using System.Net;
using System.Text.Json;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// Screening questions: written by the recruiting manager before the advert is published and locked after it, answered
/// and checked on the public form (a Swedish error on the field, nothing stored), stored per applicant, filtered, sorted
/// and marked in the candidate list, part of the register extract and deleted at gallring.
/// </summary>
public class UrvalsfragorTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    /// <summary>A recruitment with four questions (körkort required yes, years as manager at least 3, a flerval where
    /// two of three options are accepted, free text), published; its id and the questions' ids by text.</summary>
    internal static async Task<(int Id, Fragor Fragor)> PubliceradMedFragorAsync(Testdata data, bool anonymt = false)
    {
        var id = await data.NyRekrytering().KravprofilAsync();
        var agare = await data.InloggadAsync("rekryterande");
        foreach (var fraga in Standardfragor)
        {
            var tillagd = await LaggTillAsync(data, agare, id, fraga);
            Assert.True(tillagd.StatusCode == HttpStatusCode.Redirect,
                PortalClient.Parse(await tillagd.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent ?? tillagd.StatusCode.ToString());
        }
        if (anonymt)
        {
            var svar = await agare.PostFormAsync($"/rekrytering/{id}/urvalsfragor?handler=Anonymt",
                new() { ["Version"] = await VersionAsync(data, id), ["anonymt"] = "true" }, formPage: $"/rekrytering/{id}/urvalsfragor");
            Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        }
        var agarePrincipal = await data.PrincipalAsync("rekryterande");
        var publicerad = await data.RekryteringsstegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.PubliceraAnnons, null, agarePrincipal));
        Assert.True(publicerad.Succeeded, string.Join(" ", publicerad.Reasons));
        await using var scope = data.Portal.ScopeFor("kalix", out var db);
        var ids = await db.Set<Urvalsfraga>().Where(f => f.RekryteringId == id).ToDictionaryAsync(f => f.Text, f => f.Id);
        return (id, new Fragor(ids["Har du B-körkort?"], ids["Hur många år har du varit chef?"], ids["Vilken utbildning har du?"], ids["Varför söker du tjänsten?"]));
    }

    internal sealed record Fragor(int Korkort, int Ar, int Utbildning, int Varfor);

    private static readonly Dictionary<string, string>[] Standardfragor =
    [
        new() { ["Ny.Text"] = "Har du B-körkort?", ["Ny.Typ"] = "JaNej", ["Ny.ArKrav"] = "true", ["Ny.Kravsvar"] = "Ja" },
        new() { ["Ny.Text"] = "Hur många år har du varit chef?", ["Ny.Typ"] = "Tal", ["Ny.ArKrav"] = "true", ["Ny.Minimum"] = "3" },
        new() { ["Ny.Text"] = "Vilken utbildning har du?", ["Ny.Typ"] = "Flerval", ["Ny.Alternativ"] = "Socionom\nSjuksköterska\nAnnan",
            ["Ny.ArKrav"] = "true", ["Ny.Godkanda"] = "Socionom\nSjuksköterska" },
        new() { ["Ny.Text"] = "Varför söker du tjänsten?", ["Ny.Typ"] = "Fritext" },
    ];

    private static async Task<HttpResponseMessage> LaggTillAsync(Testdata data, PortalClient agare, int id, Dictionary<string, string> fraga) =>
        await agare.PostFormAsync($"/rekrytering/{id}/urvalsfragor?handler=LaggTill",
            new(fraga) { ["Version"] = await VersionAsync(data, id) }, formPage: $"/rekrytering/{id}/urvalsfragor");

    internal static async Task<string> VersionAsync(Testdata data, int id)
    {
        await using var scope = data.Portal.ScopeFor("kalix", out var db);
        return (await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync()).ToString();
    }

    /// <summary>The public form as a browser posts it, with a CV and the answers by question id.</summary>
    internal static Task<HttpResponseMessage> AnsokAsync(PortalFactory portal, int id, string fornamn, string epost, Dictionary<int, string> svar)
    {
        var falt = new Dictionary<string, string>
        {
            ["Input.Fornamn"] = fornamn, ["Input.Efternamn"] = "Sökandesson", ["Input.Epost"] = epost, ["Input.Telefon"] = "070-123 45 67",
        };
        foreach (var (fragaId, varde) in svar) falt[$"Input.Svar[{fragaId}]"] = varde;
        return PortalClient.For(portal).PostMultipartAsync($"/jobb/{id}", falt, [new("Input.Cv", $"cv-{fornamn}.pdf", TestFiles.Pdf())]);
    }

    internal static Dictionary<int, string> Svar(Fragor f, string korkort, string ar, string utbildning, string varfor = "Jag vill leda.\nOch jag vill utveckla verksamheten.") =>
        new() { [f.Korkort] = korkort, [f.Ar] = ar, [f.Utbildning] = utbildning, [f.Varfor] = varfor };

    private async Task<int> AntalSokandeAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().CountAsync(k => k.RekryteringId == id);
    }

    [Fact]
    public async Task ChefenSkriverFragornaInnanAnnonsenPubliceras_SedanArDeLastaMedEttSvensktSkal()
    {
        var (id, _) = await PubliceradMedFragorAsync(data);
        var agare = await data.InloggadAsync("rekryterande");

        var sida = await agare.PageAsync($"/rekrytering/{id}/urvalsfragor");
        Assert.Equal(["Har du B-körkort?", "Hur många år har du varit chef?", "Vilken utbildning har du?", "Varför söker du tjänsten?"],
            sida.QuerySelectorAll("ol.urvalsfragor li strong").Select(s => s.TextContent));
        Assert.Contains("Krav: minst 3", sida.QuerySelector("ol.urvalsfragor")!.TextContent);
        Assert.Contains(UrvalsfragaService.Last, sida.QuerySelector("#urval-hinder")!.TextContent);
        Assert.Null(sida.QuerySelector("#ny-fraga"));

        var sen = await LaggTillAsync(data, agare, id, new() { ["Ny.Text"] = "En fråga för sent?", ["Ny.Typ"] = "Fritext" });
        Assert.Equal(HttpStatusCode.OK, sen.StatusCode);
        Assert.Contains(UrvalsfragaService.Last, await sen.Content.ReadAsStringAsync());
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(4, await db.Set<Urvalsfraga>().CountAsync(f => f.RekryteringId == id));
    }

    [Fact]
    public async Task EnOfullstandigFragaNekasMedSkaletOchPanelenFarInteSkrivaFragor()
    {
        var id = await data.NyRekrytering().KravprofilAsync();
        var agare = await data.InloggadAsync("rekryterande");

        var ettAlternativ = await LaggTillAsync(data, agare, id, new() { ["Ny.Text"] = "Språk?", ["Ny.Typ"] = "Flerval", ["Ny.Alternativ"] = "Svenska" });
        Assert.Contains("Skriv minst två alternativ, ett per rad.", await ettAlternativ.Content.ReadAsStringAsync());
        var utanMinimum = await LaggTillAsync(data, agare, id, new() { ["Ny.Text"] = "År?", ["Ny.Typ"] = "Tal", ["Ny.ArKrav"] = "true", ["Ny.Minimum"] = "många" });
        Assert.Contains("Skriv det lägsta tal som uppfyller kravet", await utanMinimum.Content.ReadAsStringAsync());

        var medarbetare = await data.InloggadAsync("medarbetare");
        Assert.Equal(HttpStatusCode.NotFound, (await medarbetare.GetAsync($"/rekrytering/{id}/urvalsfragor")).StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(0, await db.Set<Urvalsfraga>().CountAsync(f => f.RekryteringId == id));
    }

    [Fact]
    public async Task FelaktigaSvarVisasVidFaltetPaSvenskaOchIngentingSparas()
    {
        var (id, f) = await PubliceradMedFragorAsync(data);
        var formular = await PortalClient.For(portal).PageAsync($"/jobb/{id}");
        Assert.Equal(["Ja", "Nej"], formular.QuerySelectorAll($"input[name='Input.Svar[{f.Korkort}]']").Select(i => i.GetAttribute("value")));

        var svar = await AnsokAsync(portal, id, "Fel", $"{Guid.NewGuid():N}@example.se",
            new() { [f.Ar] = "många", [f.Utbildning] = "Hackare", [f.Varfor] = "Därför." });

        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        var sida = PortalClient.Parse(await svar.Content.ReadAsStringAsync());
        Assert.Equal("Välj ett svar på frågan ”Har du B-körkort?”.", sida.QuerySelector($"#svar-{f.Korkort}-fel")!.TextContent);
        Assert.Equal("Svara med ett tal på frågan ”Hur många år har du varit chef?”, till exempel 5.", sida.QuerySelector($"#svar-{f.Ar}-fel")!.TextContent);
        Assert.Equal("Välj ett av alternativen på frågan ”Vilken utbildning har du?”.", sida.QuerySelector($"#svar-{f.Utbildning}-fel")!.TextContent);
        Assert.Equal(3, sida.QuerySelectorAll("[role=alert] li").Length);
        Assert.Equal("många", sida.QuerySelector($"#svar-{f.Ar}")!.GetAttribute("value")); // what was typed stays
        Assert.Equal(0, await AntalSokandeAsync(id));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(0, await db.Set<Urvalssvar>().IgnoreQueryFilters().CountAsync(s => s.Varde == "Hackare"));
    }

    [Fact]
    public async Task ListanMarkerarKravSomInteUppfyllsOchFiltrerarOchSorterarPaSvaren()
    {
        var (id, f) = await PubliceradMedFragorAsync(data);
        foreach (var (namn, korkort, ar, utb) in new[] { ("Alma", "Ja", "5", "Socionom"), ("Berit", "Nej", "10", "Sjuksköterska"), ("Cilla", "Ja", "2,5", "Annan") })
            Assert.Equal(HttpStatusCode.Redirect, (await AnsokAsync(portal, id, namn, $"{namn}.{Guid.NewGuid():N}@example.se", Svar(f, korkort, ar, utb))).StatusCode);
        var agare = await data.InloggadAsync("rekryterande");

        var alla = await agare.PageAsync($"/rekrytering/{id}");
        var rader = alla.QuerySelectorAll("#sokande tbody tr").ToList();
        Assert.Equal(["Alma Sökandesson", "Berit Sökandesson", "Cilla Sökandesson"], rader.Select(r => r.QuerySelector("td a")!.TextContent));
        Assert.Empty(rader[0].QuerySelectorAll(".ej-krav"));
        Assert.Equal(["Uppfyller inte krav: Har du B-körkort?"], rader[1].QuerySelectorAll(".ej-krav").Select(e => e.TextContent));
        Assert.Equal(["Uppfyller inte krav: Hur många år har du varit chef?", "Uppfyller inte krav: Vilken utbildning har du?"],
            rader[2].QuerySelectorAll(".ej-krav").Select(e => e.TextContent));
        Assert.Contains("2,5", rader[2].TextContent);

        var kravUppfyllda = await agare.PageAsync($"/rekrytering/{id}?krav=alla");
        Assert.Equal(["Alma Sökandesson"], kravUppfyllda.QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));
        var medKorkort = await agare.PageAsync($"/rekrytering/{id}?villkor={f.Korkort}:Ja");
        Assert.Equal(["Alma Sökandesson", "Cilla Sökandesson"], medKorkort.QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));
        var efterAr = await agare.PageAsync($"/rekrytering/{id}?sortera={f.Ar}");
        Assert.Equal(["Berit Sökandesson", "Alma Sökandesson", "Cilla Sökandesson"], efterAr.QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));

        // The candidate's own page shows the answers, free text too.
        var alma = rader[0].GetAttribute("data-kandidat");
        var kandidatsida = await agare.PageAsync($"/rekrytering/{id}/kandidater/{alma}");
        Assert.Contains("Jag vill leda.", kandidatsida.QuerySelector("#urvalssvar")!.TextContent);
        // A free-text answer keeps its paragraphs.
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Contains(await db.Set<Urvalssvar>().Select(s => s.Varde).ToListAsync(), v => v == "Jag vill leda.\nOch jag vill utveckla verksamheten.");
    }

    [Fact]
    public async Task SvarenIngarIRegisterutdragetOchGallrasMedDeAndraUppgifterna()
    {
        var (id, f) = await PubliceradMedFragorAsync(data);
        var epost = $"dora.{Guid.NewGuid():N}@example.se";
        await AnsokAsync(portal, id, "Dora", epost, Svar(f, "Ja", "4", "Socionom", "Jag brinner för äldreomsorgen."));
        var hr = await data.InloggadAsync("hr");

        var utdrag = await hr.PostFormAsync("/registerutdrag?handler=Hamta", new() { ["Epost"] = epost }, formPage: "/registerutdrag");
        Assert.Equal(HttpStatusCode.OK, utdrag.StatusCode);
        using (var zip = new ZipArchive(await utdrag.Content.ReadAsStreamAsync()))
        {
            using var json = JsonDocument.Parse(zip.GetEntry("uppgifter.json")!.Open());
            var text = json.RootElement.ToString();
            Assert.Contains("Urvalsfråga: Varför söker du tjänsten?", text);
            Assert.Contains("Jag brinner för äldreomsorgen.", text);
            Assert.Contains("Urvalsfråga: Hur många år har du varit chef?", text);
        }

        await using var scope = portal.ScopeFor("kalix", out var db);
        var gallring = scope.ServiceProvider.GetRequiredService<Gallring>();
        var kandidater = await gallring.Gallringsbara().Where(k => k.RekryteringId == id).ToListAsync();
        Assert.Equal(4, kandidater.Single().Urvalssvar.Count);
        await gallring.GallraAsync(kandidater);
        Assert.Equal(0, await db.Set<Urvalssvar>().CountAsync(s => s.KandidatId == kandidater[0].Id));
    }
}

/// <summary>The same way on PostgreSQL: the public form's questions are found across municipalities, the answers stored
/// and the list filtered on them.</summary>
public class UrvalsfragorPostgresTests(PostgresPortal portal) : IClassFixture<PostgresPortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task SvarenSparasOchListanFiltrerarPaKravenPaPostgres()
    {
        var (id, f) = await UrvalsfragorTests.PubliceradMedFragorAsync(data);
        Assert.Equal(3, (await PortalClient.For(portal).PageAsync($"/jobb/{id}")).QuerySelectorAll($"input[name='Input.Svar[{f.Utbildning}]']").Length);
        var fel = await UrvalsfragorTests.AnsokAsync(portal, id, "Fel", $"{Guid.NewGuid():N}@example.se", UrvalsfragorTests.Svar(f, "Kanske", "3", "Socionom"));
        Assert.Equal(HttpStatusCode.OK, fel.StatusCode);
        foreach (var (namn, ar) in new[] { ("Elsa", "7,5"), ("Frida", "1") })
            Assert.Equal(HttpStatusCode.Redirect, (await UrvalsfragorTests.AnsokAsync(portal, id, namn, $"{Guid.NewGuid():N}@example.se", UrvalsfragorTests.Svar(f, "Ja", ar, "Socionom"))).StatusCode);

        var agare = await data.InloggadAsync("rekryterande");
        var lista = await agare.PageAsync($"/rekrytering/{id}?krav=alla");
        Assert.Equal(["Elsa Sökandesson"], lista.QuerySelectorAll("#sokande tbody tr td a").Select(a => a.TextContent));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(8, await db.Set<Urvalssvar>().CountAsync(s => s.Fraga!.RekryteringId == id));
        Assert.Contains("7.5", await db.Set<Urvalssvar>().Where(s => s.UrvalsfragaId == f.Ar).Select(s => s.Varde).ToListAsync());
    }
}
