using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>The portal with the municipalities' own OpenID Providers (the real oidc-provider issuers of infra/services.sh).</summary>
public sealed class OidcBrowserPortal : BrowserPortal
{
    protected override void Configure(PortalFactory portal) => portal.MedOidc();
}

public class OidcJourneyTests(OidcBrowserPortal browser) : IClassFixture<OidcBrowserPortal>
{
    [Fact]
    public async Task EnAnstalldLoggarInMedKommunensKontoILaptopOchTelefon()
    {
        var emma = await new Testdata(browser.Portal).PersonIdAsync("medarbetare");
        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
            await db.Personer.Where(p => p.Id == emma).ExecuteUpdateAsync(s => s.SetProperty(p => p.Anstallningsnummer, "K-1003"));

        foreach (var storlek in new[] { BrowserPortal.Laptop, BrowserPortal.Telefon })
        {
            var page = await browser.NewPageAsync(storlek);
            await page.GotoAsync("/konto/logga-in");
            await BrowserPortal.AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Logga in med ditt konto i Kalix kommun" }).ClickAsync();

            // The provider's own sign-in form (oidc-provider's development form), then straight back to the portal.
            await page.WaitForURLAsync(url => url.StartsWith(TestOidc.Leverantor("kalix"), StringComparison.Ordinal));
            await page.Locator("input[name=login]").FillAsync("emma");
            await page.Locator("input[name=password]").FillAsync("vad-som-helst");
            await page.Locator("button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hej Emma Johansson");
            await BrowserPortal.AssertAccessibleAsync(page);
            await page.Context.CloseAsync();
        }

        // Someone the portal does not know is told so, and stays signed out.
        var okand = await browser.NewPageAsync();
        await okand.GotoAsync("/konto/logga-in");
        await okand.GetByRole(AriaRole.Button, new() { Name = "Logga in med ditt konto i Kalix kommun" }).ClickAsync();
        await okand.WaitForURLAsync(url => url.StartsWith(TestOidc.Leverantor("kalix"), StringComparison.Ordinal));
        await okand.Locator("input[name=login]").FillAsync("okand-konsult");
        await okand.Locator("input[name=password]").FillAsync("vad-som-helst");
        await okand.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(okand.Locator("main")).ToContainTextAsync("Du är inte känd i portalen");
        await BrowserPortal.AssertAccessibleAsync(okand);
    }
}
