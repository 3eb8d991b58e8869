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

        // Every form the recruiting manager and HR post for the hire is counted: the goal is at most 15.
        var posts = new List<string>();
        foreach (var staff in new[] { owner, hr })
            staff.Request += (_, request) => { if (request.Method == "POST") posts.Add(new Uri(request.Url).PathAndQuery); };

        // The recruiting manager describes the need and sends it to HR in the same step.
        await owner.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Rekrytering" }).ClickAsync();
        await Scan(owner);
        await owner.GetByRole(AriaRole.Link, new() { Name = "Ny rekrytering" }).ClickAsync();
        await Scan(owner);
        await Field(owner, "Befattning").FillAsync(titel);
        await Field(owner, "Enhet").SelectOptionAsync(new SelectOptionValue { Label = enhet });
        await Field(owner, "Behov").FillAsync("Enheten har saknat ordinarie chef i ett halvår och behöver en långsiktig ledare.");
        await Click(owner, "Skapa och skicka till HR");
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync(titel);
        var url = new Uri(owner.Url).AbsolutePath;
        await Assertions.Expect(owner.Locator("dl.facts").First).ToContainTextAsync("REK ");

        // HR finds the need waiting on its start page, checks the LAS priority right and approves, in one form.
        await hr.GotoAsync("/");
        await Scan(hr);
        await hr.Locator(".vantar-lista li", new() { HasText = titel }).GetByRole(AriaRole.Link, new() { Name = "Pröva behovet" }).ClickAsync();
        await Field(hr, "Utfall av kontrollen").SelectOptionAsync(new SelectOptionValue { Label = "Ingen har företrädesrätt till tjänsten" });
        await Click(hr, "Registrera kontrollen och godkänn behovet");
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
        await Click(owner, "Spara och publicera annonsen");
        await Assertions.Expect(owner.Locator("dl.facts").First).ToContainTextAsync("Annonserad");

        // Two applicants apply through the public advert, without signing in.
        var applicantPages = new List<string>();
        foreach (var (first, last) in new[] { ("Maja", "Sundberg"), ("Olof", "Granlund") })
            applicantPages.Add(await ApplyAsync(titel, kommunNamn, first, last));

        // The last application day passes; the scheduler closes the application period at midnight (here: the button).
        await using (var scope = browser.Portal.ScopeFor(kommun, out var db))
        {
            var r = await db.Set<Rekrytering>().SingleAsync(x => x.Titel == titel);
            r.SistaAnsokningsdag = DateOnly.FromDateTime(DateTime.Today.AddDays(-1));
            await db.SaveChangesAsync();
        }
        await owner.GotoAsync(url);
        await Click(owner, "Stäng ansökningstiden");

        // Interviews: booking an applicant screens them and starts the interview phase; a scorecard after the interview
        // marks it held.
        foreach (var (name, score) in new[] { ("Maja Sundberg", "5 – Utmärkt"), ("Olof Granlund", "3 – Godtagbar") })
        {
            await OpenCandidate(owner, url, name);
            await Field(owner, "Datum").FillAsync(DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"));
            await Field(owner, "Starttid").FillAsync("10:00");
            await Field(owner, "Plats").FillAsync("Kommunhuset, sammanträdesrum 1");
            await Click(owner, "Boka intervjun");
            await InterviewHeldAsync(kommun, name);
            await owner.GetByRole(AriaRole.Link, new() { Name = "Min intervjubedömning" }).ClickAsync();
            await Scan(owner);
            foreach (var group in await owner.Locator("main").GetByRole(AriaRole.Group).AllAsync())
                await group.GetByRole(AriaRole.Radio, new() { Name = score }).CheckAsync();
            await Click(owner, "Spara bedömningen");
        }
        await owner.GotoAsync(url + "/jamforelse");
        await Scan(owner);
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("Maja Sundberg");
        await owner.GotoAsync(url + "/intervjuguide");
        await Scan(owner);

        // A reference, and the proposal (which takes the recruitment to its reference phase and the references as taken).
        await OpenCandidate(owner, url, "Maja Sundberg");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Referenser (0)" }).ClickAsync();
        await Field(owner, "Referensens namn").FillAsync("Per Persson");
        await Field(owner, "Relation till kandidaten").FillAsync("Tidigare chef");
        await Field(owner, "Anteckningar från samtalet").FillAsync("Tydlig, modig och omtyckt av medarbetarna.");
        await Click(owner, "Spara referensen");
        await OpenCandidate(owner, url, "Maja Sundberg");
        await Click(owner, "Föreslå för anställning");

        // MBL (which takes the recruitment through its union phase to the decision), the decision (which makes the
        // offer the next step), the offer and its acceptance (which fills the post and tells the other applicant).
        await owner.GotoAsync(url);
        await Field(owner, "Datum för förhandlingen").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await Field(owner, "Parter").FillAsync("Vision och arbetsgivaren");
        await Field(owner, "Utfall").FillAsync("Parterna är överens om tillsättningen.");
        await Click(owner, "Registrera samverkan");
        await Field(owner, "Vald kandidat").SelectOptionAsync(new SelectOptionValue { Label = "Maja Sundberg" });
        await Field(owner, "Beslutsdatum").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await Field(owner, "Beslutsfattare").FillAsync("Förvaltningschefen");
        await Click(owner, "Registrera beslutet");
        await OpenCandidate(owner, url, "Maja Sundberg");
        await Field(owner, "Startdatum").FillAsync(DateTime.Today.AddMonths(2).ToString("yyyy-MM-dd"));
        await Click(owner, "Lämna erbjudandet");
        await Click(owner, "Registrera ja till erbjudandet");

        // The accepted offer filled the post, which tells the other applicant and starts the new manager's introduction;
        // she takes over the unit on her start date.
        await owner.GotoAsync(url);
        await Assertions.Expect(owner.Locator("dl.facts").First).ToContainTextAsync("Tillsatt");
        await Assertions.Expect(owner.Locator("#historik-rubrik + div")).ToContainTextAsync("Tillsatt");
        Assert.True(posts.Count <= 15, $"{posts.Count} formulär för en anställning (mål högst 15): {string.Join(", ", posts)}");

        var olof = await browser.NewPageAsync();
        await olof.GotoAsync(applicantPages[1]);
        await Assertions.Expect(olof.Locator(".stage")).ToContainTextAsync("går inte vidare");
        await Scan(olof);
        await using var check = browser.Portal.ScopeFor(kommun, out var read);
        Assert.True(await read.Set<OutboxMessage>().AnyAsync(m => m.Subject.StartsWith("Besked om din ansökan") && m.ToName == "Olof Granlund"));
        Assert.True(await read.Set<Introduktion>().AnyAsync(i => i.ChefNamn == "Maja Sundberg"));
        Assert.Null(await read.Enheter.Where(e => e.Namn == enhet).Select(e => e.ChefId).SingleAsync());
        var tilltrade = await read.Set<Scheduling.ScheduledJob>().SingleAsync(j => j.JobType == NyChefTilltrader.Jobb && j.Status == Scheduling.QueueStatus.Pending);
        Assert.Equal(Calendar.SwedishTime.ToUtc(DateTime.Today.AddMonths(2)), tilltrade.DueUtc);
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka ansökan" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/ansokan/"));
        await Scan(page);
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>The booked interview is held: its time is moved into the past, as time would.</summary>
    private async Task InterviewHeldAsync(string kommun, string name)
    {
        await using var scope = browser.Portal.ScopeFor(kommun, out var db);
        var kandidat = await db.Set<Kandidat>().Where(k => k.Fornamn + " " + k.Efternamn == name).OrderByDescending(k => k.Id).Select(k => k.Id).FirstAsync();
        var mote = await db.Set<ChefsRekrytering.Calendar.Mote>().SingleAsync(m => m.Koppling == $"Kandidat:{kandidat}" && m.Status == ChefsRekrytering.Calendar.MoteStatus.Bokat);
        (mote.StartUtc, mote.SlutUtc) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1));
        await db.SaveChangesAsync();
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
