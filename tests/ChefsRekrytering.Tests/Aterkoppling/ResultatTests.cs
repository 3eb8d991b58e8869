using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using static ChefsRekrytering.Tests.Aterkoppling.AterkopplingData;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>A chef's result shows only when at least five (the default threshold) have answered; then per requirement
/// beside the chef's own self-assessment, with the free texts in alphabetical order. HR reads the förvaltning's aggregate.</summary>
public class ResultatTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task FyraSvarArForFaMenFemVisarResultatetForChefenOchForvaltningenForHr()
    {
        var logins = await MedarbetareAsync(portal, 5);
        (await OppnaAsync(portal)).AssertRedirect();
        await data.SjalvskattningAsync("chef");
        var karin = await data.PersonIdAsync("chef");
        var texter = new[] { "Ger tydliga besked.", null, "Alltid lyhörd.", null, null };
        for (var i = 0; i < 4; i++)
            (await (await PortalClient.For(portal).SignInAsync("kalix", logins[i])).SvaraAsync(portal, karin, Betyg.Val, texter[i])).AssertRedirect("/aterkoppling");

        var chef = await data.InloggadAsync("chef");
        var hr = await data.InloggadAsync("hr");
        Assert.Contains("För få svar (4 av minst 5) — resultatet visas inte för att skydda de svarandes anonymitet.", await chef.TextAsync("/aterkoppling/resultat"));
        Assert.DoesNotContain("Ger tydliga besked", await chef.TextAsync("/aterkoppling/resultat"));
        var forFa = await hr.TextAsync("/aterkoppling/oversikt");
        Assert.Contains("Ingen förvaltning har ännu minst 5 svar.", forFa);
        Assert.Contains("Ingen chef har ännu minst 5 svar.", forFa);
        // HR opens a chef's result only above the threshold too.
        Assert.Contains("För få svar (4 av minst 5)", await hr.TextAsync($"/aterkoppling/resultat?chef={karin}&ar={Ar}"));

        (await (await PortalClient.For(portal).SignInAsync("kalix", logins[4])).SvaraAsync(portal, karin, Betyg.Foredome)).AssertRedirect("/aterkoppling");

        var sida = await chef.PageAsync("/aterkoppling/resultat");
        var text = sida.QuerySelector("main")!.TextContent;
        Assert.Contains("5 medarbetare har svarat", text);
        Assert.DoesNotContain("För få svar", text);
        // Four answered Väl (3), one Föredöme (4): the mean 3.2, beside Karin's own (not yet rated) self-assessment.
        var rad = sida.QuerySelector("table tbody tr")!;
        Assert.Equal(["5", "3,2", "0", "0", "4", "1", "–"], rad.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal(["Alltid lyhörd.", "Ger tydliga besked."], sida.QuerySelectorAll("ul.kommentarer li").Select(li => li.TextContent.Trim()).ToArray());

        var oversikt = await hr.PageAsync("/aterkoppling/oversikt");
        Assert.Contains("Socialförvaltningen: 5 svar", oversikt.QuerySelectorAll("caption").Select(c => c.TextContent));
        Assert.Contains("Karin Öberg", oversikt.QuerySelector("#chefer-rubrik")!.ParentElement!.TextContent);
        Assert.Contains("5 medarbetare har svarat", await hr.TextAsync($"/aterkoppling/resultat?chef={karin}&ar={Ar}"));
    }
}
