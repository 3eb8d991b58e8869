using ChefsRekrytering.AretsChef;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>Årets chef in the browser: HR opens the year, two employees nominate, the jury decides, HR announces, everyone reads it.</summary>
public class AretsChefJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task TvaMedarbetareNominerarJurynBeslutarOchAllaSerTillkannagivandet()
    {
        // HR plans this year's campaign, opening today.
        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Årets chef" }).ClickAsync();
        await hr.GetByRole(AriaRole.Link, new() { Name = "Kampanjer: datum och inställningar, statistik" }).ClickAsync();
        var ar = int.Parse(await hr.GetByLabel("År", new() { Exact = true }).InputValueAsync());
        // Today in Sweden, where the portal counts its days: between 23:00 and 24:00 UTC it is already tomorrow there.
        var idag = DateOnly.FromDateTime(ChefsRekrytering.Calendar.SwedishTime.ToLocal(DateTime.UtcNow));
        await hr.GetByLabel("Nomineringen öppnar").FillAsync(idag.ToString("yyyy-MM-dd"));
        await hr.GetByLabel("Sista dag att nominera").FillAsync(idag.AddDays(14).ToString("yyyy-MM-dd"));
        await hr.GetByRole(AriaRole.Button, new() { Name = "Skapa kampanjen" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToContainTextAsync($"Kampanjen för {ar} är skapad");
        await BrowserPortal.AssertAccessibleAsync(hr);
        // The opening is due: the test runs the scheduler rather than waiting for its poll.
        await browser.Portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

        // Two employees nominate Karin Öberg.
        foreach (var (login, text) in new[] { ("medarbetare", "Karin ser var och en av oss."), ("jury", "Karin gör hemtjänsten trygg.") })
        {
            var page = await browser.NewPageAsync("kalix", login);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Årets chef" }).ClickAsync();
            await page.GetByLabel("Chef du nominerar").SelectOptionAsync(new SelectOptionValue { Label = "Karin Öberg, Hemtjänst Centrum" });
            await page.GetByLabel("Goda arbetsinsatser och resultat").FillAsync(text);
            await page.GetByLabel("Ett positivt och tryggt arbetsklimat").FillAsync("Alla vågar säga vad de tycker.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Skicka nomineringen" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Din nominering är sparad");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Du har nominerat Karin Öberg");
            await BrowserPortal.AssertAccessibleAsync(page);
        }

        // Two weeks pass: the last day is moved into the past instead of the clock, since the browsers' sign-ins live on the real one.
        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
        {
            // (HR could not move it there: a builder's shortcut, with the closing scheduled for now.)
            var service = scope.ServiceProvider.GetRequiredService<AretsChefService>();
            await db.Set<Kampanj>().Where(x => x.Ar == ar).ExecuteUpdateAsync(s => s.SetProperty(x => x.SistaDag, service.Today.AddDays(-1)));
            scope.ServiceProvider.GetRequiredService<Scheduler>().Schedule(AretsChefService.StangJobb, db.UtcNow, ar, kommunId: "kalix");
            await db.SaveChangesAsync();
        }
        await browser.Portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

        // The jury reads, shortlists, scores and decides.
        var jury = await browser.NewPageAsync("kalix", "jury");
        await jury.GotoAsync($"/arets-chef/{ar}/jury");
        await jury.GetByRole(AriaRole.Button, new() { Name = "Starta juryarbetet" }).ClickAsync();
        await Assertions.Expect(jury.Locator("main")).ToContainTextAsync("Karin ser var och en av oss.");
        await jury.GetByRole(AriaRole.Button, new() { Name = "Sätt Karin Öberg på kortlistan" }).ClickAsync();
        await jury.GetByRole(AriaRole.Group, new() { Name = "Din poäng för Karin Öberg" }).GetByLabel("5", new() { Exact = true }).CheckAsync();
        await jury.GetByLabel("Din anteckning om Karin Öberg").FillAsync("Två starka nomineringar.");
        await jury.GetByRole(AriaRole.Button, new() { Name = "Spara din bedömning av Karin Öberg" }).ClickAsync();
        await Assertions.Expect(jury.Locator("article.kortlistad")).ToContainTextAsync("Oskar Marklund: 5 av 5 – Två starka nomineringar.");
        await BrowserPortal.AssertAccessibleAsync(jury);
        await jury.GetByLabel($"Juryns val till Årets chef {ar}").SelectOptionAsync(new SelectOptionValue { Label = "Karin Öberg" });
        await jury.GetByLabel("Juryns motivering").FillAsync("Karin skapar ett positivt och tryggt arbetsklimat och når sina mål.");
        await jury.GetByRole(AriaRole.Button, new() { Name = "Fatta beslut" }).ClickAsync();
        await Assertions.Expect(jury.GetByRole(AriaRole.Status)).ToContainTextAsync($"Karin Öberg blir Årets chef {ar}");

        // HR announces.
        await hr.GotoAsync($"/arets-chef/{ar}");
        await BrowserPortal.AssertAccessibleAsync(hr);
        await hr.GetByRole(AriaRole.Button, new() { Name = $"Tillkännage Årets chef {ar}" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToContainTextAsync("är tillkännagiven");

        // Everyone in Kalix reads it.
        var emma = await browser.NewPageAsync("kalix", "medarbetare");
        await emma.GotoAsync("/arets-chef");
        await Assertions.Expect(emma.Locator("main")).ToContainTextAsync($"Årets chef {ar}: Karin Öberg");
        await emma.GetByRole(AriaRole.Link, new() { Name = "Läs juryns motivering" }).ClickAsync();
        await Assertions.Expect(emma.Locator("h1")).ToHaveTextAsync($"Årets chef {ar}");
        await Assertions.Expect(emma.Locator("main")).ToContainTextAsync("Karin skapar ett positivt och tryggt arbetsklimat och når sina mål.");
        await BrowserPortal.AssertAccessibleAsync(emma);
    }
}
