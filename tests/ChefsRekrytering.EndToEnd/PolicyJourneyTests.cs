using ChefsRekrytering.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

public class PolicyJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task InloggadMedarbetareLaserAllaFemKommunernasPolicyer()
    {
        var page = await browser.NewPageAsync("kalix", "medarbetare");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hej Emma Johansson");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Ledarpolicy" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ledarpolicyer");

        var expectations = new (string Kommun, string Heading, string Text)[]
        {
            ("Kalix kommun", "Kalix kommuns Ledarplan", "Att delegera uppgifter så att medarbetare får handlingsutrymme och möjlighet att ta ansvar"),
            ("Älvsbyns kommun", "Chefs- och ledningspolicy", "Varje år utses årets chef vid Älvsbyns kommun."),
            ("Ljusnarsbergs kommun", "Ledningspolicy", "Uppdragskontrakt är ett avtal mellan chef eller arbetsledare"),
            ("Vindelns kommun", "Ledningspolicy", "Ledningsforum är en mötesplats där kommunens samtliga ledare träffas minst tre gånger per år."),
            ("Vimmerby kommun", "Ledarskapspolicy", "Vi har kreativitet, hopp och framtidstro."),
        };
        foreach (var (kommun, heading, text) in expectations)
        {
            await page.GotoAsync("/policy");
            await page.GetByRole(AriaRole.Link, new() { Name = kommun, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(heading);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(text);
            await BrowserPortal.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task InnehallsforteckningenLederTillAvsnittet()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/policy/alvsbyn");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Innehåll" }).GetByRole(AriaRole.Link, new() { Name = "Avveckling av chefskap" }).ClickAsync();
        Assert.EndsWith("#avsnitt-avveckling-av-chefskap", page.Url);
        await Assertions.Expect(page.Locator("#avsnitt-avveckling-av-chefskap")).ToBeInViewportAsync();
    }
}
