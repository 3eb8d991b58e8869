using ChefsRekrytering.Demo;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace ChefsRekrytering.EndToEnd;

/// <summary>The portal as in production: HR signs in with a password and a code from an authenticator app.</summary>
public sealed class TvastegBrowserPortal : BrowserPortal
{
    protected override void Configure(PortalFactory portal) => portal.With("Security:Tvastegsverifiering:Kravs", "true");
}

public class TvastegJourneyTests(TvastegBrowserPortal browser) : IClassFixture<TvastegBrowserPortal>
{
    [Fact]
    public async Task HrSlarPaAppenPaLaptopenOchLoggarInMedKodenPaTelefonen()
    {
        // Laptop: the first sign-in sets up the app, with the QR code and the key to type by hand.
        var laptop = await browser.NewPageAsync(BrowserPortal.Laptop);
        await LosenordAsync(laptop, "/rekrytering");
        await laptop.WaitForURLAsync(url => url.Contains("/konto/tvastegsverifiering"));
        await Assertions.Expect(laptop.Locator("figure.qr svg")).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(laptop);
        var nyckel = (await laptop.Locator("#nyckel").TextContentAsync())!.Replace(" ", "").ToUpperInvariant();
        await laptop.GetByLabel("Koden som appen visar").FillAsync(Kod(nyckel));
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Slå på tvåstegsverifiering" }).ClickAsync();
        await Assertions.Expect(laptop.Locator(".reservkoder li")).ToHaveCountAsync(10);
        await BrowserPortal.AssertAccessibleAsync(laptop);
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Jag har sparat koderna – fortsätt" }).ClickAsync();
        await laptop.WaitForURLAsync(url => url.EndsWith("/rekrytering"));
        await laptop.Context.CloseAsync();

        // Phone: password, then the code; a wrong code first.
        var telefon = await browser.NewPageAsync(BrowserPortal.Telefon);
        await LosenordAsync(telefon, null);
        await telefon.WaitForURLAsync(url => url.Contains("/konto/verifiera"));
        await telefon.GetByLabel("Kod från appen").FillAsync("000000" == Kod(nyckel, steg: 1) ? "111111" : "000000");
        await telefon.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Assertions.Expect(telefon.GetByRole(AriaRole.Alert)).ToContainTextAsync("Koden stämmer inte");
        await BrowserPortal.AssertAccessibleAsync(telefon);
        Assert.Null(await BrowserPortal.TooWideAsync(telefon));
        await telefon.GetByLabel("Kod från appen").FillAsync(Kod(nyckel, steg: 1)); // the app's next code: the first is spent
        await telefon.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await Assertions.Expect(telefon.Locator("h1")).ToContainTextAsync("Hej Lena");
        await telefon.Context.CloseAsync();
    }

    private static async Task LosenordAsync(IPage page, string? dit)
    {
        await page.GotoAsync(dit is null ? "/konto/logga-in" : $"/konto/logga-in?ReturnUrl={Uri.EscapeDataString(dit)}");
        await page.GetByLabel("E-postadress").FillAsync(DemoSeeder.LoginFor("kalix", "hr"));
        await page.GetByLabel("Lösenord").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
    }

    private static string Kod(string nyckel, int steg = 0) => new Totp(Base32Encoding.ToBytes(nyckel)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steg));
}
