using ChefsRekrytering.Documents;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Tests.Documents;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// A wind-down case in the browser, from start to outcome: Karin Öberg's närmast högre chef (Anders) draws up the plan,
/// Karin reads her own case, the plan is carried out and evaluated, the case closes with a return to her base profession,
/// kompetensväxling starts on her Ledarakademin track, and HR sees who read the case. Outsiders get nothing.
/// </summary>
public class AvvecklingJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task ArendetGarFranStartTillUtfallOchKompetensvaxlingMedLoggOchSekretess()
    {
        // Anders starts the case and the action plan.
        var anders = await browser.NewPageAsync("kalix", "rekryterande");
        await anders.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Avveckling" }).ClickAsync();
        await BrowserPortal.AssertAccessibleAsync(anders);
        await anders.GetByLabel("Chef", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Karin Öberg, Enhetschef hemtjänst" });
        await anders.GetByLabel(new System.Text.RegularExpressions.Regex("^Bakgrund")).FillAsync("Enheten har haft hög personalomsättning i två år.");
        await anders.GetByRole(AriaRole.Button, new() { Name = "Starta ärendet" }).ClickAsync();
        await Assertions.Expect(anders.Locator("h1")).ToHaveTextAsync("Ärende: Karin Öberg");
        var caseUrl = new Uri(anders.Url).AbsolutePath;
        await anders.GetByRole(AriaRole.Button, new() { Name = "Påbörja handlingsplanen" }).ClickAsync();
        await Assertions.Expect(anders.Locator("dl.facts")).ToContainTextAsync("Handlingsplan");

        await anders.GetByLabel(new System.Text.RegularExpressions.Regex("^Åtgärd")).FillAsync("Coachning med extern coach, sex tillfällen");
        await anders.GetByLabel("Ansvarig").FillAsync("Anders Nilsson");
        await anders.GetByLabel("Datum", new() { Exact = true }).FillAsync(DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"));
        await anders.GetByLabel("Uppföljningsdatum").FillAsync(DateTime.Today.AddDays(30).ToString("yyyy-MM-dd"));
        await anders.GetByLabel(new System.Text.RegularExpressions.Regex("^Stöd till chefen")).CheckAsync();
        await anders.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtgärden" }).ClickAsync();
        await Assertions.Expect(anders.Locator("main")).ToContainTextAsync("Coachning med extern coach, sex tillfällen");
        await anders.GetByLabel("Ny bilaga (PDF, Word eller OpenDocument)").SetInputFilesAsync(
            new FilePayload { Name = "handlingsplan.pdf", MimeType = DocumentFileType.Pdf.ContentType, Buffer = TestFiles.Pdf() });
        await anders.GetByRole(AriaRole.Button, new() { Name = "Ladda upp" }).ClickAsync();
        await Assertions.Expect(anders.GetByRole(AriaRole.Link, new() { Name = "handlingsplan.pdf" })).ToBeVisibleAsync();
        await anders.GetByRole(AriaRole.Button, new() { Name = "Starta genomförandet" }).ClickAsync();
        await Assertions.Expect(anders.Locator("dl.facts")).ToContainTextAsync("Genomförande");
        await BrowserPortal.AssertAccessibleAsync(anders);

        // Karin sees her own case and its plan.
        var karin = await browser.NewPageAsync("kalix", "chef");
        await karin.GotoAsync("/avveckling");
        await karin.GetByRole(AriaRole.Link, new() { Name = "Karin Öberg" }).ClickAsync();
        await Assertions.Expect(karin.Locator("main")).ToContainTextAsync("Coachning med extern coach, sex tillfällen");
        await BrowserPortal.AssertAccessibleAsync(karin);

        // Carried out, evaluated, closed with an outcome that starts kompetensväxling.
        await anders.GotoAsync(caseUrl);
        await anders.GetByRole(AriaRole.Button, new() { Name = "Markera som genomförd" }).ClickAsync();
        await Assertions.Expect(anders.Locator("ul.checklist li .tag-green")).ToHaveTextAsync("Genomförd");
        await anders.GetByRole(AriaRole.Button, new() { Name = "Gå till utvärdering" }).ClickAsync();
        await anders.GetByLabel("Utfall", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Återgång till grundprofession" });
        await anders.GetByLabel("Utvärdering", new() { Exact = true }).FillAsync("Karin återgår till sin tjänst som sjuksköterska, på egen önskan.");
        var lastDay = DateTime.Today.AddDays(60).ToString("yyyy-MM-dd");
        await anders.GetByLabel(new System.Text.RegularExpressions.Regex("^Sista dag som chef")).FillAsync(lastDay);
        await anders.GetByRole(AriaRole.Button, new() { Name = "Spara utvärderingen" }).ClickAsync();
        await anders.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" }).ClickAsync();
        await Assertions.Expect(anders.Locator("dl.facts")).ToContainTextAsync("Avslutad");
        await Assertions.Expect(anders.Locator("main")).ToContainTextAsync($"Sista dag som chef: {lastDay}");
        await BrowserPortal.AssertAccessibleAsync(anders);

        // Her Ledarakademin track now has kompetensväxling with a checklist for the successor.
        await anders.GotoAsync("/ledarakademin");
        await anders.GetByRole(AriaRole.Link, new() { Name = "Karin Öberg" }).First.ClickAsync();
        var vaxling = anders.Locator("dl.facts").Filter(new() { HasText = "Sista dag" });
        await Assertions.Expect(vaxling).ToContainTextAsync(lastDay);
        await Assertions.Expect(anders.Locator("ul.checklist li").First).ToBeVisibleAsync();

        // HR sees who read and changed the case, Karin's own read among them.
        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GotoAsync(caseUrl);
        var log = hr.GetByRole(AriaRole.Table, new() { Name = "Åtkomstlogg, senaste först" });
        await Assertions.Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Karin Öberg" }).First).ToBeVisibleAsync();
        await Assertions.Expect(log.GetByRole(AriaRole.Row).Filter(new() { HasText = "Anders Nilsson" }).First).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(hr);

        // Confidential: another manager, the jury and Admin are told it does not exist.
        foreach (var login in new[] { "kommunchef", "jury", "admin" })
        {
            var outsider = await browser.NewPageAsync("kalix", login);
            var response = await outsider.GotoAsync(caseUrl);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(outsider.Locator("main")).Not.ToContainTextAsync("Coachning");
        }
    }
}
