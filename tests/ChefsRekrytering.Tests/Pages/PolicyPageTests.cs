using System.Net;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Pages;

public class PolicyPageTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task ListanVisarAllaFemPolicyer()
    {
        var page = await PortalClient.For(portal).PageAsync("/policy");
        var names = page.QuerySelectorAll(".card h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Kalix kommun", "Ljusnarsbergs kommun", "Vimmerby kommun", "Vindelns kommun", "Älvsbyns kommun"], names);
    }

    [Theory]
    [InlineData("kalix", "Att vara synlig som ledare och tydliggöra verksamhetens mål och inriktning.")]
    [InlineData("alvsbyn", "Avveckling av chefskap")]
    [InlineData("ljusnarsberg", "Uppdragskontrakt")]
    [InlineData("vindeln", "Ledarens krav på uppdragsgivaren")]
    [InlineData("vimmerby", "Fantasi")]
    public async Task PolicynVisasLasbart(string kommun, string expected)
    {
        var page = await PortalClient.For(portal).PageAsync($"/policy/{kommun}");
        Assert.Contains(expected, page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotEmpty(page.QuerySelectorAll("#kompetensomraden ~ ul.requirements li, section ul.requirements li"));
    }

    [Fact]
    public async Task KalixTabellRenderasSomTabell()
    {
        var page = await PortalClient.For(portal).PageAsync("/policy/kalix");
        var table = page.QuerySelector(".policy-text table");
        Assert.NotNull(table);
        Assert.Contains("politiska ledningen", table!.TextContent);
    }

    [Fact]
    public async Task OkandKommunGer404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PortalClient.For(portal).GetAsync("/policy/atlantis")).StatusCode);
    }
}
