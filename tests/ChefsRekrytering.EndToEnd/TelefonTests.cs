using ChefsRekrytering.AretsChef;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// The main journeys on a phone (390×844): the menu folds behind a button that works without script, a recruitment shows
/// its process as a list and its tables as cards, an applicant applies, HR starts an introduction and an employee
/// nominates Årets chef. Every page fits the screen's width and passes an axe WCAG 2.1 AA scan.
/// </summary>
public class TelefonTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task HuvudmenynFallsIhopOchOppnasUtanSkript()
    {
        var page = await browser.NewPageAsync(BrowserPortal.Telefon, "kalix", "hr", skript: false);
        var meny = page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });
        await Assertions.Expect(meny.GetByRole(AriaRole.Link, new() { Name = "Rapporter" })).ToBeHiddenAsync();
        await meny.GetByText("Meny", new() { Exact = true }).ClickAsync();
        await meny.GetByRole(AriaRole.Link, new() { Name = "Rapporter" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rapporter");

        // A laptop has room for the whole menu: shown as it is, without the button.
        await page.SetViewportSizeAsync(BrowserPortal.Laptop.Width, BrowserPortal.Laptop.Height);
        await Assertions.Expect(meny.GetByRole(AriaRole.Link, new() { Name = "Rekrytering" })).ToBeVisibleAsync();
        await Assertions.Expect(meny.GetByText("Meny", new() { Exact = true })).ToBeHiddenAsync();

        // Open, it passes axe and fits (axe needs script; the folded menu is scanned on every page by AccessibilityTests).
        var medSkript = await browser.NewPageAsync(BrowserPortal.Telefon, "kalix", "hr");
        await medSkript.GetByText("Meny", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(medSkript.GetByRole(AriaRole.Link, new() { Name = "Rapporter" })).ToBeVisibleAsync();
        await Passar(medSkript);
    }

    [Fact]
    public async Task EnRekryteringStartasOchFoljsPaTelefon()
    {
        var owner = await browser.NewPageAsync(BrowserPortal.Telefon, "kalix", "rekryterande");
        await owner.GetByText("Meny", new() { Exact = true }).ClickAsync();
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Rekrytering" }).ClickAsync();
        await Passar(owner);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Ny rekrytering" }).ClickAsync();
        await Passar(owner);
        await Falt(owner, "Befattning").FillAsync("Enhetschef Strandgården (telefon)");
        await Falt(owner, "Enhet").SelectOptionAsync(new SelectOptionValue { Label = "Äldreboendet Furugården" });
        await Falt(owner, "Behov").FillAsync("Enheten behöver en chef efter en lång tid med tillförordnade.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skapa rekryteringen" }).ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Enhetschef Strandgården (telefon)");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skicka för behovsprövning" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await Passar(owner);

        // A recruitment at its interviews: the process as a list with the step now marked, the diagram left to wider screens.
        var intervju = await new IntervjuBuilder(browser.Portal).BuildAsync();
        await owner.GotoAsync($"/rekrytering/{intervju.Id}");
        await Assertions.Expect(owner.Locator("ol.process-lista")).ToBeVisibleAsync();
        await Assertions.Expect(owner.Locator("ol.process-lista li[aria-current=step]")).ToHaveTextAsync("Intervjuer nu");
        await Assertions.Expect(owner.GetByRole(AriaRole.Img, new() { Name = "Rekryteringens steg, nu Intervjuer" })).ToBeHiddenAsync();
        Assert.True(await owner.Locator("ol.process-lista li").First.EvaluateAsync<double>("li => parseFloat(getComputedStyle(li).fontSize)") >= 16);

        // The applicants as cards: each value to the right of its column's name, one row under the other.
        var celler = owner.Locator("#kandidater-rubrik ~ div tbody tr").First.Locator("td");
        Assert.Equal("\"Inkom\"", await celler.Nth(1).EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        var (namn, inkom) = ((await celler.Nth(0).BoundingBoxAsync())!, (await celler.Nth(1).BoundingBoxAsync())!);
        Assert.True(inkom.Y >= namn.Y + namn.Height && inkom.X == namn.X, $"Cellerna står inte under varandra: {namn.X},{namn.Y} och {inkom.X},{inkom.Y}");
        await Passar(owner);

        await owner.GetByRole(AriaRole.Link, new() { Name = "Åsa Öberg" }).ClickAsync();
        await Passar(owner);
    }

    [Fact]
    public async Task EnSokandeSokerPaTelefon()
    {
        const string titel = "Enhetschef Furugården, telefon";
        await new RekryteringBuilder(browser.Portal).Titel(titel).Enhet("Äldreboendet Furugården").AnnonseradAsync();
        var page = await browser.NewPageAsync(BrowserPortal.Telefon);
        await page.GotoAsync("/");
        await Passar(page);
        await page.GetByText("Meny", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Lediga chefsjobb" }).ClickAsync();
        await Passar(page);
        await page.GetByRole(AriaRole.Link, new() { Name = titel }).ClickAsync();
        await Passar(page);

        await page.GetByLabel("Förnamn").FillAsync("Åsa");
        await page.GetByLabel("Efternamn").FillAsync("Öberg");
        await page.GetByLabel("E-postadress").FillAsync("asa.oberg.telefon@example.se");
        await page.GetByLabel("Telefonnummer").FillAsync("070-123 45 67");
        await page.GetByLabel("CV", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/ansokan/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Tack! Din ansökan är skickad.");
        await Passar(page);
    }

    [Fact]
    public async Task HrStartarEnIntroduktionPaTelefon()
    {
        int id;
        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
        {
            var karin = await db.Personer.SingleAsync(p => p.Efternamn == "Öberg");
            var intro = await scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Introduktioner.IntroduktionService>()
                .CreateAsync(karin, "Enhetschef hemtjänst", DateOnly.FromDateTime(DateTime.UtcNow), null, "Anders Nilsson", null);
            await db.SaveChangesAsync();
            id = intro.Id;
        }
        var hr = await browser.NewPageAsync(BrowserPortal.Telefon, "kalix", "hr");
        await hr.GotoAsync("/introduktion");
        await Passar(hr);
        await hr.GotoAsync($"/introduktion/{id}");
        await Passar(hr);
        await hr.GetByRole(AriaRole.Button, new() { Name = "Starta introduktionen" }).ClickAsync();
        await Assertions.Expect(hr.Locator("ol.process-lista li[aria-current=step]")).ToHaveTextAsync("Pågår nu");
        await Passar(hr);

        // Karin reads her own introduction on her phone.
        var karinsTelefon = await browser.NewPageAsync(BrowserPortal.Telefon, "kalix", "chef");
        await karinsTelefon.GotoAsync($"/introduktion/{id}");
        await Passar(karinsTelefon);
    }

    [Fact]
    public async Task EnMedarbetareNominerarAretsChefPaTelefon()
    {
        await using (var scope = browser.Portal.ScopeFor("kalix", out _))
        {
            var service = scope.ServiceProvider.GetRequiredService<AretsChefService>();
            var hr = await new Testdata(browser.Portal).PrincipalAsync("hr");
            Assert.True((await service.SkapaKampanjAsync(new(service.Today.Year, service.Today, service.Today.AddDays(14), false, false), hr)).Succeeded);
            Assert.True((await service.OppnaAsync(service.Today.Year)).Succeeded);
        }
        var page = await browser.NewPageAsync(BrowserPortal.Telefon, "kalix", "medarbetare");
        await page.GetByText("Meny", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Årets chef" }).ClickAsync();
        await Passar(page);
        await page.GetByLabel("Chef du nominerar").SelectOptionAsync(new SelectOptionValue { Label = "Karin Öberg, Hemtjänst Centrum" });
        await page.GetByLabel("Goda arbetsinsatser och resultat").FillAsync("Karin ser var och en av oss.");
        await page.GetByLabel("Ett positivt och tryggt arbetsklimat").FillAsync("Alla vågar säga vad de tycker.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka nomineringen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Din nominering är sparad");
        await Passar(page);
    }

    /// <summary>The field whose label starts with the text (labels carry hints after the name).</summary>
    private static ILocator Falt(IPage page, string label) =>
        page.GetByLabel(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(label)));

    /// <summary>The page fits the phone's width and passes axe.</summary>
    private static async Task Passar(IPage page)
    {
        await BrowserPortal.AssertFitsAsync(page);
        await BrowserPortal.AssertAccessibleAsync(page);
    }
}
