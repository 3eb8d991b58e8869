using System.Net;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>From the closed nomination to the announcement: the jury's shortlist, scores and decision, HR's publication.</summary>
public class JuryTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private const string Jury = "/arets-chef/2031/jury";

    [Fact]
    public async Task JurynBeslutarOchHrTillkannagerForAllaIKommunen()
    {
        await data.KampanjAsync(2031, offentlig: true);
        var (karin, anders) = (await data.PersonIdAsync("chef"), await data.PersonIdAsync("rekryterande"));
        foreach (var (login, chef) in new[] { ("medarbetare", karin), ("jury", karin), ("hr", anders) })
            (await (await PortalClient.For(portal).SignInAsync("kalix", login)).NomineraAsync(chef)).AssertRedirect();

        // Anyone may ask to hear who wins, nominee or not, and change their mind while the jury is at work.
        var (emmaFragar, andersFragar) = (await PortalClient.For(portal).SignInAsync("kalix", "medarbetare"), await PortalClient.For(portal).SignInAsync("kalix", "rekryterande"));
        foreach (var fragar in new[] { emmaFragar, andersFragar })
            (await fragar.PostFormAsync("/arets-chef?handler=Bevaka", new() { ["pa"] = "true" }, formPage: "/arets-chef")).AssertRedirect();
        Assert.Contains("Du får ett mejl när juryn har utsett Årets chef 2031", (await emmaFragar.PageAsync("/arets-chef")).QuerySelector("main")!.TextContent);

        var oskar = await PortalClient.For(portal).SignInAsync("kalix", "jury");
        Assert.Contains("Juryn läser nomineringarna när den har stängt", (await oskar.PageAsync(Jury)).QuerySelector("main")!.TextContent);
        await data.KampanjlageAsync(2031, KampanjTillstand.NomineringStangd);

        (await oskar.SubmitAsync(Jury, "Fire", ("trigger", "StartaJuryarbete"))).AssertRedirect(Jury);
        (await andersFragar.PostFormAsync("/arets-chef?handler=Bevaka", new() { ["pa"] = "false" }, formPage: "/arets-chef")).AssertRedirect();
        Assert.Contains("Mejla mig när Årets chef är utsedd", (await andersFragar.PageAsync("/arets-chef")).QuerySelector("main")!.TextContent);
        var page = await oskar.PageAsync(Jury);
        Assert.Equal(["Karin Öberg", "Anders Nilsson"], page.QuerySelectorAll("article.nominerad h3").Select(h => h.ChildNodes[0].TextContent.Trim()));
        Assert.Equal("Juryarbete", page.QuerySelector("dl.facts dd strong")!.TextContent);

        // A winner must be on the shortlist and have a motivation.
        (await oskar.SubmitAsync(Jury, "Kortlista", ("chefId", karin.ToString()), ("pa", "true"))).AssertRedirect();
        Assert.Contains("Juryns motivering saknas", await (await oskar.SubmitAsync(Jury, "Besluta", ("vinnare", karin.ToString()), ("motivering", " "))).ErrorsAsync());
        Assert.Contains("Vinnaren ska finnas på juryns kortlista",
            await (await oskar.SubmitAsync(Jury, "Besluta", ("vinnare", anders.ToString()), ("motivering", "Bra."))).ErrorsAsync());

        // Each juror scores for themselves, side by side: no version to go stale.
        var lena = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        (await oskar.PostFormAsync($"{Jury}?handler=Bedom&chefId={karin}", new() { ["poang"] = "5", ["anteckning"] = "Tydligast motiverad." }, formPage: Jury)).AssertRedirect();
        (await lena.PostFormAsync($"{Jury}?handler=Bedom&chefId={karin}", new() { ["poang"] = "4" }, formPage: Jury)).AssertRedirect();
        Assert.Contains("från 1 till 5", await (await oskar.PostFormAsync($"{Jury}?handler=Bedom&chefId={karin}", new() { ["poang"] = "6" }, formPage: Jury)).ErrorsAsync());
        Assert.Contains("snitt 4,5 av 5 från 2 i juryn", (await oskar.PageAsync(Jury)).QuerySelector("article.kortlistad")!.TextContent);

        (await oskar.SubmitAsync(Jury, "Besluta", ("vinnare", karin.ToString()), ("motivering", "Karin bygger ett tryggt arbetsklimat\noch når sina mål."))).AssertRedirect(Jury);
        var k = await portal.KampanjenAsync("kalix", 2031);
        Assert.Equal((KampanjTillstand.Beslutad, "Karin Öberg", "Hemtjänst Centrum", "Oskar Marklund"), (k.State, k.VinnareNamn, k.VinnareEnhet, k.BeslutadAv));

        // Before the announcement the year does not exist for employees; HR sees a preview with the button.
        var emma = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        Assert.Equal(HttpStatusCode.NotFound, (await emma.GetAsync("/arets-chef/2031")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await oskar.GetAsync("/arets-chef/2031")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PortalClient.For(portal).GetAsync("/arets-chef/kalix/2031")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await emma.PostFormAsync("/arets-chef/2031?handler=Tillkannage", new() { ["Version"] = k.Version.ToString() }, formPage: "/")).StatusCode);
        (await lena.SubmitAsync("/arets-chef/2031", "Tillkannage")).AssertRedirect("/arets-chef/2031");

        foreach (var reader in new[] { emma, await PortalClient.For(portal).SignInAsync("kalix", "chef") })
        {
            var announcement = (await reader.PageAsync("/arets-chef/2031")).QuerySelector("main")!.TextContent;
            Assert.Contains("Karin Öberg", announcement);
            Assert.Contains("Karin bygger ett tryggt arbetsklimat", announcement);
        }
        Assert.Contains("Årets chef 2031: Karin Öberg", (await emma.PageAsync("/arets-chef")).QuerySelector("main")!.TextContent);
        Assert.Contains("och når sina mål", (await PortalClient.For(portal).PageAsync("/arets-chef/kalix/2031")).QuerySelector("main")!.TextContent);
        Assert.Equal(KampanjTillstand.Tillkannagiven, (await portal.KampanjenAsync("kalix", 2031)).State);

        // The winner hears it by mail the moment it is announced, and finds it again among her own mails.
        var karinsMejl = (await (await PortalClient.For(portal).SignInAsync("kalix", "chef")).PageAsync("/mina-uppgifter/mejl")).QuerySelector(".mejl-lista")!;
        Assert.Contains("Du är Årets chef 2031", karinsMejl.TextContent);
        Assert.Contains("och når sina mål", karinsMejl.TextContent);
        Assert.DoesNotContain("Du är Årets chef", (await emma.PageAsync("/mina-uppgifter/mejl")).QuerySelector("main")!.TextContent);

        // Those who asked are told who won; the one who withdrew the wish, and those who never asked, are not.
        var emmasMejl = (await emma.PageAsync("/mina-uppgifter/mejl")).QuerySelector("main")!.TextContent;
        Assert.Contains("Årets chef 2031 är utsedd", emmasMejl);
        Assert.Contains("Juryn har utsett Karin Öberg", emmasMejl);
        Assert.DoesNotContain("är utsedd", (await andersFragar.PageAsync("/mina-uppgifter/mejl")).QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("är utsedd", (await oskar.PageAsync("/mina-uppgifter/mejl")).QuerySelector("main")!.TextContent);
        // Once announced there is nothing left to ask for.
        Assert.DoesNotContain("Mejla mig när Årets chef är utsedd", (await emma.PageAsync("/arets-chef")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AndraKommunerMedarbetareOchAdminUtanHrFarInteGoraJurynsArbete()
    {
        await data.KampanjAsync(2032, KampanjTillstand.Juryarbete);
        const string jury = "/arets-chef/2032/jury";
        var emma = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var denied = await emma.GetAsync(jury);
        Assert.StartsWith("/konto/atkomst-nekad", denied.Headers.Location!.PathAndQuery);
        Assert.StartsWith("/konto/atkomst-nekad", (await emma.GetAsync("/arets-chef/2032/statistik")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/konto/atkomst-nekad", (await emma.GetAsync("/arets-chef/kampanjer")).Headers.Location!.PathAndQuery);

        // Another municipality's HR and jury: the year is not theirs.
        foreach (var login in new[] { "hr", "jury" })
        {
            var outsider = await PortalClient.For(portal).SignInAsync("alvsbyn", login);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(jury)).StatusCode);
            var post = await outsider.PostFormAsync($"{jury}?handler=Fire", new() { ["trigger"] = "Omprova", ["Version"] = Guid.Empty.ToString() }, formPage: "/");
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        var alvsbynHr = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        Assert.Equal(HttpStatusCode.NotFound, (await alvsbynHr.GetAsync("/arets-chef/2032/statistik")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alvsbynHr.PostFormAsync("/arets-chef/kampanjer?handler=Andra&ar=2032",
            new() { ["Version"] = Guid.Empty.ToString(), ["Andra.Offentlig"] = "true" }, formPage: "/arets-chef/kampanjer")).StatusCode);
        Assert.False((await portal.KampanjenAsync("kalix", 2032)).Offentlig);
    }

    [Fact]
    public async Task AdminKanTillkannageMenInteFattaBeslut()
    {
        await data.I("alvsbyn").KampanjAsync(2033);
        var fredrik = await data.I("alvsbyn").IdForNamnAsync("Åström");
        // One nomination, shortlisted and decided by the jury, as the pages above do it.
        (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "medarbetare")).NomineraAsync(fredrik)).AssertRedirect();
        await data.I("alvsbyn").KampanjlageAsync(2033, KampanjTillstand.Juryarbete);
        var robert = await PortalClient.For(portal).SignInAsync("alvsbyn", "jury");
        (await robert.SubmitAsync("/arets-chef/2033/jury", "Kortlista", ("chefId", fredrik.ToString()), ("pa", "true"))).AssertRedirect();
        var admin = await PortalClient.For(portal).SignInAsync("alvsbyn", "admin");
        Assert.StartsWith("/konto/atkomst-nekad", (await admin.GetAsync("/arets-chef/2033/jury")).Headers.Location!.PathAndQuery);
        (await robert.SubmitAsync("/arets-chef/2033/jury", "Besluta", ("vinnare", fredrik.ToString()), ("motivering", "Fredrik."))).AssertRedirect();
        (await admin.SubmitAsync("/arets-chef/2033", "Tillkannage")).AssertRedirect("/arets-chef/2033");
        Assert.Equal(KampanjTillstand.Tillkannagiven, (await portal.KampanjenAsync("alvsbyn", 2033)).State);
        // Not public unless HR chose it.
        Assert.Equal(HttpStatusCode.NotFound, (await PortalClient.For(portal).GetAsync("/arets-chef/alvsbyn/2033")).StatusCode);
    }
}
