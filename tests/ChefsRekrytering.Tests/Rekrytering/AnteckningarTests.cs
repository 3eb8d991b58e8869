using System.IO.Compression;
using System.Net;
using System.Text.Json;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>Notes and labels on a candidate, over HTTP with antiforgery: seen by whoever sees the candidate (owner, HR,
/// panel) and nobody else, a note deleted by its author only, labels in the candidate list with a filter, and both gone
/// with gallring and in the applicant's register extract.</summary>
public class AnteckningarTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task AnteckningenSynsForAgarenHrOchPanelenMenInteForEnUtomstaende()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var url = Kandidatsida(intervju, 0);
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);

        var sparad = await agare.PostFormAsync($"{url}?handler=Anteckning", new() { ["Anteckning.Text"] = "Stark i fallbeskrivningen.\nFråga om budgetansvaret." }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, sparad.StatusCode);
        var agarnamn = (await data.KontoAsync(IntervjuBuilder.Agare)).Namn;
        foreach (var login in new[] { IntervjuBuilder.Agare, IntervjuBuilder.Hr, IntervjuBuilder.Panel })
        {
            var sida = await (await data.InloggadAsync(login)).PageAsync(url);
            var anteckning = sida.QuerySelector("#anteckningar article.anteckning")!;
            Assert.Contains("Stark i fallbeskrivningen.\nFråga om budgetansvaret.", anteckning.TextContent); // paragraphs kept
            Assert.Contains(agarnamn, anteckning.TextContent);
            // Only the author is offered to delete it.
            Assert.Equal(login == IntervjuBuilder.Agare, anteckning.QuerySelector("form[action*='handler=TaBortAnteckning']") is not null);
        }

        var utomstaende = await data.InloggadAsync("medarbetare");
        Assert.Equal(HttpStatusCode.NotFound, (await utomstaende.GetAsync(url)).StatusCode);
        var forsok = await utomstaende.PostFormAsync($"{url}?handler=Anteckning", new() { ["Anteckning.Text"] = "Smygtitt" }, formPage: "/");
        Assert.Equal(HttpStatusCode.NotFound, forsok.StatusCode);
        var tagg = await utomstaende.PostFormAsync($"{url}?handler=Tagg", new() { ["tagg"] = "Smygtitt" }, formPage: "/");
        Assert.Equal(HttpStatusCode.NotFound, tagg.StatusCode);

        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        var kandidatId = intervju.KandidatIds[0];
        Assert.Equal(["Stark i fallbeskrivningen.\nFråga om budgetansvaret."], await db.Set<Anteckning>().Where(a => a.KandidatId == kandidatId).Select(a => a.Text).ToListAsync());
        Assert.Equal(0, await db.Set<KandidatTagg>().CountAsync(t => t.KandidatId == kandidatId));
    }

    [Fact]
    public async Task BaraDenSomSkrevAnteckningenKanTaBortDenOchBadaStegenLoggas()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var url = Kandidatsida(intervju, 0);
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        await agare.PostFormAsync($"{url}?handler=Anteckning", new() { ["Anteckning.Text"] = "Ring referensen på fredag." }, formPage: url);
        var anteckningId = (await AnteckningIdAsync(intervju.KandidatIds[0]))!.Value;

        var hr = await data.InloggadAsync(IntervjuBuilder.Hr);
        var nekad = await hr.PostFormAsync($"{url}?handler=TaBortAnteckning", new() { ["anteckningId"] = anteckningId.ToString() }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, nekad.StatusCode);
        Assert.Contains(AnteckningService.AnnansAnteckning, await nekad.Content.ReadAsStringAsync());
        Assert.NotNull(await AnteckningIdAsync(intervju.KandidatIds[0]));

        var tom = await agare.PostFormAsync($"{url}?handler=Anteckning", new() { ["Anteckning.Text"] = "   " }, formPage: url);
        Assert.Contains(AnteckningService.TomAnteckning, await tom.Content.ReadAsStringAsync());

        var borttagen = await agare.PostFormAsync($"{url}?handler=TaBortAnteckning", new() { ["anteckningId"] = anteckningId.ToString() }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, borttagen.StatusCode);
        Assert.Null(await AnteckningIdAsync(intervju.KandidatIds[0]));
        Assert.Contains("Inga anteckningar.", (await agare.PageAsync(url)).QuerySelector("#anteckningar")!.TextContent);

        // The audit log says who wrote and who deleted, never what the note said.
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        var logg = await db.Set<AuditEvent>().Where(e => e.ObjectType == Granskningsobjekt.Kandidat && e.ObjectId == intervju.KandidatIds[0] && e.Detail!.StartsWith("Anteckning"))
            .OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Skapade, AuditAction.Raderade], logg.Select(e => e.Action));
        Assert.All(logg, e => Assert.Equal(intervju.AgareUserId, e.UserId));
        Assert.All(logg, e => Assert.DoesNotContain("referensen", e.Detail));
    }

    [Fact]
    public async Task TaggarVisasPaKandidatenOchIListanSomKanFiltrerasPaDem()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var (forsta, andra) = (Kandidatsida(intervju, 0), Kandidatsida(intervju, 1));
        Assert.Equal(HttpStatusCode.Redirect, (await agare.PostFormAsync($"{forsta}?handler=Tagg", new() { ["tagg"] = "Ring igen" }, formPage: forsta)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agare.PostFormAsync($"{forsta}?handler=Tagg", new() { ["tagg"] = "Stark ledarerfarenhet" }, formPage: forsta)).StatusCode);
        // The panel labels too, and a label typed in another case is the recruitment's own.
        var panel = await data.InloggadAsync(IntervjuBuilder.Panel);
        Assert.Equal(HttpStatusCode.Redirect, (await panel.PostFormAsync($"{andra}?handler=Tagg", new() { ["tagg"] = "  stark   LEDARERFARENHET " }, formPage: andra)).StatusCode);

        Assert.Equal(["Ring igen", "Stark ledarerfarenhet"], (await agare.PageAsync(forsta)).QuerySelectorAll("#taggar .tag").Select(t => t.TextContent));
        Assert.Equal(["Stark ledarerfarenhet"], (await agare.PageAsync(andra)).QuerySelectorAll("#taggar .tag").Select(t => t.TextContent));

        var lista = await agare.PageAsync($"/rekrytering/{intervju.Id}");
        Assert.Equal(2, lista.QuerySelectorAll("#sokande tbody tr").Length);
        Assert.Equal(["", "Ring igen", "Stark ledarerfarenhet"], lista.QuerySelectorAll("#filter-tagg option").Select(o => o.GetAttribute("value")));
        var rad = lista.QuerySelector($"#sokande tr[data-kandidat='{intervju.KandidatIds[0]}'] td.taggar")!;
        Assert.Equal(["Ring igen", "Stark ledarerfarenhet"], rad.QuerySelectorAll(".tag").Select(t => t.TextContent));

        var ringIgen = await agare.PageAsync($"/rekrytering/{intervju.Id}?tagg=Ring+igen");
        Assert.Equal([intervju.KandidatIds[0].ToString()], ringIgen.QuerySelectorAll("#sokande tbody tr").Select(r => r.GetAttribute("data-kandidat")));
        Assert.Contains("1 av 2", ringIgen.QuerySelector("#sokande caption")!.TextContent);
        var stark = await agare.PageAsync($"/rekrytering/{intervju.Id}?tagg=Stark+ledarerfarenhet");
        Assert.Equal(2, stark.QuerySelectorAll("#sokande tbody tr").Length);

        // Taking a label off: the filter no longer finds the candidate.
        var taggId = await TaggIdAsync(intervju.KandidatIds[0], "Ring igen");
        Assert.Equal(HttpStatusCode.Redirect, (await agare.PostFormAsync($"{forsta}?handler=TaBortTagg", new() { ["taggId"] = taggId.ToString() }, formPage: forsta)).StatusCode);
        Assert.Empty((await agare.PageAsync($"/rekrytering/{intervju.Id}?tagg=Ring+igen")).QuerySelectorAll("#sokande tbody tr"));
    }

    [Theory]
    [InlineData("", AnteckningService.TomTagg)]
    [InlineData("   ", AnteckningService.TomTagg)]
    [InlineData("En alldeles för lång tagg som inte får plats", "En tagg får ha högst 40 tecken.")]
    public async Task TomEllerForLangTaggAvvisasPaSvenska(string tagg, string skal)
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var url = Kandidatsida(intervju, 0);
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);

        var svar = await agare.PostFormAsync($"{url}?handler=Tagg", new() { ["tagg"] = tagg }, formPage: url);

        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains(skal, await svar.Content.ReadAsStringAsync());
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        Assert.Equal(0, await db.Set<KandidatTagg>().CountAsync(t => t.KandidatId == intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task AnteckningarOchTaggarIngarIRegisterutdragetOchGallras()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var url = Kandidatsida(intervju, 0);
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        await agare.PostFormAsync($"{url}?handler=Anteckning", new() { ["Anteckning.Text"] = "Tydlig om sitt ledarskap." }, formPage: url);
        await agare.PostFormAsync($"{url}?handler=Tagg", new() { ["tagg"] = "Ring igen" }, formPage: url);
        string epost;
        await using (var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db))
            epost = await db.Set<Kandidat>().Where(k => k.Id == intervju.KandidatIds[0]).Select(k => k.Epost).SingleAsync();

        // GDPR art. 15: what the recruitment wrote about the applicant is theirs to see.
        var hr = await data.InloggadAsync(IntervjuBuilder.Hr);
        var utdrag = await hr.PostFormAsync("/registerutdrag?handler=Hamta", new() { ["Epost"] = epost }, formPage: "/registerutdrag");
        Assert.Equal(HttpStatusCode.OK, utdrag.StatusCode);
        using (var zip = new ZipArchive(await utdrag.Content.ReadAsStreamAsync()))
        {
            using var json = JsonDocument.Parse(zip.GetEntry("uppgifter.json")!.Open());
            var text = json.RootElement.ToString();
            Assert.Contains("Tydlig om sitt ledarskap.", text);
            Assert.Contains($"Anteckning: {(await data.KontoAsync(IntervjuBuilder.Agare)).Namn}", text);
            Assert.Contains("Ring igen", text);
        }

        await using (var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db))
        {
            var gallring = scope.ServiceProvider.GetRequiredService<Gallring>();
            var kandidater = await gallring.Gallringsbara().Where(k => k.RekryteringId == intervju.Id).ToListAsync();
            await gallring.GallraAsync(kandidater);
            Assert.Equal(0, await db.Set<Anteckning>().CountAsync(a => a.KandidatId == intervju.KandidatIds[0]));
            Assert.Equal(0, await db.Set<KandidatTagg>().CountAsync(t => t.KandidatId == intervju.KandidatIds[0]));
        }
        Assert.Contains("Inga anteckningar.", (await agare.PageAsync(url)).QuerySelector("#anteckningar")!.TextContent);
    }

    private static string Kandidatsida(Intervju intervju, int kandidat) => $"/rekrytering/{intervju.Id}/kandidater/{intervju.KandidatIds[kandidat]}";

    private async Task<int?> AnteckningIdAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        return await db.Set<Anteckning>().Where(a => a.KandidatId == kandidatId).Select(a => (int?)a.Id).FirstOrDefaultAsync();
    }

    private async Task<int> TaggIdAsync(int kandidatId, string text)
    {
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        return await db.Set<KandidatTagg>().Where(t => t.KandidatId == kandidatId && t.Text == text).Select(t => t.Id).SingleAsync();
    }
}
