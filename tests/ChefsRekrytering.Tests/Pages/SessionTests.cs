using System.Net;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// A change of rights takes effect on the next request: the session lives on the server, and signing out, a changed
/// role, "has left" or a new password ends it there, whatever the browser still holds.
/// </summary>
public class SessionTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task BorttagenRollGallerRedanVidNastaBegaran()
    {
        var chef = await PortalClient.For(portal).SignInAsync("vindeln", "kommunchef");
        Assert.Equal(HttpStatusCode.OK, (await chef.GetAsync("/rekrytering/ny")).StatusCode);
        await using (var scope = portal.ScopeFor("vindeln", out _))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(DemoSeeder.LoginFor("vindeln", "kommunchef")))!;
            Assert.True((await users.RemoveFromRoleAsync(user, Roller.RekryterandeChef)).Succeeded);
            await users.UpdateSecurityStampAsync(user); // what the role page does after every change
        }

        AssertSignedOut(await chef.GetAsync("/rekrytering/ny"));
        // Signing in again gives the new rights: the page is now refused, not just the session.
        var igen = await PortalClient.For(portal).SignInAsync("vindeln", "kommunchef");
        Assert.StartsWith("/konto/atkomst-nekad", (await igen.GetAsync("/rekrytering/ny")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task UtloggningAvslutarSessionenPaServernAvenForEnSparadKaka()
    {
        var client = PortalClient.For(portal);
        var signIn = await client.PostFormAsync("/konto/logga-in", new()
        {
            ["Input.Epost"] = DemoSeeder.LoginFor("kalix", "medarbetare"), ["Input.Losenord"] = DemoSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("chefsrekrytering=")).Split(';')[0];
        Assert.True(cookie.Length < 600, $"kakan bär bara nyckeln till sessionen, inte personens uppgifter ({cookie.Length} tecken)");

        var copy = Copy(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/arets-chef")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/konto/logga-ut", new(), formPage: "/")).StatusCode);

        AssertSignedOut(await copy.GetAsync("/arets-chef"));
    }

    [Fact]
    public async Task HarSlutatAvslutarPersonensOppnaSessionDirekt()
    {
        var robert = await PortalClient.For(portal).SignInAsync("alvsbyn", "jury");
        Assert.Equal(HttpStatusCode.OK, (await robert.GetAsync("/arets-chef")).StatusCode);

        var admin = await PortalClient.For(portal).SignInAsync("alvsbyn", "admin");
        var org = await admin.PageAsync("/admin/organisation");
        var id = org.QuerySelector("select[name='Avslut.PersonId']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains("Robert Stenberg")).GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/organisation?handler=Avslut", new() { ["Avslut.PersonId"] = id })).StatusCode);

        AssertSignedOut(await robert.GetAsync("/arets-chef"));
    }

    [Fact]
    public async Task InaktivSessionGarUtEfterEnHalvtimme()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = new PortalFactory().WithClock(clock);
        var client = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/arets-chef")).StatusCode); // renews the idle timeout
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/arets-chef")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        AssertSignedOut(await client.GetAsync("/arets-chef"));
    }

    [Fact]
    public async Task AktivSessionGarUtAttaTimmarEfterInloggningen()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = new PortalFactory().WithClock(clock);
        var client = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        for (var passed = TimeSpan.Zero; passed < TimeSpan.FromHours(7.5); passed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rapporter")).StatusCode);
        }
        // 7 h 40 min now, and the idle timeout renewed then: 25 minutes later only the eight hours have run out.
        clock.Advance(TimeSpan.FromMinutes(25));
        AssertSignedOut(await client.GetAsync("/rapporter"));
    }

    private HttpClient Copy(string cookie)
    {
        var http = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }
}
