using System.Net;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// The recruitment's long page: the current phase's work first and open, every other section folded after it with its
/// heading (and the id links use) inside the fold, so that following a link opens it; and the process as a list of steps
/// a phone can read.
/// </summary>
public class RekryteringssidanTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task FasensArbeteStarForstOchOppetRestenArVikt()
    {
        var intervju = await new IntervjuBuilder(portal).BuildAsync();
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var page = await hr.PageAsync($"/rekrytering/{intervju.Id}");

        // Interviews: the applicants and the panel; then the rest in the process's order (no MBL or decision yet).
        var avsnitt = page.QuerySelectorAll("details.avsnitt").Select(d => (d.QuerySelector("h2")!.Id, d.HasAttribute("open"))).ToList();
        Assert.Equal([("kandidater-rubrik", true), ("panel-rubrik", true), ("behov-rubrik", false), ("kravprofil-rubrik", false),
            ("annons-rubrik", false), ("arkiv-rubrik", false), ("historik-rubrik", false)], avsnitt);
        foreach (var fold in page.QuerySelectorAll("details.avsnitt"))
        {
            // The heading is in the folded part, not the summary: a link to its id opens the fold. The summary names it.
            var h2 = fold.QuerySelector("h2")!;
            Assert.Same(fold, h2.ParentElement);
            Assert.Equal(h2.TextContent, fold.QuerySelector("summary")!.TextContent);
            Assert.Equal(fold.ParentElement!.GetAttribute("aria-labelledby"), h2.Id);
        }
        // The folded ones still hold their content.
        Assert.Contains("Enhetschefen går i pension", page.QuerySelector("#behov-rubrik")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task ProcessenFinnsSomListaMedStegetNuMarkerat()
    {
        var intervju = await new IntervjuBuilder(portal).BuildAsync();
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var lista = (await owner.PageAsync($"/rekrytering/{intervju.Id}")).QuerySelector("#process-rubrik")!.ParentElement!.QuerySelector("ol.process-lista")!;

        var steg = lista.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(11, steg.Count);
        Assert.Equal("Intervjuer nu", lista.QuerySelector("li[aria-current=step]")!.TextContent);
        Assert.Equal(["✓ klart: Utkast", "✓ klart: Behovsprövning", "✓ klart: Kravprofil", "✓ klart: Annonserad", "✓ klart: Urval"],
            lista.QuerySelectorAll("li.done").Select(li => li.TextContent));
        Assert.Equal("Referenser", steg[6]);
        Assert.Equal("Avbruten", lista.NextElementSibling!.NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task EttSkickatFormularSomNekasVisasOppetDarDetStar()
    {
        var id = await new RekryteringBuilder(portal).KravprofilAsync();
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.False(Arkivet(await hr.PageAsync($"/rekrytering/{id}")).HasAttribute("open"));

        // A hold without its reason: refused, and the form is shown open with the reason why, not folded away.
        var svar = await hr.PostFormAsync($"/rekrytering/{id}?handler=Gallringsstopp", new() { ["skal"] = "", ["Version"] = await VersionAsync(id) },
            formPage: $"/rekrytering/{id}");
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        var page = PortalClient.Parse(await svar.Content.ReadAsStringAsync());
        Assert.Contains("Ange skälet till gallringsstoppet", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.True(Arkivet(page).HasAttribute("open"));
        Assert.False(page.QuerySelector("#panel-rubrik")!.ParentElement!.HasAttribute("open"));
    }

    private static AngleSharp.Dom.IElement Arkivet(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#arkiv-rubrik")!.ParentElement!;

    private async Task<string> VersionAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync()).ToString();
    }
}
