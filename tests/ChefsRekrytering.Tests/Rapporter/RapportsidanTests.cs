using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Rapporter;

/// <summary>
/// The reports page is long: each report shows its chart, and its table is folded under it until asked for (open where
/// there is no chart to read instead). A phone gets a chart with each label above its bar.
/// </summary>
public class RapportsidanTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task TabellenViksUnderDiagrammetOchVisasDarDiagramSaknas()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var page = await hr.PageAsync("/rapporter");

        // Kalix's demo recruitments: a chart by state, the numbers folded beneath it.
        var lage = page.GetElementById("rekryteringar-per-lage-rubrik")!.ParentElement!;
        Assert.NotNull(lage.QuerySelector("svg.stapeldiagram"));
        var fold = lage.QuerySelector("details.tabell-fold")!;
        Assert.False(fold.HasAttribute("open"));
        Assert.Equal("Tabell: Rekryteringar efter läge", fold.QuerySelector("summary")!.TextContent);
        Assert.Equal(12, fold.QuerySelectorAll("tbody tr").Length);

        // The key figures have no chart: their table is the report, shown open.
        var sammanfattning = page.GetElementById("sammanfattning-rubrik")!.ParentElement!;
        Assert.Null(sammanfattning.QuerySelector("svg"));
        Assert.True(sammanfattning.QuerySelector("details.tabell-fold")!.HasAttribute("open"));
    }

    [Fact]
    public async Task DiagrammetFinnsOcksaSmaltForEnTelefon()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var lage = (await hr.PageAsync("/rapporter")).GetElementById("rekryteringar-per-lage-rubrik")!.ParentElement!;

        var (bred, smal) = (lage.QuerySelector("svg.stapeldiagram:not(.smal)")!, lage.QuerySelector("svg.stapeldiagram.smal")!);
        Assert.Equal("0 0 710", bred.GetAttribute("viewBox")![..7]);
        Assert.Equal("0 0 370", smal.GetAttribute("viewBox")![..7]);
        // The same title and description, under ids of its own; each label stands above its bar, at the left edge.
        Assert.Equal(bred.QuerySelector("title")!.TextContent, smal.QuerySelector("title")!.TextContent);
        Assert.Equal(bred.QuerySelector("desc")!.TextContent, smal.QuerySelector("desc")!.TextContent);
        Assert.Equal("diagram-rekryteringar-per-lage-smal-t diagram-rekryteringar-per-lage-smal-d", smal.GetAttribute("aria-labelledby"));
        Assert.Equal("Utkast", smal.QuerySelector("text[x='0']")!.TextContent);
    }
}
