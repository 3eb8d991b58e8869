using System.Net;
using System.Text.RegularExpressions;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Tests.Konto;

/// <summary>The portal with the municipalities' own providers (<see cref="TestOidc"/>).</summary>
public sealed class OidcPortal : PortalFactory
{
    public OidcPortal() => this.MedOidc();
}

/// <summary>Signing in through the municipality's own provider, over HTTP: the portal's pages, the provider's own sign-in form.</summary>
public partial class OidcInloggningTests(OidcPortal portal) : IClassFixture<OidcPortal>
{

    [Fact]
    public async Task EnAnstalldLoggarInViaKommunensLeverantorOchKopplasPaAnstallningsnumret()
    {
        var emma = await MedAnstallningsnummerAsync("kalix", "medarbetare", "K-1003");
        var client = PortalClient.For(portal);
        var svar = await LoggaInAsync(client, "kalix", "emma");
        Assert.Equal("/", svar.Headers.Location!.OriginalString);
        Assert.Contains("Emma", (await client.PageAsync("/")).QuerySelector("header")!.TextContent);

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var login = await db.UserLogins.SingleAsync(l => l.LoginProvider == "oidc-kalix" && l.ProviderKey == "emma");
            Assert.Equal(emma, (await db.Users.SingleAsync(u => u.Id == login.UserId)).PersonId);
        }
        // Again, from another browser: the subject is known now, and it is the same account.
        var igen = PortalClient.For(portal);
        Assert.Equal("/", (await LoggaInAsync(igen, "kalix", "emma")).Headers.Location!.OriginalString);
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.Equal(1, await db.UserLogins.CountAsync(l => l.ProviderKey == "emma"));
    }

    [Fact]
    public async Task NagonPortalenInteKannerFarVetaDetPaSvenskaOchIngetKonto()
    {
        var fore = await AntalKontonAsync();
        var client = PortalClient.For(portal);
        var svar = await LoggaInAsync(client, "kalix", "okand-konsult");
        Assert.Equal("/konto/logga-in?fel=okand", svar.Headers.Location!.OriginalString);
        Assert.Contains("Du är inte känd i portalen", (await client.PageAsync("/konto/logga-in?fel=okand")).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/mina-uppgifter")).StatusCode); // still signed out
        Assert.Equal(fore, await AntalKontonAsync());
    }

    [Fact]
    public async Task KommunenKommerFranLeverantorenInteFranNagotPersonenSkriver()
    {
        // Kalix's employee number means nothing to Älvsbyn's provider's portal side: it looks only in Älvsbyn.
        await MedAnstallningsnummerAsync("kalix", "medarbetare", "K-1003");
        var client = PortalClient.For(portal);
        Assert.Equal("/konto/logga-in?fel=okand", (await LoggaInAsync(client, "alvsbyn", "emma")).Headers.Location!.OriginalString);

        // Älvsbyn's provider's answer (its code and iss), brought to Kalix's sign-in instead: refused, nobody signed in.
        var fore = await AntalKontonAsync();
        var annan = PortalClient.For(portal);
        await StartaAsync(annan, "kalix");
        var franAlvsbyn = await HosLeverantorenAsync((await StartaAsync(annan, "alvsbyn")).ToString(), "emma");
        var tillbaka = await annan.GetAsync(franAlvsbyn.Replace("/signin-oidc/alvsbyn", "/signin-oidc/kalix"));
        Assert.Equal("/konto/logga-in?fel=misslyckad", tillbaka.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await annan.GetAsync("/mina-uppgifter")).StatusCode);
        Assert.Equal(fore, await AntalKontonAsync());
    }

    [Fact]
    public async Task RollerKommerFranLeverantorensGrupperGenomKommunensMappning()
    {
        var person = await MedAnstallningsnummerAsync("kalix", "chef", "K-1002");
        string userId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            userId = await db.Users.Where(u => u.PersonId == person).Select(u => u.Id).SingleAsync();
        Assert.DoesNotContain(Roller.HR, await RollerAsync(userId));

        var client = PortalClient.For(portal);
        Assert.Equal("/", (await LoggaInAsync(client, "kalix", "lena")).Headers.Location!.OriginalString);
        var roller = await RollerAsync(userId);
        Assert.Contains(Roller.HR, roller);
        Assert.Contains(Roller.Chef, roller); // a role the mapping does not name stays Admin's
    }

    private async Task<int> MedAnstallningsnummerAsync(string kommun, string login, string nummer)
    {
        var id = await new Testdata(portal, kommun).PersonIdAsync(login);
        await using var scope = portal.ScopeFor(kommun, out var db);
        await db.Personer.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Anstallningsnummer, nummer));
        return id;
    }

    private async Task<int> AntalKontonAsync()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Users.IgnoreQueryFilters().CountAsync();
    }

    private async Task<IList<string>> RollerAsync(string userId)
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }

    /// <summary>The whole round: the portal's button, the provider's sign-in form, the portal's callback.</summary>
    private static async Task<HttpResponseMessage> LoggaInAsync(PortalClient client, string kommun, string login) =>
        await client.GetAsync(await HosLeverantorenAsync((await StartaAsync(client, kommun)).ToString(), login));

    private static async Task<Uri> StartaAsync(PortalClient client, string kommun)
    {
        var svar = await client.PostFormAsync("/konto/logga-in?handler=Extern", new() { ["kommun"] = kommun }, formPage: "/konto/logga-in");
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        // The request itself (with its PKCE challenge) was pushed to the provider first (PAR); the browser carries its reference.
        var till = svar.Headers.Location!;
        Assert.StartsWith(TestOidc.Leverantor(kommun), till.ToString());
        return till;
    }

    /// <summary>A person at the provider: follows its redirects, fills in its sign-in form, and returns the portal path it sends back to.</summary>
    private static async Task<string> HosLeverantorenAsync(string url, string login)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() });
        var adress = new Uri(url);
        for (var steg = 0; steg < 10; steg++)
        {
            var svar = await http.GetAsync(adress);
            if (svar.Headers.Location is null)
            {
                var html = await svar.Content.ReadAsStringAsync();
                var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
                svar = await http.PostAsync(new Uri(adress, action), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["prompt"] = "login", ["login"] = login, ["password"] = "vad-som-helst",
                }));
            }
            adress = new Uri(adress, svar.Headers.Location ?? throw new InvalidOperationException($"Leverantören svarade {(int)svar.StatusCode} utan att skicka vidare."));
            if (adress.AbsolutePath.StartsWith("/signin-oidc/", StringComparison.Ordinal)) return adress.PathAndQuery;
        }
        throw new InvalidOperationException("Leverantören skickade aldrig tillbaka till portalen.");
    }

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
