using System.Net;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Personuppgifter;

/// <summary>The accessibility statement and the privacy notices: public, linked from every page's footer, and saying
/// what DIGG and the GDPR ask for, with this deployment's settings.</summary>
public class RattsligaSidorTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task SidfotenLankarTillganglighetOchPersonuppgifterFranVarjeSida()
    {
        var client = PortalClient.For(portal);
        foreach (var url in new[] { "/", "/jobb", "/policy", "/konto/logga-in" })
        {
            var footer = (await client.PageAsync(url)).QuerySelector("footer")!;
            var hrefs = footer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("/tillganglighet", hrefs);
            Assert.Contains("/personuppgifter", hrefs);
        }
    }

    [Fact]
    public async Task TillganglighetsredogorelsenSagerStatusBristerKontaktTillsynOchDatum()
    {
        var page = await PortalClient.For(portal).PageAsync("/tillganglighet");
        var text = page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;

        Assert.Equal("Tillgänglighetsredogörelse", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("delvis förenlig", text);
        Assert.NotEmpty(page.QuerySelectorAll("#brister + ul li"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://www.digg.se/tdosanmalan");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "mailto:tillganglighet@example.se");
        Assert.Contains("Den senaste bedömningen gjordes 30 november 2026", text);
    }

    [Fact]
    public async Task EnDriftsattningSkriverSinEgenRedogorelseOchSittDataskyddsombud()
    {
        await using var egen = new PortalFactory()
            .With("Tillganglighet:Status", "inte förenlig").With("Tillganglighet:KontaktEpost", "webb@kalix.se")
            .With("Tillganglighet:Brister:0", "Formulären saknar etiketter.")
            .With("Personuppgifter:Kommuner:kalix:DataskyddsombudEpost", "dso@kalix.se")
            .With("Gallring:ManaderEfterBeslut", "30");
        var client = PortalClient.For(egen);

        var redogorelse = await client.PageAsync("/tillganglighet");
        var kalix = (await client.PageAsync("/personuppgifter/kalix")).Body!.TextContent;

        Assert.Contains("inte förenlig", redogorelse.Body!.TextContent);
        Assert.Contains(redogorelse.QuerySelectorAll("a"), a => a.GetAttribute("href") == "mailto:webb@kalix.se");
        Assert.Contains("Formulären saknar etiketter.", redogorelse.QuerySelectorAll("#brister + ul li").Select(li => li.TextContent));
        Assert.Contains("dso@kalix.se", kalix);
        Assert.Contains("sparas i 30 månader efter beslutet", kalix);
    }

    [Fact]
    public async Task VarjeKommunHarSinInformationOmPersonuppgifter()
    {
        var client = PortalClient.For(portal);

        var valjare = await client.PageAsync("/personuppgifter");
        var kalix = await client.PageAsync("/personuppgifter/kalix");
        var text = kalix.Body!.TextContent;

        Assert.Contains(valjare.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/personuppgifter/kalix");
        Assert.Contains(valjare.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/personuppgifter/alvsbyn");
        Assert.Equal("Så behandlar Kalix kommun personuppgifter", kalix.QuerySelector("h1")!.TextContent);
        Assert.Contains("Kalix kommun", text);
        Assert.Contains("personuppgiftsansvarig", text);
        Assert.Contains("dataskyddsombud", text);
        Assert.Contains("artikel 6.1 e och c", text);
        Assert.Contains("sparas i 24 månader efter beslutet", text);
        Assert.Contains("Integritetsskyddsmyndigheten (IMY)", text);
        Assert.Contains(kalix.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/mina-uppgifter");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/personuppgifter/finnsinte")).StatusCode);
    }
}
