using System.Net;
using ChefsRekrytering.Chefsforsorjning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Chefsforsorjning;

/// <summary>
/// The internal pool (chefsförsörjning) through its pages: an employee declares interest with consent and withdraws it,
/// their chef recommends, HR sees the pool per förvaltning and invites to an open recruitment once; gallring and the
/// register extract. Each test has its own people (Kalix: Emma and Oskar sign in, the others' entries are made by the
/// command as they would make them; Älvsbyn for gallring and the extract).
/// </summary>
public class ChefsforsorjningTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task MedarbetarenAnmalerMedSamtyckeAndrarOchTarTillbaka()
    {
        var emmaId = await data.PersonIdAsync("medarbetare");
        var emma = await data.InloggadAsync("medarbetare");
        var form = await emma.PageAsync("/chefsforsorjning");
        Assert.Contains("Samtycke", form.Body!.TextContent);
        Assert.Contains("HR", form.QuerySelector("label[for=samtycke]")!.TextContent);
        var krav = form.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")!).Distinct().ToList();
        Assert.Equal(30, krav.Count); // every requirement of Kalix's policy, on the self-assessment's scale

        var saved = await SparaAsync(emma, emmaId, "Enhetschef inom äldreomsorgen.", (krav[0], "Val"), (krav[1], "Foredome"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var a = (await AnmalanAsync(emmaId))!;
        Assert.Equal(("Enhetschef inom äldreomsorgen.", Samtyckestext.Version, 30), (a.Intresse, a.SamtyckeVersion, a.Skattningar.Count));
        Assert.Equal([Betyg.Val, Betyg.Foredome], a.Ordnade.Take(2).Select(s => s.Betyg));
        var shown = await emma.PageAsync("/chefsforsorjning");
        Assert.Equal("Enhetschef inom äldreomsorgen.", shown.QuerySelector("textarea#intresse")!.TextContent.Trim());
        Assert.NotNull(shown.QuerySelector($"input[name='{krav[1]}'][value=Foredome][checked]"));

        Assert.Equal(HttpStatusCode.Redirect, (await SparaAsync(emma, emmaId, "Rektor.", (krav[0], "Delvis"))).StatusCode);
        a = (await AnmalanAsync(emmaId))!;
        Assert.Equal(("Rektor.", Betyg.Delvis), (a.Intresse, a.Ordnade.First().Betyg));

        var withdrawn = await emma.PostFormAsync("/chefsforsorjning?handler=Aterkalla", new() { ["Input.PersonId"] = emmaId.ToString() }, formPage: "/chefsforsorjning");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Null(await AnmalanAsync(emmaId));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<IntresseSkattning>().AnyAsync(s => s.IntresseanmalanId == a.Id)); // deleted now, not kept
    }

    [Fact]
    public async Task UtanSamtyckeSparasIngenting()
    {
        var oskarId = await data.PersonIdAsync("jury");
        var oskar = await data.InloggadAsync("jury");
        var refused = await SparaAsync(oskar, oskarId, "Enhetschef.", samtycke: false);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kryssa i att du godkänner", await refused.ErrorsAsync());
        Assert.Null(await AnmalanAsync(oskarId));
    }

    [Fact]
    public async Task EnAnnansPersonIdNekasOchIngentingAndras()
    {
        var oskarId = await data.PersonIdAsync("jury");
        var mariaId = await data.PersonIdAsync("kommunchef");
        var oskar = await data.InloggadAsync("jury");
        var forged = await SparaAsync(oskar, mariaId, "Kommunchef, förstås.");
        Assert.Contains("Du kan bara anmäla ditt eget intresse", await forged.ErrorsAsync());
        Assert.Null(await AnmalanAsync(mariaId));
        Assert.Null(await AnmalanAsync(oskarId));

        // Someone else's entry cannot be withdrawn either.
        var aishaId = await data.IdForNamnAsync("Aisha Mohammed");
        await AnmalAsync("kalix", aishaId, "Enhetschef hemtjänst.");
        var taken = await oskar.PostFormAsync("/chefsforsorjning?handler=Aterkalla", new() { ["Input.PersonId"] = aishaId.ToString() }, formPage: "/chefsforsorjning");
        Assert.Contains("Du kan bara ta tillbaka din egen", await taken.ErrorsAsync());
        Assert.NotNull(await AnmalanAsync(aishaId));
    }

    [Fact]
    public async Task ChefenSerSinaMedarbetareOchRekommenderar()
    {
        var aishaId = await data.IdForNamnAsync("Aisha Mohammed");
        var id = await AnmalAsync("kalix", aishaId, "Enhetschef hemtjänst.");
        var karin = await data.InloggadAsync("chef");
        var page = await karin.PageAsync("/chefsforsorjning/medarbetare");
        Assert.Contains("Aisha Mohammed", page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent);
        Assert.Contains("har anmält intresse", (await karin.PageAsync("/mitt-ledarskap")).Body!.TextContent);

        var empty = await Rekommendera(karin, id, " ");
        Assert.Contains("Skriv en kort motivering", await empty.ErrorsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Rekommendera(karin, id, "Tar ansvar för schemat och leder arbetsplatsträffar.")).StatusCode);
        var a = (await AnmalanAsync(aishaId))!;
        Assert.Equal(("Karin Öberg", "Tar ansvar för schemat och leder arbetsplatsträffar."), (a.RekommenderadAv, a.Rekommendation));

        var back = await karin.PostFormAsync($"/chefsforsorjning/medarbetare?handler=Aterkalla&anmalanId={id}", new(), formPage: "/chefsforsorjning/medarbetare");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.False((await AnmalanAsync(aishaId))!.ArRekommenderad);
    }

    [Fact]
    public async Task EnChefSomInteArMedarbetarensChefNekas()
    {
        var mikaelId = await data.IdForNamnAsync("Mikael Persson"); // Centrumskolan: Johan Lundberg is his chef
        var id = await AnmalAsync("kalix", mikaelId, "Rektor.");
        foreach (var login in new[] { "chef", "rekryterande", "kommunchef" })
        {
            var chef = await data.InloggadAsync(login);
            Assert.DoesNotContain("Mikael Persson", (await chef.PageAsync("/chefsforsorjning/medarbetare")).Body!.TextContent);
            var refused = await Rekommendera(chef, id, "Jag tycker han passar.");
            Assert.Contains("Bara medarbetarens chef kan rekommendera", await refused.ErrorsAsync());
        }
        Assert.False((await AnmalanAsync(mikaelId))!.ArRekommenderad);
    }

    [Fact]
    public async Task HrSerPoolenPerForvaltningOchEnMedarbetareFarInteOppnaDen()
    {
        var henrikId = await data.IdForNamnAsync("Henrik Wikström"); // Furugården, Socialförvaltningen
        var erikId = await data.IdForNamnAsync("Erik Lindberg"); // Centrumskolan, Utbildningsförvaltningen
        await AnmalAsync("kalix", henrikId, "Enhetschef äldreboende.");
        await AnmalAsync("kalix", erikId, "Biträdande rektor.");
        int soc;
        await using (var scope = portal.ScopeFor("kalix", out var db)) soc = await db.Enheter.Where(e => e.Namn == "Socialförvaltningen").Select(e => e.Id).SingleAsync();

        var hr = await data.InloggadAsync("hr");
        var alla = (await hr.PageAsync("/chefsforsorjning/pool")).QuerySelector("table")!.TextContent;
        Assert.Contains("Henrik Wikström", alla);
        Assert.Contains("Erik Lindberg", alla);
        var page = await hr.PageAsync($"/chefsforsorjning/pool?forvaltning={soc}");
        var rows = page.QuerySelectorAll("tbody tr").Where(r => r.TextContent.Contains("Henrik Wikström")).ToList();
        Assert.Single(rows);
        Assert.Contains("Socialförvaltningen", rows[0].TextContent);
        Assert.Contains("Enhetschef äldreboende.", rows[0].TextContent);
        Assert.DoesNotContain("Erik Lindberg", page.QuerySelector("table")!.TextContent);

        // An employee, and a chef, are sent to "access denied", which answers 403.
        foreach (var login in new[] { "medarbetare", "chef" })
        {
            var client = await data.InloggadAsync(login);
            var denied = await client.GetAsync("/chefsforsorjning/pool");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Equal("/konto/atkomst-nekad", denied.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(denied.Headers.Location.PathAndQuery)).StatusCode);
            var post = await client.PostFormAsync("/chefsforsorjning/pool?handler=BjudIn", new() { ["rekryteringId"] = "1", ["valda"] = "1" }, formPage: "/chefsforsorjning");
            Assert.Equal("/konto/atkomst-nekad", post.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task InbjudanSkickarEttMejlVarOchInteIgen()
    {
        var linneaId = await data.IdForNamnAsync("Linnea Nyström");
        var sofiaId = await data.IdForNamnAsync("Sofia Karlsson");
        var linnea = await AnmalAsync("kalix", linneaId, "Enhetschef.");
        var sofia = await AnmalAsync("kalix", sofiaId, "Rektor.");
        var oppen = await data.NyRekrytering().Titel("Enhetschef Furugården").AnnonseradAsync();
        var stangd = await data.NyRekrytering().Titel("Enhetschef ej annonserad").KravprofilAsync();
        var hr = await data.InloggadAsync("hr");

        var notOpen = await BjudIn(hr, stangd, linnea, sofia);
        Assert.Contains("är inte utannonserad och öppen för ansökningar", await notOpen.ErrorsAsync());
        Assert.Empty(await MejlAsync(linnea, sofia));

        Assert.Equal(HttpStatusCode.Redirect, (await BjudIn(hr, oppen, linnea, sofia)).StatusCode);
        var mejl = await MejlAsync(linnea, sofia);
        Assert.Equal(2, mejl.Count);
        Assert.All(mejl, m => Assert.Contains($"/jobb/{oppen}", m.HtmlBody));
        Assert.Contains(mejl, m => m.ToAddress == Epost(linneaId).Result);
        Assert.Contains("Enhetschef Furugården", (await hr.PageAsync("/chefsforsorjning/pool")).QuerySelector("table")!.TextContent);

        var again = await BjudIn(hr, oppen, linnea, sofia);
        Assert.Contains("redan inbjudna", await again.ErrorsAsync());
        Assert.Equal(2, (await MejlAsync(linnea, sofia)).Count);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(2, await db.Set<Poolinbjudan>().CountAsync(i => i.RekryteringId == oppen));
    }

    [Fact]
    public async Task GallringTarBortAnmalningarEfterLagringstidenOchDenSomSlutat()
    {
        var alvsbyn = data.I("alvsbyn");
        var maja = await alvsbyn.IdForNamnAsync("Maja Holmberg");
        var viktor = await alvsbyn.IdForNamnAsync("Viktor Engström");
        var simon = await alvsbyn.IdForNamnAsync("Simon Wallin");
        foreach (var p in new[] { maja, viktor, simon }) await AnmalAsync("alvsbyn", p, "Enhetschef.");
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
            await db.Set<Intresseanmalan>().Where(a => a.PersonId == viktor)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AndradUtc, DateTime.UtcNow.AddMonths(-25)));
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
            await db.Set<Intresseanmalan>().Where(a => a.PersonId == simon)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AndradUtc, DateTime.UtcNow.AddMonths(-23)));

        // Maja leaves: her entry goes with her, in the same save.
        var admin = await alvsbyn.PrincipalAsync("admin");
        Assert.True((await alvsbyn.KommandoAsync<OrganisationService, CommandResult>(s => s.MarkeraSomSlutatAsync(maja, admin))).Succeeded);
        Assert.Null(await AnmalanAsync(maja, "alvsbyn"));

        await using (var scope = portal.ScopeFor("alvsbyn", out _))
        {
            var jobb = scope.ServiceProvider.GetServices<IScheduledJobHandler>().Single(h => h.JobType == "gallring");
            await jobb.HandleAsync(new ScheduledJob { KommunId = "alvsbyn", JobType = "gallring" }, CancellationToken.None);
        }
        Assert.Null(await AnmalanAsync(viktor, "alvsbyn")); // 25 months unchanged: past the default 24
        Assert.NotNull(await AnmalanAsync(simon, "alvsbyn"));
    }

    [Fact]
    public async Task RegisterutdragetInnehallerAnmalanSkattningenOchRekommendationen()
    {
        var alvsbyn = data.I("alvsbyn");
        var elin = await alvsbyn.IdForNamnAsync("Elin Sjöberg"); // Bredåkra, no chef of its own: Helena Lundström is hers
        var id = await AnmalAsync("alvsbyn", elin, "Enhetschef särskilt boende.", Betyg.Foredome);
        var helena = await alvsbyn.PrincipalAsync("rekryterande");
        Assert.True((await alvsbyn.KommandoAsync<ChefsforsorjningService, CommandResult>(s => s.RekommenderaAsync(id, "Leder redan teamet kvällstid.", helena))).Succeeded);

        var oppen = await alvsbyn.NyRekrytering().Titel("Enhetschef Bredåkra").AnnonseradAsync();
        var hrChef = await alvsbyn.PrincipalAsync("hr");
        Assert.True((await alvsbyn.KommandoAsync<ChefsforsorjningService, CommandResult>(s => s.BjudInAsync(oppen, [id], hrChef))).Succeeded);

        var hr = await alvsbyn.InloggadAsync("hr");
        var response = await hr.PostFormAsync("/registerutdrag?handler=Hamta", new() { ["Epost"] = await Epost(elin, "alvsbyn") }, formPage: "/registerutdrag");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var json = System.Text.Json.JsonDocument.Parse(zip.GetEntry("uppgifter.json")!.Open());
        var avsnitt = json.RootElement.GetProperty("avsnitt").EnumerateArray().Single(a => a.GetProperty("rubrik").GetString() == "Chefsförsörjning");
        var text = avsnitt.ToString();
        Assert.Contains("Enhetschef särskilt boende.", text);
        Assert.Contains("Leder redan teamet kvällstid.", text);
        Assert.Contains("Helena Lundström", text);
        Assert.Contains("Föredöme", text);
        Assert.Contains("Inbjudan att söka Enhetschef Bredåkra", text);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /// <summary>The form as the page posts it: whose, the consent tick, the interest and some ratings.</summary>
    private static Task<HttpResponseMessage> SparaAsync(PortalClient client, int personId, string intresse, params (string Namn, string Betyg)[] betyg) =>
        SparaAsync(client, personId, intresse, true, betyg);

    private static Task<HttpResponseMessage> SparaAsync(PortalClient client, int personId, string intresse, bool samtycke, params (string Namn, string Betyg)[] betyg)
    {
        var fields = new Dictionary<string, string> { ["Input.PersonId"] = personId.ToString(), ["Input.Intresse"] = intresse };
        if (samtycke) fields["Input.Samtycke"] = "true";
        foreach (var (namn, b) in betyg) fields[namn] = b;
        return client.PostFormAsync("/chefsforsorjning?handler=Spara", fields, formPage: "/chefsforsorjning");
    }

    private static Task<HttpResponseMessage> Rekommendera(PortalClient chef, int anmalanId, string motivering) =>
        chef.PostFormAsync($"/chefsforsorjning/medarbetare?handler=Rekommendera&anmalanId={anmalanId}", new() { ["Motivering"] = motivering },
            formPage: "/chefsforsorjning/medarbetare");

    private static Task<HttpResponseMessage> BjudIn(PortalClient hr, int rekryteringId, params int[] anmalanIds) =>
        hr.PostFormAsync("/chefsforsorjning/pool?handler=BjudIn",
            anmalanIds.Select(i => KeyValuePair.Create("valda", i.ToString())).Append(KeyValuePair.Create("rekryteringId", rekryteringId.ToString())),
            formPage: "/chefsforsorjning/pool");

    /// <summary>An entry made by the person's own command, as the page makes it (people without a demo account); its id.</summary>
    private async Task<int> AnmalAsync(string kommun, int personId, string intresse, Betyg? allaBetyg = null)
    {
        var d = data.I(kommun);
        var user = d.Roll(Roller.Medarbetare, personId: personId);
        var krav = portal.Services.GetRequiredService<ChefsRekrytering.Policies.PolicyLibrary>().Get(kommun).AllaKrav.Select(k => (k.Id, allaBetyg)).ToList();
        var result = await d.KommandoAsync<ChefsforsorjningService, CommandResult>(s => s.SparaAsync(new Anmalan(personId, true, intresse, krav), user));
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        return (await AnmalanAsync(personId, kommun))!.Id;
    }

    private async Task<Intresseanmalan?> AnmalanAsync(int personId, string kommun = "kalix")
    {
        await using var scope = portal.ScopeFor(kommun, out var db);
        return await db.Set<Intresseanmalan>().AsNoTracking().Include(a => a.Skattningar).SingleOrDefaultAsync(a => a.PersonId == personId);
    }

    private async Task<List<OutboxMessage>> MejlAsync(params int[] anmalanIds)
    {
        var topics = anmalanIds.Select(i => $"Intresseanmalan:{i}").ToList();
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => topics.Contains(m.Topic)).ToListAsync();
    }

    private async Task<string> Epost(int personId, string kommun = "kalix")
    {
        await using var scope = portal.ScopeFor(kommun, out var db);
        return await db.Personer.Where(p => p.Id == personId).Select(p => p.Epost).SingleAsync();
    }
}
