using System.Net;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Tests.Pages;

public class SakerhetTests
{
    [Fact]
    public async Task ForManganInloggningsforsokStoppasMedSvensktBesked()
    {
        await using var portal = new PortalFactory().With("Security:InloggningarPerMinut", "3");
        var client = PortalClient.For(portal);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "x@kalix.example", ["Input.Losenord"] = "fel-losenord-1" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429, (HttpStatusCode)429], statuses);
        var limited = await client.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "x@kalix.example", ["Input.Losenord"] = "x" });
        Assert.Contains("För många försök", await limited.Content.ReadAsStringAsync());
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        // Reading the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/konto/logga-in")).StatusCode);
    }

    [Fact]
    public async Task KakorArSakraIProduktion()
    {
        await using var portal = new PortalFactory().With("Security:SecureCookies", "true");
        // The server's own client: no cookie handling in between, so the Set-Cookie headers are there to read.
        var client = portal.Server.CreateClient();
        client.BaseAddress = new Uri("https://localhost/"); // in production the portal is reached over HTTPS
        var response = await client.GetAsync("/konto/logga-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("samesite", c, StringComparison.OrdinalIgnoreCase));
        // __Host-: kept by the browser only as Secure, for this host alone and the whole site, so no other site of the
        // municipality's domain can plant or overwrite them.
        Assert.All(cookies, c => Assert.StartsWith("__Host-chefsrekrytering", c));
        Assert.All(cookies, c => Assert.Contains("path=/;", c + ";", StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase));

        // And one can sign in with them, over HTTPS.
        var https = PortalClient.For(portal);
        https.Http.BaseAddress = new Uri("https://chefsportal.example/");
        await https.SignInAsync("kalix", "hr");
        Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/registerutdrag")).StatusCode);
    }

    [Fact]
    public async Task HttpsKravsIEttArOchServernNamnerInteSigSjalv()
    {
        await using var portal = new PortalFactory();
        var client = portal.CreateClient(new() { BaseAddress = new Uri("https://chefsportal.example/") });
        var response = await client.GetAsync("/");
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task AnsokningarBegransasPerTimmeOchRetryAfterSagerTimmen()
    {
        await using var portal = new PortalFactory().With("Security:AnsokningarPerTimme", "1");
        int rekId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            rekId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Set<ChefsRekrytering.Rekryteringar.Kandidat>().Select(k => k.RekryteringId));
        var client = PortalClient.For(portal);
        await client.PostFormAsync($"/jobb/{rekId}", new() { ["Input.Fornamn"] = "A" });
        var limited = await client.PostFormAsync($"/jobb/{rekId}", new() { ["Input.Fornamn"] = "B" });
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("3600", limited.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task XForwardedForGallerBaraFranDenKonfigureradeProxyn()
    {
        await using var portal = new PortalFactory()
            .With("Security:InloggningarPerMinut", "2").With("Security:ForwardedHeaders", "true").With("Security:ProxyNetworks:0", "10.40.0.0/23")
            .WithServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>());
        async Task<HttpStatusCode> SignInAsync(string from, string forwardedFor)
        {
            var client = PortalClient.For(portal);
            client.Http.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, from);
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return (await client.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "x@kalix.example", ["Input.Losenord"] = "fel-losenord-1" })).StatusCode;
        }

        // Through the proxy, each client is itself: three different people are three partitions.
        foreach (var person in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
            Assert.Equal(HttpStatusCode.OK, await SignInAsync("10.40.0.9", person));
        // Straight at the app, a made-up header changes nothing: the third attempt from that address is limited.
        var direct = new List<HttpStatusCode>();
        foreach (var invented in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
            direct.Add(await SignInAsync("192.0.2.50", invented));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], direct);
    }

    [Fact]
    public async Task IngaPersonuppgifterILoggenUnderEnArbetsdag()
    {
        var logs = new ChefsRekrytering.Tests.Jobb.CapturedLogs();
        await using var portal = new PortalFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft", "Trace");
        portal.WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        foreach (var (kommun, login, pages) in new[]
                 {
                     ("kalix", "hr", new[] { "/", "/rekrytering", "/introduktion", "/avveckling", "/ledarakademin", "/admin/epost" }),
                     ("kalix", "rekryterande", new[] { "/", "/rekrytering" }),
                     ("kalix", "admin", new[] { "/admin/anvandare", "/admin/organisation" }),
                 })
        {
            var client = await PortalClient.For(portal).SignInAsync(kommun, login);
            foreach (var page in pages) await client.GetAsync(page);
            await client.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "karin.fel@kalix.example", ["Input.Losenord"] = "fel-losenord-1" });
        }
        var text = string.Join("\n", logs.Messages);
        Assert.NotEmpty(text);
        foreach (var personal in new[] { "@kalix.example", "Karin Öberg", "Lena Forsberg", "Anders Nilsson", "Maja Lindholm", "karin.fel", "Demo-2026-chef" })
            Assert.DoesNotContain(personal, text);
    }
}
