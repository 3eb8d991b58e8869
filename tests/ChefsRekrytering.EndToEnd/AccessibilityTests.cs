using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Rekrytering;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// Every page the portal serves, opened in a real browser by a user allowed to see it, scanned by axe for
/// WCAG 2.1 AA. A new page without an entry here fails the test, so no page escapes the scan.
/// </summary>
public class AccessibilityTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private sealed record Visit(string? Kommun, string? Login, string[] Urls);

    /// <summary>
    /// Routes that answer with a file download, never HTML: nothing for axe to scan, and a browser navigating there
    /// starts a download instead of showing a page. Their access rules are tested in ChefsRekrytering.Tests (Documents/HamtaTests).
    /// </summary>
    private static readonly string[] FileRoutes = ["dokument/{id:int}"];

    private async Task<Dictionary<string, Visit>> VisitsAsync()
    {
        var adminId = await UserIdAsync("hr@alvsbyn.example");
        var mailId = await TestMailAsync("alvsbyn");
        var jobbId = await new RekryteringBuilder(browser.Portal).AnnonseradAsync();
        var token = await ApplicationAsync(jobbId);
        return new()
        {
            [""] = new(null, null, ["/"]),
            ["Index"] = new("kalix", "medarbetare", ["/"]),
            ["policy"] = new(null, null, ["/policy"]),
            ["policy/{kommun}"] = new("alvsbyn", "medarbetare", ["/policy/kalix", "/policy/alvsbyn", "/policy/ljusnarsberg", "/policy/vindeln", "/policy/vimmerby"]),
            ["konto/logga-in"] = new(null, null, ["/konto/logga-in"]),
            ["konto/logga-ut"] = new("kalix", "medarbetare", ["/konto/logga-ut"]),
            ["konto/atkomst-nekad"] = new("kalix", "medarbetare", ["/konto/atkomst-nekad"]),
            ["fel/{kod:int?}"] = new(null, null, ["/fel", "/fel/404"]),
            ["jobb"] = new(null, null, ["/jobb"]),
            ["jobb/{id:int}"] = new(null, null, [$"/jobb/{jobbId}", NotCurrentAdvert]),
            ["ansokan/{token}"] = new(null, null, [$"/ansokan/{token}"]),
            ["admin"] = new("alvsbyn", "admin", ["/admin"]),
            ["admin/anvandare"] = new("alvsbyn", "admin", ["/admin/anvandare"]),
            ["admin/anvandare/{id}"] = new("alvsbyn", "admin", [$"/admin/anvandare/{adminId}"]),
            ["admin/organisation"] = new("alvsbyn", "admin", ["/admin/organisation"]),
            ["admin/epost"] = new("alvsbyn", "admin", ["/admin/epost"]),
            ["admin/epost/{id:long}"] = new("alvsbyn", "admin", [$"/admin/epost/{mailId}"]),
        };
    }

    [Fact]
    public async Task VarjeSidaKlararWcag21AA()
    {
        var visits = await VisitsAsync();
        var routes = browser.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!).Distinct().Except(FileRoutes).ToList();
        Assert.DoesNotContain(routes, r => !visits.ContainsKey(r));

        var scanned = 0;
        foreach (var group in routes.Select(r => visits[r]).GroupBy(v => (v.Kommun, v.Login)))
        {
            var page = await browser.NewPageAsync(group.Key.Kommun, group.Key.Login);
            foreach (var url in group.SelectMany(v => v.Urls).Distinct())
            {
                var response = await page.GotoAsync(url);
                var expected = url switch { "/fel/404" or NotCurrentAdvert => 404, "/konto/atkomst-nekad" => 403, _ => 200 };
                Assert.True(response!.Status == expected, $"{url} gav {response.Status}, väntat {expected}");
                await BrowserPortal.AssertAccessibleAsync(page);
                scanned++;
            }
            await page.Context.CloseAsync();
        }
        Assert.True(scanned >= 20, $"bara {scanned} sidor skannades");
    }

    [Fact]
    public async Task FelmeddelandenIFormularKlararWcag()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/konto/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i e-postadress.");
        await BrowserPortal.AssertAccessibleAsync(page);

        var admin = await browser.NewPageAsync("kalix", "admin");
        await admin.GotoAsync("/admin/organisation");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lägg till anställd" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i förnamn.");
        await BrowserPortal.AssertAccessibleAsync(admin);
    }

    /// <summary>An advert that does not exist: the friendly "no longer current" page, answered with 404.</summary>
    private const string NotCurrentAdvert = "/jobb/999999";

    /// <summary>An application with a CV to the advert, so the applicant's own page has something to show; its private token.</summary>
    private async Task<string> ApplicationAsync(int rekryteringId)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AnsokanService>().SubmitAsync(rekryteringId,
            new NyAnsokan("Åsa", "Öberg", "asa.oberg@example.se", "070-123 45 67", true, new AnsokanFil("cv.pdf", new MemoryStream(TestFiles.Pdf())), null),
            token => $"{browser.BaseUrl}/ansokan/{token}");
        return result.Token ?? throw new InvalidOperationException(string.Join(" ", result.Fel.Select(f => f.Text)));
    }

    /// <summary>A sent test mail, so the mail pages have something to show.</summary>
    private async Task<long> TestMailAsync(string kommunId)
    {
        await using (var scope = browser.Portal.ScopeFor(kommunId, out var db))
        {
            await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync<Testmejl, Testmejl.Innehall>(
                new MailRecipient($"admin@{kommunId}.example", "Admin"), "Testmejl från ChefsRekrytering",
                new Testmejl.Innehall("Admin", null, db.UtcNow), topic: "Testmejl");
            await db.SaveChangesAsync();
        }
        await browser.Portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        await using var read = browser.Portal.ScopeFor(kommunId, out var db2);
        return await db2.Set<OutboxMessage>().Select(m => m.Id).MaxAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}
