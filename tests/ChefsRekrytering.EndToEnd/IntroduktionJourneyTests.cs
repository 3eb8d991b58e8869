using System.Text.RegularExpressions;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>A new manager's introduction from HR's first form to Genomförd, in the browser, by the three people involved.</summary>
public partial class IntroduktionJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task NyChefGenomforIntroduktionenOchHrsOversiktVisarDet()
    {
        // HR starts an introduction for a manager hired outside the portal.
        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Introduktion" }).ClickAsync();
        await hr.GetByRole(AriaRole.Link, new() { Name = "Ny introduktion för chef anställd utanför portalen" }).ClickAsync();
        await BrowserPortal.AssertAccessibleAsync(hr);
        await hr.GetByLabel("Ny chef").SelectOptionAsync(new SelectOptionValue { Label = "Mikael Persson, Fritidspedagog" });
        await hr.GetByLabel("Befattning").FillAsync("Enhetschef fritidshem");
        await hr.GetByLabel("Startdatum").FillAsync(DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"));
        await hr.GetByLabel("Anställande chef").SelectOptionAsync(new SelectOptionValue { Label = "Anders Nilsson" });
        await hr.GetByRole(AriaRole.Button, new() { Name = "Skapa introduktionen" }).ClickAsync();
        await Assertions.Expect(hr.Locator("h1")).ToHaveTextAsync("Introduktion: Mikael Persson");
        var introUrl = new Uri(hr.Url).AbsolutePath;
        await hr.GetByRole(AriaRole.Button, new() { Name = "Starta introduktionen" }).ClickAsync(); // a week before the start: allowed

        // The welcome job runs (the test drives the scheduler rather than waiting for its poll) and mails a password link.
        await browser.Portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();
        string link;
        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
            link = PasswordLink().Match((await db.Set<OutboxMessage>().SingleAsync(m => m.ToAddress == "mikael.persson@kalix.example")).TextBody).Value;

        var mikael = await browser.NewPageAsync();
        await mikael.GotoAsync(new Uri(link).PathAndQuery);
        await BrowserPortal.AssertAccessibleAsync(mikael);
        await mikael.GetByLabel("Nytt lösenord").FillAsync("Fritids-Hem-2026");
        await mikael.GetByLabel("Upprepa lösenordet").FillAsync("Fritids-Hem-2026");
        await mikael.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await mikael.GetByLabel("E-postadress").FillAsync("mikael.persson@kalix.example");
        await mikael.GetByLabel("Lösenord").FillAsync("Fritids-Hem-2026");
        await mikael.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await mikael.GetByRole(AriaRole.Link, new() { Name = "Introduktion" }).First.ClickAsync();
        await mikael.GetByRole(AriaRole.Link, new() { Name = "Mikael Persson" }).ClickAsync();
        await Assertions.Expect(mikael.Locator("dl.facts")).ToContainTextAsync("Pågår");
        await BrowserPortal.AssertAccessibleAsync(mikael);

        // Each does their part: Mikael reads the policy and holds his meetings, Anders and HR theirs.
        await ClickAllAsync(mikael, "Jag har läst avsnittet");
        await ClickAllAsync(mikael, "Markera som klar");
        var anders = await browser.NewPageAsync("kalix", "rekryterande");
        await anders.GotoAsync(introUrl);
        await anders.Locator("main details summary").First.ClickAsync();
        await anders.Locator("details[open] input[type=time]").FillAsync("09:30");
        await anders.Locator("details[open] input[name='Bokning.Plats']").FillAsync("Kommunhuset, rum 2");
        await anders.GetByRole(AriaRole.Button, new() { Name = "Skicka kallelse" }).ClickAsync();
        await Assertions.Expect(anders.GetByRole(AriaRole.Status)).ToContainTextAsync("är bokat");
        await BrowserPortal.AssertAccessibleAsync(anders);
        await ClickAllAsync(anders, "Markera som klar");
        await ClickAllAsync(hr, "Markera som klar", introUrl);

        await hr.GetByRole(AriaRole.Button, new() { Name = "Gå över till uppföljning" }).ClickAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Avsluta introduktionen som genomförd" }).ClickAsync();
        await Assertions.Expect(hr.Locator("dl.facts")).ToContainTextAsync("Genomförd");

        // HR's overview shows the change.
        await hr.GotoAsync("/introduktion");
        var row = hr.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mikael Persson" });
        await Assertions.Expect(row).ToContainTextAsync("Genomförd");
        await Assertions.Expect(row).ToContainTextAsync("100 %");
        await BrowserPortal.AssertAccessibleAsync(hr);
    }

    /// <summary>Clicks every button with this name, one at a time, as each click reloads the page.</summary>
    private static async Task ClickAllAsync(IPage page, string name, string? url = null)
    {
        if (url is not null) await page.GotoAsync(url);
        var buttons = page.GetByRole(AriaRole.Button, new() { Name = name });
        for (var guard = 0; await buttons.CountAsync() > 0 && guard < 40; guard++)
        {
            await buttons.First.ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        Assert.Equal(0, await buttons.CountAsync());
    }

    [GeneratedRegex(@"http[^\s]+/konto/valj-losenord\?id=[^\s)]+&token=[^\s)]+")]
    private static partial Regex PasswordLink();
}
