using System.Net;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Pages;

public class KontoOchBehorighetTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task StartsidanArPaSvenskaForAnonyma()
    {
        var page = await PortalClient.For(portal).PageAsync("/");
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Välkommen till ChefsRekrytering", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AnonymFarLoggaInForAdministration()
    {
        var response = await PortalClient.For(portal).GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task FelLosenordGerSvensktFelmeddelande()
    {
        var client = PortalClient.For(portal);
        var response = await client.PostFormAsync("/konto/logga-in", new()
        {
            ["Input.Epost"] = "medarbetare@kalix.example",
            ["Input.Losenord"] = "fel-losenord-123",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fel e-postadress eller lösenord.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TommaFaltGerSvenskaFelmeddelanden()
    {
        var response = await PortalClient.For(portal).PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "", ["Input.Losenord"] = "" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Fyll i e-postadress.", html);
        Assert.Contains("Fyll i lösenord.", html);
    }

    [Fact]
    public async Task InloggadMedarbetareSerSinEnhetOchSinChef()
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var page = await client.PageAsync("/");
        Assert.Contains("Hej Emma Johansson", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Kommunledningen › Socialförvaltningen › Hemtjänst Centrum", page.Body!.TextContent);
        Assert.Contains("Karin Öberg", page.Body!.TextContent);
        Assert.Contains("Kalix kommun", page.QuerySelector(".brand-kommun")!.TextContent);
    }

    [Fact]
    public async Task EnhetschefensChefArForvaltningschefen()
    {
        var page = await (await PortalClient.For(portal).SignInAsync("alvsbyn", "chef")).PageAsync("/");
        Assert.Contains("Helena Lundström", page.Body!.TextContent);
        Assert.Contains("Hemtjänsten Vidsel", page.Body!.TextContent);
    }

    [Fact]
    public async Task MedarbetareNekasAdministration()
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/atkomst-nekad", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain(">Administration<", await (await client.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FormularUtanAntiforgeryTokenAvvisas()
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var response = await client.PostFormAsync("/admin/organisation?handler=Enhet", new() { ["NyEnhet.Namn"] = "Smygenhet" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Felaktig begäran", await response.Content.ReadAsStringAsync()); // the error page, not a blank one
        Assert.DoesNotContain("Smygenhet", await (await client.GetAsync("/admin/organisation")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UtloggningKraverPostOchLoggarUt()
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var response = await client.PostFormAsync("/konto/logga-ut", new(), formPage: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.PageAsync("/");
        Assert.Contains("Välkommen", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task OkandSidaGerSvenskt404()
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var response = await client.GetAsync("/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sidan finns inte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SakerhetshuvudenSkickas()
    {
        var response = await PortalClient.For(portal).GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
