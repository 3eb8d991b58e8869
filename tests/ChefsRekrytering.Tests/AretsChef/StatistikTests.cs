using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.AretsChef;

public class StatistikTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task HrSerNomineringarPerEnhetOchNomineradOchDeltagandet()
    {
        await data.KampanjAsync(2031);
        var (karin, anders) = (await data.PersonIdAsync("chef"), await data.PersonIdAsync("rekryterande"));
        // Emma and Oskar of Hemtjänst Centrum and the kommunchef nominate Karin; Lena of Arbetsgivarenheten nominates Anders.
        foreach (var (login, chef) in new[] { ("medarbetare", karin), ("jury", karin), ("kommunchef", karin), ("hr", anders) })
            (await (await PortalClient.For(portal).SignInAsync("kalix", login)).NomineraAsync(chef)).AssertRedirect();

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            // With groups of at least 3: the two units of four are shown, the six smaller ones (9 employees) together.
            var s = await db.StatistikAsync(await portal.KampanjenAsync("kalix", 2031), minstaGrupp: 3);
            Assert.Equal((4, 4, 17), (s.Nomineringar, s.Nominatorer, s.Anstallda));
            Assert.Equal([new NomineradRad("Karin Öberg", "Hemtjänst Centrum", 3), new NomineradRad("Anders Nilsson", "Socialförvaltningen", 1)], s.PerNominerad);
            Assert.Equal([
                new EnhetsRad("Centrumskolan", 4, 0, 0), new EnhetsRad("Hemtjänst Centrum", 4, 2, 3), new EnhetsRad("Övriga enheter (6 st)", 9, 2, 1, 6),
            ], s.PerEnhet);
        }

        // The page keeps to the default, five: every Kalix demo unit is smaller, so none is shown alone.
        var page = await (await PortalClient.For(portal).SignInAsync("kalix", "hr")).PageAsync("/arets-chef/2031/statistik");
        Assert.Contains("4 av 17 anställda har nominerat (23,5 %)", page.QuerySelector("dl.facts")!.TextContent);
        var rows = page.QuerySelectorAll("#enhet-rubrik ~ div tbody tr");
        Assert.Equal(["Övriga enheter (8 st)"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal(["4", "17", "4", "23,5 %"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.DoesNotContain("Hemtjänst Centrum", page.QuerySelector("#enhet-rubrik")!.ParentElement!.TextContent);
        // The chart says in words what it draws.
        Assert.Equal("Staplar i nomineringar: Övriga enheter (8 st) 4.", page.QuerySelector("#diagram-enhet-d")!.TextContent);
    }

    [Fact]
    public void SmaEnheterVisasTillsammansOchEnForLitenGruppFarSallskap()
    {
        static EnhetsRad Rad(string namn, int anstallda, int nominatorer) => new(namn, anstallda, nominatorer, 0);

        // Two small units (2 + 4 = 6 employees) are shown as one row; the others as themselves.
        var skyddade = AretsChefStatistik.Skydda([Rad("A", 6, 1), Rad("B", 7, 2), Rad("C", 2, 1), Rad("D", 4, 1)], 5);
        Assert.Equal([("A", 6, (int?)1), ("B", 7, 2), ("Övriga enheter (2 st)", 6, 2)], skyddade.Select(r => (r.Enhet, r.Anstallda, r.Nominatorer)));

        // 3 + 1 = 4 is still too few, and the total minus the unit of 12 would give them away: it joins them.
        skyddade = AretsChefStatistik.Skydda([Rad("A", 12, 7), Rad("B", 3, 1), Rad("C", 1, 1)], 5);
        Assert.Equal([("Övriga enheter (3 st)", 16, (int?)9)], skyddade.Select(r => (r.Enhet, r.Anstallda, r.Nominatorer)));

        // Too few in the whole municipality: no count of nominators at all.
        Assert.Null(AretsChefStatistik.Skydda([Rad("A", 3, 1)], 5).Single().Nominatorer);
    }
}
