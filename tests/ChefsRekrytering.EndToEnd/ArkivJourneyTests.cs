using System.IO.Compression;
using System.Text;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// HR's records work in the browser: the reports with their charts and CSV files, a person's register extract and
/// erasure, a recruitment handed out as a public record and put on hold, the audit log. Every page, and the handed-out
/// file itself, passes an axe WCAG 2.1 AA scan.
/// </summary>
public class ArkivJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task RapporternaVisarDiagramOchTabellerGarAttLaddaNed()
    {
        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Rapporter" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Name = "Rapporter", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Img, new() { Name = "Rekryteringar efter läge" })).ToBeVisibleAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Img, new() { Name = "Ledarakademin" })).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(hr);

        var download = await hr.RunAndWaitForDownloadAsync(() => hr.GetByRole(AriaRole.Link, new() { Name = "Ladda ned som CSV – Rekryteringar efter läge" }).ClickAsync());
        Assert.Matches(@"^rekryteringar-per-lage-\d{4}\.csv$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Läge;Antal\r\nUtkast;", Encoding.UTF8.GetString(bytes[3..]));

        // A period of its own, and a period the wrong way round, which says so.
        await hr.GetByLabel("Från och med").FillAsync($"{DateTime.Today.Year}-01-01");
        await hr.GetByLabel("Till och med").FillAsync($"{DateTime.Today.Year}-06-30");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Visa perioden" }).ClickAsync();
        await Assertions.Expect(hr.Locator("h1 + p")).ToContainTextAsync($"{DateTime.Today.Year}-01-01–{DateTime.Today.Year}-06-30");
        await hr.GotoAsync("/rapporter?fran=2026-06-01&till=2026-01-01");
        await Assertions.Expect(hr.GetByRole(AriaRole.Alert)).ToContainTextAsync("Från-datumet ligger efter till-datumet");
        await BrowserPortal.AssertAccessibleAsync(hr);
    }

    [Fact]
    public async Task RegisterutdragHamtasOchSokandeRaderasPaBegaran()
    {
        var r = await new AvslutadRekrytering(browser.Portal).TillsattAsync();
        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GotoAsync("/registerutdrag");
        await BrowserPortal.AssertAccessibleAsync(hr);

        await hr.GetByRole(AriaRole.Button, new() { Name = "Sök uppgifter" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i e-postadress");
        await BrowserPortal.AssertAccessibleAsync(hr);

        // A manager: everything about her in one file.
        await hr.GetByLabel("E-postadress").FillAsync("chef@kalix.example");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Sök uppgifter" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Name = "Uppgifter om chef@kalix.example" })).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator("#radering-rubrik + p")).ToContainTextAsync("Det här kan inte raderas");
        await BrowserPortal.AssertAccessibleAsync(hr);
        var download = await hr.RunAndWaitForDownloadAsync(() => hr.GetByRole(AriaRole.Button, new() { Name = "Ladda ned registerutdraget (ZIP)" }).ClickAsync());
        using (var zip = ZipFile.OpenRead((await download.PathAsync())!))
        {
            Assert.NotNull(zip.GetEntry("sammanstallning.html"));
            Assert.NotNull(zip.GetEntry("uppgifter.json"));
            // The readable summary is itself accessible.
            using var reader = new StreamReader(zip.GetEntry("sammanstallning.html")!.Open());
            var summary = await browser.NewPageAsync();
            await summary.SetContentAsync(await reader.ReadToEndAsync());
            await Assertions.Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Registerutdrag" })).ToBeVisibleAsync();
            await BrowserPortal.AssertAccessibleAsync(summary);
        }

        // An applicant whose recruitment is closed: erased, with the record of it.
        await hr.GetByLabel("E-postadress").FillAsync(r.Epost[r.Ovriga[0]]);
        await hr.GetByRole(AriaRole.Button, new() { Name = "Sök uppgifter" }).ClickAsync();
        await hr.GetByLabel("Skäl").FillAsync("Begäran från den sökande per e-post");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Radera uppgifterna" }).ClickAsync();
        await Assertions.Expect(hr.Locator(".notice-success[role=status]")).ToContainTextAsync("Raderingen är gjord");
        await Assertions.Expect(hr.Locator("#raderingar-rubrik + div")).ToContainTextAsync("Begäran från den sökande per e-post");
        await BrowserPortal.AssertAccessibleAsync(hr);
    }

    [Fact]
    public async Task RekryteringenLamnasUtSomAllmanHandlingOchFarGallringsstopp()
    {
        var r = await new AvslutadRekrytering(browser.Portal).TillsattAsync();
        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GotoAsync($"/rekrytering/{r.Id}");
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Name = "Allmän handling och gallring" })).ToBeVisibleAsync();

        var download = await hr.RunAndWaitForDownloadAsync(() => hr.GetByRole(AriaRole.Link, new() { Name = "Ladda ned rekryteringen för utlämnande" }).ClickAsync());
        Assert.EndsWith(".html", download.SuggestedFilename);
        var file = await browser.NewPageAsync();
        await file.SetContentAsync(await File.ReadAllTextAsync((await download.PathAsync())!));
        await Assertions.Expect(file.GetByRole(AriaRole.Table)).ToContainTextAsync("Bertil Lund");
        await Assertions.Expect(file.Locator("body")).Not.ToContainTextAsync(r.Epost[r.Ovriga[0]]);
        await BrowserPortal.AssertAccessibleAsync(file);

        await hr.GetByLabel("Skäl för gallringsstopp").FillAsync("Anmälan om diskriminering till DO");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Sätt gallringsstopp" }).ClickAsync();
        await Assertions.Expect(hr.Locator("#arkiv-rubrik ~ p.notice")).ToContainTextAsync("Anmälan om diskriminering till DO");
        await BrowserPortal.AssertAccessibleAsync(hr);

        // The hold and the export are in the audit log, found by kind of record.
        await hr.GotoAsync($"/granskning?typ=Rekrytering&objekt={r.Id}");
        await Assertions.Expect(hr.GetByRole(AriaRole.Table)).ToContainTextAsync("Gallringsstopp: Anmälan om diskriminering till DO");
        await Assertions.Expect(hr.GetByRole(AriaRole.Table)).ToContainTextAsync("Utlämnande av allmän handling");
        await BrowserPortal.AssertAccessibleAsync(hr);
    }
}
