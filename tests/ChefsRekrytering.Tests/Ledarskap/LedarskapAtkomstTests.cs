using System.Net;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChefsRekrytering.Tests.Ledarskap.Ledarskapsdata;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>A manager's contract and self-assessment are seen by the manager, their närmast högre chef and HR; by nobody else.</summary>
public class LedarskapAtkomstTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task UtomstaendeFar404PaVarjeSidaOchVarjeFormular()
    {
        var karinId = await data.PersonIdAsync("chef");
        var pages = new[] { $"/uppdragskontrakt/{karinId}", $"/sjalvskattning/{karinId}", $"/sjalvskattning/{karinId}/{Iar}" };
        var posts = new[]
        {
            $"/uppdragskontrakt/{karinId}?handler=Spara", $"/uppdragskontrakt/{karinId}?handler=Bekrafta", $"/uppdragskontrakt/{karinId}?handler=Omprovning",
            $"/sjalvskattning/{karinId}?handler=Ny", $"/sjalvskattning/{karinId}/{Iar}?handler=Spara", $"/sjalvskattning/{karinId}/{Iar}?handler=LamnaIn",
            $"/sjalvskattning/{karinId}/{Iar}?handler=Ateroppna", $"/sjalvskattning/{karinId}/{Iar}?handler=Diskutera",
        };
        // A colleague in her unit, a jury member, the chef two levels up, and HR and a manager of another municipality.
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("kalix", "jury"), ("kalix", "kommunchef"), ("alvsbyn", "hr"), ("alvsbyn", "chef") })
        {
            var outsider = await PortalClient.For(portal).SignInAsync(kommun, login);
            foreach (var page in pages)
                Assert.True(HttpStatusCode.NotFound == (await outsider.GetAsync(page)).StatusCode, $"{login}@{kommun}: GET {page}");
            foreach (var post in posts)
            {
                var response = await outsider.PostFormAsync(post, [
                    new("Version", Guid.Empty.ToString()), new("sida", "Uppdragsgivare"), new("Kontrakt.Ansvar", "Obehörigt"),
                    new("Kontrakt.Ataganden", "Obehörigt"), new("Kontrakt.Resultatkrav", "Obehörigt"), new("kommentar", "Obehörigt"),
                ], formPage: "/");
                Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{login}@{kommun}: POST {post} gav {(int)response.StatusCode}");
            }
        }
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Uppdragskontrakt>().AnyAsync(k => k.ChefPersonId == karinId));
        Assert.False(await db.Set<Sjalvskattning>().AnyAsync(s => s.ChefPersonId == karinId));
    }

    [Fact]
    public async Task ChefenNarmastHogreChefOchHrSerSidorna()
    {
        var karinId = await data.PersonIdAsync("chef");
        foreach (var login in new[] { "chef", "rekryterande", "hr" })
        {
            var user = await PortalClient.For(portal).SignInAsync("kalix", login);
            foreach (var page in new[] { $"/uppdragskontrakt/{karinId}", $"/sjalvskattning/{karinId}", $"/sjalvskattning/{karinId}/{Iar}" })
                Assert.True(HttpStatusCode.OK == (await user.GetAsync(page)).StatusCode, $"{login}: GET {page}");
        }
    }

    [Fact]
    public async Task BaraChefersUppgifterFinnsEnMedarbetareHarIngaHar()
    {
        var emmaId = await data.PersonIdAsync("medarbetare");
        var emma = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        Assert.Equal(HttpStatusCode.NotFound, (await emma.GetAsync($"/sjalvskattning/{emmaId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await emma.GetAsync($"/uppdragskontrakt/{emmaId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await emma.GetAsync("/mitt-ledarskap")).StatusCode);
    }

    [Fact]
    public async Task MittLedarskapLankarTillDetEgnaOchTillCheferUnderMig()
    {
        var karinId = await data.PersonIdAsync("chef");
        var andersId = await data.PersonIdAsync("rekryterande");
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var page = await anders.PageAsync("/mitt-ledarskap");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/uppdragskontrakt/{andersId}", links);
        Assert.Contains($"/sjalvskattning/{andersId}", links);
        Assert.Contains($"/uppdragskontrakt/{karinId}", links);
        Assert.Contains($"/sjalvskattning/{karinId}", links);
        Assert.Equal(["Karin Öberg"], page.QuerySelectorAll("#chefer-rubrik ~ div tbody th").Select(th => th.TextContent));
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/mitt-ledarskap");

        // HR has every manager of the municipality.
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Equal(7, (await hr.PageAsync("/mitt-ledarskap")).QuerySelectorAll("#chefer-rubrik ~ div tbody tr").Length);
    }
}
