using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Tests.Byggare;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// The long pages on a laptop (1366×768): a recruitment shows its current phase's work first and folds the rest, and a
/// link to a folded section opens it, also without script; the reports show their charts with the tables folded under
/// them. The page heights are written to the test's output.
/// </summary>
public class LangaSidorTests(BrowserPortal browser, ITestOutputHelper output) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task RekryteringenVisarFasensArbeteForstOchEnLankOppnarEttViktAvsnitt()
    {
        var intervju = await new IntervjuBuilder(browser.Portal).BuildAsync();
        var hr = await browser.NewPageAsync(BrowserPortal.Laptop, "kalix", "hr");
        await hr.GotoAsync($"/rekrytering/{intervju.Id}");
        await Hojd(hr);

        // Interviews: the applicants and the panel open, right after the next steps and before the process.
        await Assertions.Expect(hr.GetByRole(AriaRole.Link, new() { Name = "Åsa Öberg" })).ToBeVisibleAsync();
        var ordning = await hr.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main h2[id]')].map(h => h.id)");
        Assert.Equal(["nasta-rubrik", "kandidater-rubrik", "panel-rubrik", "process-rubrik", "behov-rubrik", "kravprofil-rubrik", "annons-rubrik",
            "arkiv-rubrik", "historik-rubrik"], ordning);
        // The rest folded: their names show, their content does not.
        await Assertions.Expect(hr.GetByText(Behovet)).ToBeHiddenAsync();
        await Assertions.Expect(hr.Locator("summary", new() { HasText = "Behov och företrädesrätt" })).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(hr);

        // A link to a folded section (as on the start page and in mails) opens it and shows it, also without script.
        var utanSkript = await browser.NewPageAsync(BrowserPortal.Laptop, "kalix", "hr", skript: false);
        await utanSkript.GotoAsync($"/rekrytering/{intervju.Id}#behov-rubrik");
        await Assertions.Expect(utanSkript.GetByText(Behovet)).ToBeVisibleAsync();
        await Assertions.Expect(utanSkript.GetByText(Behovet)).ToBeInViewportAsync();
        // A click on a name opens its section too.
        await utanSkript.Locator("summary", new() { HasText = "Historik" }).ClickAsync();
        await Assertions.Expect(utanSkript.Locator("details:has(#historik-rubrik)")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(utanSkript.Locator("#historik-rubrik + *")).ToBeVisibleAsync();

        await hr.GotoAsync($"/rekrytering/{intervju.Id}#behov-rubrik");
        await Assertions.Expect(hr.GetByText(Behovet)).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(hr);
    }

    private const string Behovet = "Enhetschefen går i pension och tjänsten behöver tillsättas.";

    [Fact]
    public async Task RapporternaVisarDiagramOchTabellenPaBegaran()
    {
        var hr = await browser.NewPageAsync(BrowserPortal.Laptop, "kalix", "hr");
        await hr.GotoAsync("/rapporter");
        await Hojd(hr);

        var lage = hr.Locator("section", new() { Has = hr.Locator("#rekryteringar-per-lage-rubrik") });
        await Assertions.Expect(lage.GetByRole(AriaRole.Img, new() { Name = "Rekryteringar efter läge" })).ToBeVisibleAsync();
        await Assertions.Expect(lage.GetByRole(AriaRole.Table)).ToBeHiddenAsync();
        await lage.GetByText("Tabell").ClickAsync();
        await Assertions.Expect(lage.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await Assertions.Expect(lage.GetByRole(AriaRole.Row, new() { Name = "Annonserad" })).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(hr);

        // On a phone the chart with its labels above the bars, at a size that can be read.
        await hr.SetViewportSizeAsync(BrowserPortal.Telefon.Width, BrowserPortal.Telefon.Height);
        var smal = lage.Locator("svg.stapeldiagram.smal");
        await Assertions.Expect(smal).ToBeVisibleAsync();
        await Assertions.Expect(lage.Locator("svg.stapeldiagram:not(.smal)")).ToBeHiddenAsync();
        var text = (await smal.Locator("text").First.BoundingBoxAsync())!;
        Assert.True(text.Height >= 13, $"Diagrammets text är {text.Height} px hög");
        await Hojd(hr);
        await BrowserPortal.AssertFitsAsync(hr);
        await BrowserPortal.AssertAccessibleAsync(hr);
    }

    /// <summary>The page's height at its screen size, for the record.</summary>
    private async Task Hojd(IPage page) =>
        output.WriteLine($"{new Uri(page.Url).PathAndQuery} vid {page.ViewportSize!.Width}×{page.ViewportSize.Height}: " +
                         $"{await page.EvaluateAsync<int>("document.documentElement.scrollHeight")} px");
}
