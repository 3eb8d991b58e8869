using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.AretsChef;

public class StatistikTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task HrSerNomineringarPerEnhetOchNomineradOchDeltagandet()
    {
        await portal.KampanjAsync("kalix", 2031);
        var (karin, anders) = (await portal.Id("kalix", "chef"), await portal.Id("kalix", "rekryterande"));
        // Emma and Oskar of Hemtjänst Centrum and the kommunchef nominate Karin; Lena of Arbetsgivarenheten nominates Anders.
        foreach (var (login, chef) in new[] { ("medarbetare", karin), ("jury", karin), ("kommunchef", karin), ("hr", anders) })
            (await (await PortalClient.For(portal).SignInAsync("kalix", login)).NomineraAsync(chef)).AssertRedirect();

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var s = await db.StatistikAsync(await portal.KampanjenAsync("kalix", 2031));
            Assert.Equal((4, 4, 17), (s.Nomineringar, s.Nominatorer, s.Anstallda));
            Assert.Equal([new NomineradRad("Karin Öberg", "Hemtjänst Centrum", 3), new NomineradRad("Anders Nilsson", "Socialförvaltningen", 1)], s.PerNominerad);
            Assert.Equal([
                new EnhetsRad("Arbetsgivarenheten", 2, 1, 0), new EnhetsRad("Centrumskolan", 4, 0, 0), new EnhetsRad("Hemtjänst Centrum", 4, 2, 3),
                new EnhetsRad("IT-enheten", 2, 0, 0), new EnhetsRad("Kommunledningen", 1, 1, 0), new EnhetsRad("Socialförvaltningen", 1, 0, 1),
                new EnhetsRad("Utbildningsförvaltningen", 1, 0, 0), new EnhetsRad("Äldreboendet Furugården", 2, 0, 0),
            ], s.PerEnhet);
        }

        var page = await (await PortalClient.For(portal).SignInAsync("kalix", "hr")).PageAsync("/arets-chef/2031/statistik");
        Assert.Contains("4 av 17 anställda har nominerat (23,5 %)", page.QuerySelector("dl.facts")!.TextContent);
        var hemtjanst = page.QuerySelectorAll("#enhet-rubrik ~ div tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Hemtjänst Centrum");
        Assert.Equal(["3", "4", "2", "50,0 %"], hemtjanst.QuerySelectorAll("td").Select(td => td.TextContent));
        // The chart says in words what it draws.
        Assert.Equal("Staplar i nomineringar: Hemtjänst Centrum 3; Socialförvaltningen 1.", page.QuerySelector("#diagram-enhet-d")!.TextContent);
    }
}
