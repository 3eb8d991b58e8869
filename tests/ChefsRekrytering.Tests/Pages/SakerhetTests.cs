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
