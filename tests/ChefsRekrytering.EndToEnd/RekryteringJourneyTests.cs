using ChefsRekrytering.Documents;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// A whole recruitment in the browser, from the first need to Tillsatt, by the recruiting manager, HR and two
/// applicants, in two municipalities with their own policies; every page on the way passes an axe WCAG 2.1 AA scan.
/// </summary>
public class RekryteringJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("kalix", "Kalix kommun", "Äldreboendet Furugården", "Att delegera uppgifter så att medarbetare får handlingsutrymme och möjlighet att ta ansvar")]
    [InlineData("alvsbyn", "Älvsbyns kommun", "Bredåkra särskilt boende", "Vara en god ambassadör för Älvsbyns kommun och dess verksamheter.")]
    public async Task EnRekryteringFranBehovTillTillsattning(string kommun, string kommunNamn, string enhet, string policyKrav)
    {
        var titel = $"Enhetschef {enhet} (test)";
        var owner = await browser.NewPageAsync(kommun, "rekryterande");
        var hr = await browser.NewPageAsync(kommun, "hr");

        // The recruiting manager describes the need.
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Rekrytering" }).ClickAsync();
        await Scan(owner);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Ny rekrytering" }).ClickAsync();
        await Scan(owner);
        await Field(owner, "Befattning").FillAsync(titel);
        await Field(owner, "Enhet").SelectOptionAsync(new SelectOptionValue { Label = enhet });
        await Field(owner, "Behov").FillAsync("Enheten har saknat ordinarie chef i ett halvår och behöver en långsiktig ledare.");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Skapa rekryteringen" }).ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync(titel);
        var url = new Uri(owner.Url).AbsolutePath;
        await Assertions.Expect(owner.Locator("dl.facts").First).ToContainTextAsync("REK ");
        await Click(owner, "Skicka för behovsprövning");

        // HR checks the LAS priority right and approves the need.
        await hr.GotoAsync(url);
        await Field(hr, "Utfall av kontrollen").SelectOptionAsync(new SelectOptionValue { Label = "Ingen har företrädesrätt till tjänsten" });
        await Click(hr, "Registrera kontrollen");
        await Click(hr, "Godkänn behovet");
        await Assertions.Expect(hr.Locator("dl.facts").First).ToContainTextAsync("Kravprofil");

        // The manager builds the kravprofil from the municipality's own policy, fixes it and publishes the advert.
        await owner.GotoAsync(url + "/kravprofil");
        await Scan(owner);
        await owner.GetByLabel(policyKrav, new() { Exact = true }).CheckAsync();
        await owner.Locator("input[type=checkbox][name$='.Med']").Nth(1).CheckAsync();
        await Field(owner, "Kompetens 1").FillAsync("Erfarenhet av att leda verksamhet dygnet runt");
        await Click(owner, "Fastställ kravprofilen");
        await Field(owner, "Annonstext").FillAsync($"Vill du leda {enhet}? Vi söker en chef som delar kommunens syn på ledarskap och vill utveckla verksamheten tillsammans med medarbetarna.");
        await Field(owner, "Sista ansökningsdag").FillAsync(DateTime.Today.AddDays(14).ToString("yyyy-MM-dd"));
        await Click(owner, "Spara annonsen");
        await Click(owner, "Publicera annonsen");
        await Assertions.Expect(owner.Locator("dl.facts").First).ToContainTextAsync("Annonserad");

        // Two applicants apply through the public advert, without signing in.
        var applicantPages = new List<string>();
        foreach (var (first, last) in new[] { ("Maja", "Sundberg"), ("Olof", "Granlund") })
            applicantPages.Add(await ApplyAsync(titel, kommunNamn, first, last));

        // The last application day passes.
        await using (var scope = browser.Portal.ScopeFor(kommun, out var db))
        {
            var r = await db.Set<Rekrytering>().SingleAsync(x => x.Titel == titel);
            r.SistaAnsokningsdag = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
            await db.SaveChangesAsync();
        }
        await owner.GotoAsync(url);
        await Click(owner, "Stäng ansökningstiden");

        // Screening and interviews: both reviewed, interviewed and scored against the kravprofil.
        foreach (var name in new[] { "Maja Sundberg", "Olof Granlund" })
        {
            await OpenCandidate(owner, url, name);
            await Click(owner, "Markera som granskad");
        }
        await owner.GotoAsync(url);
        await Click(owner, "Starta intervjuer");
        foreach (var (name, score) in new[] { ("Maja Sundberg", "5 – Utmärkt"), ("Olof Granlund", "3 – Godtagbar") })
        {
            await OpenCandidate(owner, url, name);
            await Field(owner, "Datum").FillAsync(DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"));
            await Field(owner, "Starttid").FillAsync("10:00");
            await Field(owner, "Plats").FillAsync("Kommunhuset, sammanträdesrum 1");
            await Click(owner, "Boka intervjun");
            await owner.GetByRole(AriaRole.Link, new() { Name = "Min intervjubedömning" }).ClickAsync();
            await Scan(owner);
            foreach (var group in await owner.Locator("main").GetByRole(AriaRole.Group).AllAsync())
                await group.GetByRole(AriaRole.Radio, new() { Name = score }).CheckAsync();
            await Click(owner, "Spara bedömningen");
            await OpenCandidate(owner, url, name);
            await Click(owner, "Markera som intervjuad");
        }
        await owner.GotoAsync(url + "/jamforelse");
        await Scan(owner);
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("Maja Sundberg");
        await owner.GotoAsync(url + "/intervjuguide");
        await Scan(owner);

        // References and the proposal.
        await owner.GotoAsync(url);
        await Click(owner, "Starta referenstagning");
        await OpenCandidate(owner, url, "Maja Sundberg");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Referenser (0)" }).ClickAsync();
        await Field(owner, "Referensens namn").FillAsync("Per Persson");
        await Field(owner, "Relation till kandidaten").FillAsync("Tidigare chef");
        await Field(owner, "Anteckningar från samtalet").FillAsync("Tydlig, modig och omtyckt av medarbetarna.");
        await Click(owner, "Spara referensen");
        await OpenCandidate(owner, url, "Maja Sundberg");
        await Click(owner, "Markera referenser som tagna");
        await Click(owner, "Föreslå för anställning");

        // MBL, the hiring decision, the offer, acceptance.
        await owner.GotoAsync(url);
        await Click(owner, "Gå till facklig samverkan");
        await Field(owner, "Datum för förhandlingen").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await Field(owner, "Parter").FillAsync("Vision och arbetsgivaren");
        await Field(owner, "Utfall").FillAsync("Parterna är överens om tillsättningen.");
        await Click(owner, "Registrera samverkan");
        await Click(owner, "Gå till beslut");
        await Field(owner, "Vald kandidat").SelectOptionAsync(new SelectOptionValue { Label = "Maja Sundberg" });
        await Field(owner, "Beslutsdatum").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await Field(owner, "Beslutsfattare").FillAsync("Förvaltningschefen");
        await Click(owner, "Registrera beslutet");
        await Click(owner, "Fatta anställningsbeslut");
        await OpenCandidate(owner, url, "Maja Sundberg");
        await Field(owner, "Startdatum").FillAsync(DateTime.Today.AddMonths(2).ToString("yyyy-MM-dd"));
        await Click(owner, "Lämna erbjudandet");
        await Click(owner, "Registrera ja till erbjudandet");

        // Filling the post tells the other applicant and starts the new manager's introduction.
        await owner.GotoAsync(url);
        await Click(owner, "Registrera tillsättning");
        await Assertions.Expect(owner.Locator("dl.facts").First).ToContainTextAsync("Tillsatt");
        await Assertions.Expect(owner.Locator("#historik-rubrik + div")).ToContainTextAsync("Tillsatt");

        var olof = await browser.NewPageAsync();
        await olof.GotoAsync(applicantPages[1]);
        await Assertions.Expect(olof.Locator(".stage")).ToContainTextAsync("går inte vidare");
        await Scan(olof);
        await using var check = browser.Portal.ScopeFor(kommun, out var read);
        Assert.True(await read.Set<OutboxMessage>().AnyAsync(m => m.Subject.StartsWith("Besked om din ansökan") && m.ToName == "Olof Granlund"));
        Assert.True(await read.Set<Introduktion>().AnyAsync(i => i.ChefNamn == "Maja Sundberg"));
        Assert.Equal("Maja Sundberg", await read.Enheter.Where(e => e.Namn == enhet).Select(e => e.Chef!.Fornamn + " " + e.Chef.Efternamn).SingleAsync());
    }

    /// <summary>An anonymous applicant finds the advert and applies with a real CV; returns their private page.</summary>
    private async Task<string> ApplyAsync(string titel, string kommunNamn, string first, string last)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/jobb");
        await page.GetByRole(AriaRole.Link, new() { Name = titel }).ClickAsync();
        await Scan(page);
        await Field(page, "Förnamn").FillAsync(first);
        await Field(page, "Efternamn").FillAsync(last);
        await Field(page, "E-postadress").FillAsync($"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@example.se");
        await Field(page, "Telefonnummer").FillAsync("070-555 12 34".Replace("12", first.Length.ToString("D2")));
        await Field(page, "CV").SetInputFilesAsync(new FilePayload { Name = $"cv-{last}.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        await page.GetByLabel(Samtycke.Bekraftelse(kommunNamn)).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/ansokan/"));
        await Scan(page);
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task OpenCandidate(IPage page, string url, string name)
    {
        await page.GotoAsync(url);
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Scan(page);
    }

    /// <summary>Clicks the button and checks the step was taken (a success message, no error), then scans the page.</summary>
    private static async Task Click(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var errors = page.GetByRole(AriaRole.Alert);
        if (await errors.CountAsync() > 0) Assert.Fail($"”{button}” nekades: {await errors.First.InnerTextAsync()}");
        await Scan(page);
    }

    private static Task Scan(IPage page) => BrowserPortal.AssertAccessibleAsync(page);

    /// <summary>The field whose label starts with the text (labels carry hints after the name).</summary>
    private static ILocator Field(IPage page, string label) =>
        page.GetByLabel(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(label)));
}
