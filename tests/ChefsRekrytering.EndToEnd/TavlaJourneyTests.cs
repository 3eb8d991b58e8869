using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// The recruitment's board in the browser: a card moved with the keyboard alone (Tab to the card, Space picks it up, an
/// arrow key chooses the column, Space drops, with the live region telling what happens); axe passes
/// at a laptop's and a phone's size, where the columns stack and nothing is wider than the screen.
/// </summary>
public class TavlaJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task EttKortFlyttasMedBaraTangentbordetOchTavlanArTillgangligPaLaptopOchTelefon()
    {
        var intervju = await new IntervjuBuilder(browser.Portal).MedKandidaterILaget(KandidatTillstand.Inkommen).BuildAsync();
        var k0 = intervju.KandidatIds[0];
        var page = await browser.NewPageAsync(BrowserPortal.Laptop, "kalix", IntervjuBuilder.Agare);
        await page.GotoAsync($"/rekrytering/{intervju.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tavla över kandidaterna" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tavla över kandidaterna");
        await BrowserPortal.AssertAccessibleAsync(page);

        // Tab until the first card has focus, as a keyboard user would.
        var kort = page.Locator($"#kort-{k0}");
        for (var i = 0; i < 80 && !await kort.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(kort).ToBeFocusedAsync();

        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("#tavla-besked")).ToContainTextAsync("är upplockad i kolumnen Inkommen");
        // Escape puts it back where it was.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#tavla-besked")).ToContainTextAsync("Flytten är avbruten");

        await page.Keyboard.PressAsync(" ");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#tavla-besked")).ToContainTextAsync("Granskad");
        await Assertions.Expect(page.Locator("section.tavla-mal")).ToHaveAttributeAsync("data-tillstand", "Granskad");
        await page.Keyboard.PressAsync(" ");

        await Assertions.Expect(page.Locator($"section[data-tillstand=Granskad] #kort-{k0}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ansökan är granskad.");
        // Back on the board, the moved card has the focus again.
        await Assertions.Expect(page.Locator($"#kort-{k0}")).ToBeFocusedAsync();
        Assert.Equal(KandidatTillstand.Granskad, await TillstandAsync(k0));

        await BrowserPortal.AssertAccessibleAsync(page);

        // On a phone the columns stack, one under the other, and the board passes axe and fits the screen.
        await page.SetViewportSizeAsync(BrowserPortal.Telefon.Width, BrowserPortal.Telefon.Height);
        await BrowserPortal.AssertAccessibleAsync(page);
        await BrowserPortal.AssertFitsAsync(page);
        var forsta = await page.Locator("section.tavla-kolumn").Nth(0).BoundingBoxAsync();
        var andra = await page.Locator("section.tavla-kolumn").Nth(1).BoundingBoxAsync();
        Assert.True(andra!.Y >= forsta!.Y + forsta.Height, "Kolumnerna ska ligga under varandra på en telefon.");
    }

    private async Task<KandidatTillstand> TillstandAsync(int kandidatId)
    {
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().AsNoTracking().Where(k => k.Id == kandidatId).Select(k => k.State).SingleAsync();
    }
}
