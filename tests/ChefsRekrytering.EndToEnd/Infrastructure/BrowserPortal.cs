using ChefsRekrytering.Demo;
using ChefsRekrytering.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd.Infrastructure;

/// <summary>
/// The portal on real Kestrel (a random local port) driven by Debian's Chromium through Playwright.
/// No browser download: the test script installs chromium and names it in CHEFS_CHROMIUM.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;

    /// <summary>Settings of a fixture of its own, before the portal starts.</summary>
    protected virtual void Configure(PortalFactory portal) { }

    public async Task InitializeAsync()
    {
        Configure(Portal);
        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseUrl = Portal.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        // CI has two cores for the portal, the browser and the test: an assertion may wait longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        var chromium = TestServices.Require("CHEFS_CHROMIUM");
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium saknas på {chromium}: kör testerna med infra/test.sh, som installerar den.");
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A laptop's screen, and a phone's (an iPhone 12–15 in CSS pixels).</summary>
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 }, Telefon = new() { Width = 390, Height = 844 };

    /// <summary>A fresh browser context (own cookies), optionally signed in as a demo user.</summary>
    public Task<IPage> NewPageAsync(string? kommunId = null, string? login = null) => NewPageAsync(null, kommunId, login);

    /// <summary>The same on a screen of this size, and without JavaScript when told: the portal works without it. Without
    /// it, the sign-in is done with script and its cookies carried over (waiting for the sign-in's redirect timed out
    /// without script on a busy machine), and the page opens at the start page as a sign-in leaves it.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? storlek, string? kommunId = null, string? login = null, bool skript = true)
    {
        string? inloggad = null;
        if (!skript && kommunId is not null && login is not null)
        {
            var inloggning = await NewPageAsync(storlek, kommunId, login);
            inloggad = await inloggning.Context.StorageStateAsync();
            await inloggning.Context.CloseAsync();
        }
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, Locale = "sv-SE", ViewportSize = storlek, JavaScriptEnabled = skript, StorageState = inloggad,
        });
        var page = await context.NewPageAsync();
        if (skript && kommunId is not null && login is not null) await SignInAsync(page, kommunId, login);
        else if (inloggad is not null) await page.GotoAsync("/");
        return page;
    }

    public static async Task SignInAsync(IPage page, string kommunId, string login)
    {
        await page.GotoAsync("/konto/logga-in");
        await page.GetByLabel("E-postadress").FillAsync(DemoSeeder.LoginFor(kommunId, login));
        await page.GetByLabel("Lösenord").FillAsync(DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        // Wait for the redirect to commit and then for the signed-in header, not for the "load" event: on a busy machine
        // Playwright once missed the start page's load after the redirect and waited out its 30 s (CI, stop 30).
        await page.WaitForURLAsync(url => !url.Contains("/konto/logga-in"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Runs axe with the WCAG 2.1 A and AA rules and fails with every violation named.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            // The only frame is the mail preview, sandboxed without scripts: axe cannot run inside it and would wait forever.
            Iframes = false,
        });
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}").ToList();
        Assert.True(problems.Count == 0, $"axe hittade {problems.Count} brister på {page.Url}:\n{string.Join("\n", problems)}");
    }

    /// <summary>Nothing is wider than the screen: the page never scrolls sideways (a wide table scrolls in its own box).</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        if (await TooWideAsync(page) is { } fel) Assert.Fail(fel);
    }

    /// <summary>How much too wide the page is, with the widest element that sticks out, or null when it fits.</summary>
    public static async Task<string?> TooWideAsync(IPage page)
    {
        var (bredd, skarm) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        if (bredd <= skarm) return null;
        var element = await page.EvaluateAsync<string>("""
            w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                     + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)').slice(-1)[0]
            """, skarm);
        return $"{new Uri(page.Url).PathAndQuery} är {bredd} px bred på en skärm som är {skarm} px: {element}";
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
