using ChefsRekrytering.Documents;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

public class AnsokanJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task SokandeHittarAnnonsenSokerMedRiktigaFilerOchFoljerSinAnsokan()
    {
        const string titel = "Enhetschef Äldreboendet Furugården, vikariat";
        await new RekryteringBuilder(browser.Portal).Titel(titel).Enhet("Äldreboendet Furugården").AnnonseradAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Lediga chefsjobb" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lediga chefsjobb");
        await BrowserPortal.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = titel }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(titel);
        await Assertions.Expect(page.Locator("#om-ledarskap")).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(page);

        await page.GetByLabel("Förnamn").FillAsync("Åsa");
        await page.GetByLabel("Efternamn").FillAsync("Öberg");
        await page.GetByLabel("E-postadress").FillAsync("asa.oberg@example.se");
        await page.GetByLabel("Telefonnummer").FillAsync("12");
        await ChooseFilesAsync(page);
        // Sent with a phone number too short first: refused, the typed fields kept, the files to be chosen again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Telefonnumret är inte giltigt.");
        await Assertions.Expect(page.GetByLabel("Förnamn")).ToHaveValueAsync("Åsa");
        await Assertions.Expect(page.GetByText("behöver du välja filerna igen")).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(page);

        await page.GetByLabel("Telefonnummer").FillAsync("070-123 45 67");
        await ChooseFilesAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/ansokan/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Tack! Din ansökan är skickad.");
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync("Din ansökan är mottagen och granskas");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("CV: cv.pdf");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Personligt brev: brev.docx");
        await BrowserPortal.AssertAccessibleAsync(page);

        // The same page in English, by the applicant's choice; the advert's own words stay as written.
        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your application");
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync("Your application has been received and is being reviewed");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Cover letter: brev.docx");
        await BrowserPortal.AssertAccessibleAsync(page);
    }

    private static async Task ChooseFilesAsync(IPage page)
    {
        await page.GetByLabel("CV", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "cv.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        await page.GetByLabel("Personligt brev (frivilligt)").SetInputFilesAsync(new FilePayload { Name = "brev.docx", MimeType = DocumentFileType.Docx.ContentType, Buffer = TestFiles.Docx() });
    }
}
