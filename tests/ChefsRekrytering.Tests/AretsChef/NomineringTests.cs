using System.Net;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>Who may nominate whom, and that a person has one nomination a year, whatever they submit. Each test has a
/// municipality of its own, since a nomination goes to the open campaign of the nominator's municipality.</summary>
public class NomineringTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task MedarbetareNominerarEnChefOchFarEnBekraftelseUtanDenNomineradesNamn()
    {
        await data.KampanjAsync(2031);
        var karin = await data.PersonIdAsync("chef");
        var emma = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");

        var form = await emma.PageAsync("/arets-chef");
        Assert.Contains(form.QuerySelectorAll("#nominerad option"), o => o.TextContent == "Karin Öberg, Hemtjänst Centrum");
        // The policy's words and its values, each value optional.
        Assert.Equal(["Goda arbetsinsatser och resultat", "Ett positivt och tryggt arbetsklimat", "Tydlighet (valfri)"],
            form.QuerySelectorAll("form.stack label[for^=motivering-]").Take(3).Select(l => l.ChildNodes[0].TextContent));

        (await emma.NomineraAsync(karin, "Karin lyfter hela gruppen.", ("varde-dialog", "Alltid öppen dörr."))).AssertRedirect("/arets-chef");

        var n = Assert.Single(await portal.NomineringarAsync("kalix", 2031));
        Assert.Equal((await data.PersonIdAsync("medarbetare"), karin, "Karin lyfter hela gruppen."), (n.NominatorPersonId, n.ChefPersonId, n.Motiveringar[0].Text));
        Assert.Equal(["resultat", "arbetsklimat", "varde-dialog"], n.Motiveringar.Select(m => m.KriteriumId));
        Assert.Contains("Du har nominerat Karin Öberg", (await emma.PageAsync("/arets-chef")).QuerySelector("main")!.TextContent);

        await using var scope = portal.ScopeFor("kalix", out var db);
        var mail = await db.Set<OutboxMessage>().SingleAsync(m => m.Topic == "AretsChef:2031:Nominering");
        Assert.Equal("medarbetare@kalix.example", mail.ToAddress);
        Assert.Contains("Inte heller juryn ser ditt namn", mail.TextBody);
        Assert.DoesNotContain("Karin", mail.TextBody + mail.HtmlBody);
    }

    [Fact]
    public async Task SigSjalvEnIckeChefOchEnAnnanKommunsChefGarInteAttNominera()
    {
        await data.I("ljusnarsberg").KampanjAsync(2032);
        var ulrika = await PortalClient.For(portal).SignInAsync("ljusnarsberg", "kommunchef");
        var refusals = new[]
        {
            (await data.I("ljusnarsberg").PersonIdAsync("kommunchef"), "Du kan inte nominera dig själv."),
            (await data.I("ljusnarsberg").PersonIdAsync("medarbetare"), "leder ingen enhet i kommunen"),
            (await data.I("alvsbyn").IdForNamnAsync("Åström"), "leder ingen enhet i kommunen"),
        };
        foreach (var (chefId, reason) in refusals)
        {
            var response = await ulrika.NomineraAsync(chefId);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(reason, await response.ErrorsAsync());
        }
        Assert.Empty(await portal.NomineringarAsync("ljusnarsberg", 2032));
    }

    [Fact]
    public async Task EnObligatoriskMotiveringSomSaknasStoppasMedKriterietsNamn()
    {
        await data.I("vimmerby").KampanjAsync(2033);
        var olof = await PortalClient.For(portal).SignInAsync("vimmerby", "medarbetare");
        var response = await olof.PostFormAsync("/arets-chef", new Dictionary<string, string>
        {
            ["Nominering.ChefPersonId"] = (await data.I("vimmerby").PersonIdAsync("kommunchef")).ToString(),
            ["Nominering.Motiveringar[resultat]"] = "Bra.",
        });
        Assert.Equal("Skriv en motivering för ”Ett positivt och tryggt arbetsklimat”.", (await response.ErrorsAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Last());
        Assert.Empty(await portal.NomineringarAsync("vimmerby", 2033));
    }

    [Fact]
    public async Task NomineringenKanAndrasTillsDenStangerOchInteSedan()
    {
        await data.I("alvsbyn").KampanjAsync(2034);
        var (fredrik, helena) = (await data.I("alvsbyn").IdForNamnAsync("Åström"), await data.I("alvsbyn").IdForNamnAsync("Lundström"));
        var ida = await PortalClient.For(portal).SignInAsync("alvsbyn", "medarbetare");
        (await ida.NomineraAsync(fredrik, "Först.")).AssertRedirect();
        (await ida.NomineraAsync(helena, "Jag ändrade mig.")).AssertRedirect();
        var n = Assert.Single(await portal.NomineringarAsync("alvsbyn", 2034));
        Assert.Equal((helena, "Jag ändrade mig."), (n.ChefPersonId, n.Motiveringar[0].Text));

        await data.I("alvsbyn").KampanjlageAsync(2034, KampanjTillstand.NomineringStangd);
        var late = await ida.PostFormAsync("/arets-chef", AretsChefData.Falt(fredrik, "För sent.").ToDictionary(), formPage: "/");
        // Which of the two depends on whether the open campaign is still remembered (a few seconds); both refuse.
        var fel = await late.ErrorsAsync();
        Assert.True(fel.Contains("Nomineringen är inte öppen.") || fel.Contains("Nomineringen har stängt."), fel);
        Assert.Equal(n.AndradUtc, Assert.Single(await portal.NomineringarAsync("alvsbyn", 2034)).AndradUtc);
        // After the close the nominator still reads their own nomination.
        Assert.Contains("Jag ändrade mig.", (await ida.PageAsync("/arets-chef")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task DubbeltInskickSamtidigtGerEnRad()
    {
        await data.I("vindeln").KampanjAsync(2035);
        var chef = await data.I("vindeln").PersonIdAsync("kommunchef");
        var med = await PortalClient.For(portal).SignInAsync("vindeln", "medarbetare");
        await med.GetAsync("/arets-chef"); // the token, as the open form has it; both clicks post the same form
        var token = System.Text.RegularExpressions.Regex.Match(await (await med.Http.GetAsync("/arets-chef")).Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posts = Enumerable.Range(0, 6).Select(i => med.Http.PostAsync("/arets-chef", new FormUrlEncodedContent(
            AretsChefData.Falt(chef, $"Klick {i}.").Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token))))));
        Assert.All(await Task.WhenAll(posts), r => r.AssertRedirect());
        Assert.Single(await portal.NomineringarAsync("vindeln", 2035));
    }
}

/// <summary>The open campaign is remembered a few seconds; a close and the next year's opening are still never missed.</summary>
public class NomineringKampanjbyteTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task NarKampanjenStangerOchNastaOppnarGarNomineringenTillDenNya()
    {
        await data.I("vindeln").KampanjAsync(2036);
        var chef = await data.I("vindeln").PersonIdAsync("kommunchef");
        var med = await PortalClient.For(portal).SignInAsync("vindeln", "medarbetare");
        (await med.NomineraAsync(chef, "I år.")).AssertRedirect(); // the open campaign is now remembered

        await data.I("vindeln").KampanjlageAsync(2036, KampanjTillstand.NomineringStangd);
        var late = await med.PostFormAsync("/arets-chef", AretsChefData.Falt(chef, "För sent.").ToDictionary(), formPage: "/");
        // Refused by the write itself while the campaign is still remembered as open, by the lookup after that.
        var fel = await late.ErrorsAsync();
        Assert.True(fel.Contains("Nomineringen har stängt.") || fel.Contains("Nomineringen är inte öppen."), fel);

        await data.I("vindeln").KampanjAsync(2037);
        (await med.NomineraAsync(chef, "Nästa år.")).AssertRedirect();
        Assert.Equal("I år.", Assert.Single(await portal.NomineringarAsync("vindeln", 2036)).Motiveringar[0].Text);
        Assert.Equal("Nästa år.", Assert.Single(await portal.NomineringarAsync("vindeln", 2037)).Motiveringar[0].Text);
    }
}
