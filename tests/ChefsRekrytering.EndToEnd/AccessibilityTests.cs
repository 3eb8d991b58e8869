using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Chefsforsorjning;
using ChefsRekrytering.EndToEnd.Infrastructure;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Playwright;

namespace ChefsRekrytering.EndToEnd;

/// <summary>
/// Every page the portal serves, opened in a real browser by a user allowed to see it, at a laptop's and a phone's size,
/// scanned by axe for WCAG 2.1 AA. A new page without an entry here fails the test, so no page escapes the scan.
/// </summary>
public class AccessibilityTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private sealed record Visit(string? Kommun, string? Login, string[] Urls);

    /// <summary>
    /// Routes that answer with a file download, never HTML: nothing for axe to scan, and a browser navigating there
    /// starts a download instead of showing a page (the adverts' Atom feed is XML for feed readers, tested in Jobb/FlodeTests). Their access rules are tested in ChefsRekrytering.Tests (Documents/HamtaTests,
    /// Arkiv/UtlamnandeTests); the handed-out file is scanned on its own in ArkivJourneyTests.
    /// </summary>
    private static readonly string[] FileRoutes = ["dokument/{id:int}", "rekrytering/{id:int}/utlamnande", "jobb/flode/{kommun?}"];

    /// <summary>
    /// The code step of signing in answers only someone half-way through it (right password, app switched on): it is
    /// opened and scanned at both sizes, with its error, in TvastegJourneyTests.
    /// </summary>
    private static readonly string[] TwoStepRoutes = ["konto/verifiera"];

    private async Task<Dictionary<string, Visit>> VisitsAsync()
    {
        var adminId = await UserIdAsync("hr@alvsbyn.example");
        var mailId = await TestMailAsync("alvsbyn");
        var (rekryteringId, kandidatId) = await DemoRecruitmentAsync("kalix");
        var introduktionId = await IntroductionAsync("kalix");
        var arendeId = await WindDownCaseAsync("kalix");
        var intervju = await InterviewAsync();
        var jobbId = await new RekryteringBuilder(browser.Portal).AnnonseradAsync();
        var token = await ApplicationAsync(jobbId);
        var (chefId, socId) = await AkademiAsync();
        var (karinId, ar) = await LeadershipAsync();
        var iar = await AretsChefAsync();
        await AterkopplingAsync();
        await RoleRequestAsync();
        await PolicyversionerAsync();
        await PoolAsync();
        return new()
        {
            [""] = new(null, null, ["/"]),
            ["Index"] = new("kalix", "medarbetare", ["/"]),
            ["policy"] = new(null, null, ["/policy"]),
            ["policy/{kommun}"] = new("alvsbyn", "medarbetare", ["/policy/kalix", "/policy/alvsbyn", "/policy/ljusnarsberg", "/policy/vindeln", "/policy/vimmerby"]),
            ["konto/logga-in"] = new(null, null, ["/konto/logga-in"]),
            ["konto/glomt-losenord"] = new(null, null, ["/konto/glomt-losenord"]),
            ["konto/tvastegsverifiering"] = new("kalix", "medarbetare", ["/konto/tvastegsverifiering"]),
            ["konto/logga-ut"] = new("kalix", "medarbetare", ["/konto/logga-ut"]),
            ["konto/atkomst-nekad"] = new("kalix", "medarbetare", ["/konto/atkomst-nekad"]),
            ["fel/{kod:int?}"] = new(null, null, ["/fel", "/fel/404"]),
            ["jobb"] = new(null, null, ["/jobb", "/jobb?sprak=en"]), // English from here on for the applicant's pages (the cookie)
            ["jobb/{id:int}"] = new(null, null, [$"/jobb/{jobbId}", NotCurrentAdvert]),
            ["tillganglighet"] = new(null, null, ["/tillganglighet"]),
            ["personuppgifter"] = new(null, null, ["/personuppgifter"]),
            ["personuppgifter/{kommun}"] = new(null, null, ["/personuppgifter/kalix"]),
            ["ansokan/{token}"] = new(null, null, [$"/ansokan/{token}", $"/ansokan/{token}?sprak=sv"]),
            ["admin"] = new("alvsbyn", "admin", ["/admin"]),
            ["admin/anvandare"] = new("alvsbyn", "admin", ["/admin/anvandare"]),
            ["admin/anvandare/{id}"] = new("alvsbyn", "admin", [$"/admin/anvandare/{adminId}"]),
            ["admin/organisation"] = new("alvsbyn", "admin", ["/admin/organisation"]),
            ["admin/personalimport"] = new("alvsbyn", "admin", ["/admin/personalimport"]),
            ["admin/personalimport/kolumner"] = new("alvsbyn", "admin", ["/admin/personalimport/kolumner"]),
            ["admin/scim"] = new("alvsbyn", "admin", ["/admin/scim"]),
            ["admin/epost"] = new("alvsbyn", "admin", ["/admin/epost"]),
            ["portal/kommuner"] = new("kalix", "admin", ["/portal/kommuner"]), // Kalix admin is the demo portal administrator
            ["rekrytering"] = new("kalix", "hr", ["/rekrytering", "/rekrytering?fas=alla"]),
            ["introduktion"] = new("kalix", "hr", ["/introduktion"]),
            ["avveckling"] = new("kalix", "rekryterande", ["/avveckling"]),
            ["avveckling/{id:int}"] = new("kalix", "hr", [$"/avveckling/{arendeId}"]),
            ["introduktion/ny"] = new("kalix", "hr", ["/introduktion/ny"]),
            ["introduktion/{id:int}"] = new("kalix", "hr", [$"/introduktion/{introduktionId}"]),
            ["konto/valj-losenord"] = new(null, null, ["/konto/valj-losenord?id=x&token=y"]),
            ["rekrytering/ny"] = new("kalix", "hr", ["/rekrytering/ny"]),
            ["rekrytering/{id:int}"] = new("kalix", "hr", [$"/rekrytering/{rekryteringId}"]),
            ["rekrytering/{id:int}/kravprofil"] = new("kalix", "hr", [$"/rekrytering/{rekryteringId}/kravprofil"]),
            ["rekrytering/{id:int}/urvalsfragor"] = new("kalix", "hr", [$"/rekrytering/{rekryteringId}/urvalsfragor"]),
            ["rekrytering/{id:int}/intervjutider"] = new("kalix", "hr", [$"/rekrytering/{rekryteringId}/intervjutider"]),
            ["rekrytering/{id:int}/kandidater/{kandidatId:int}"] = new("kalix", "hr", [$"/rekrytering/{rekryteringId}/kandidater/{kandidatId}"]),
            ["admin/epost/{id:long}"] = new("alvsbyn", "admin", [$"/admin/epost/{mailId}"]),
            ["rekrytering/{id:int}/intervjuguide"] = new("kalix", IntervjuBuilder.Panel, [intervju.Guide]),
            ["rekrytering/{id:int}/kandidater/{kandidatId:int}/bedomning"] = new("kalix", IntervjuBuilder.Panel, [intervju.Bedomning(0), intervju.Bedomning(1)]),
            ["rekrytering/{id:int}/jamforelse"] = new("kalix", IntervjuBuilder.Agare, [intervju.Jamforelse]),
            // The board with applicants in the screening, and one in its interview phase.
            ["rekrytering/{id:int}/tavla"] = new("kalix", "hr", [$"/rekrytering/{rekryteringId}/tavla", $"/rekrytering/{intervju.Id}/tavla"]),
            ["rekrytering/{id:int}/kandidater/{kandidatId:int}/referenser"] = new("kalix", IntervjuBuilder.Agare, [intervju.Referenser(0)]),
            ["ledarakademin"] = new("kalix", "hr", ["/ledarakademin", $"/ledarakademin?enhet={socId}&steg=Kompetensutveckling&status=Saknas"]),
            ["ledarakademin/{personId:int}"] = new("kalix", "hr", [$"/ledarakademin/{chefId}"]),
            ["mitt-ledarskap"] = new("kalix", "rekryterande", ["/mitt-ledarskap"]),
            // Chefsförsörjning: Emma's own entry with its self-assessment, Karin's staff (Emma) to recommend, and HR's pool with
            // the open advert to invite to.
            ["chefsforsorjning"] = new("kalix", "medarbetare", ["/chefsforsorjning"]),
            ["chefsforsorjning/medarbetare"] = new("kalix", "chef", ["/chefsforsorjning/medarbetare"]),
            ["chefsforsorjning/pool"] = new("kalix", "hr", ["/chefsforsorjning/pool"]),
            // Seen by the närmast högre chef: the version in force with its re-assessment form, the draft to confirm, the history.
            ["uppdragskontrakt/{personId:int}"] = new("kalix", "rekryterande", [$"/uppdragskontrakt/{karinId}"]),
            ["sjalvskattning/{personId:int}"] = new("kalix", "chef", [$"/sjalvskattning/{karinId}"]),
            // This year's form with last year's ratings beside it, and last year's as read after the talk.
            ["sjalvskattning/{personId:int}/{ar:int}"] = new("kalix", "chef", [$"/sjalvskattning/{karinId}/{ar}", $"/sjalvskattning/{karinId}/{ar - 1}"]),
            // This year's nomination form, with the announcement of two years ago above it.
            ["arets-chef"] = new("kalix", "medarbetare", ["/arets-chef"]),
            ["arets-chef/kampanjer"] = new("kalix", "hr", ["/arets-chef/kampanjer"]),
            // Last year's jury at work: nominations, shortlist with scores, the decision form; the year before decided.
            ["arets-chef/{ar:int}/jury"] = new("kalix", "hr", [$"/arets-chef/{iar - 1}/jury", $"/arets-chef/{iar - 2}/jury"]),
            ["arets-chef/{ar:int}/statistik"] = new("kalix", "hr", [$"/arets-chef/{iar - 1}/statistik"]),
            ["arets-chef/{ar:int}"] = new("kalix", "medarbetare", [$"/arets-chef/{iar - 2}"]),
            ["arets-chef/{kommun}/{ar:int}"] = new(null, null, [$"/arets-chef/kalix/{iar - 2}"]),
            // Feedback from below: the answer form of the open round, the chef's result, HR's overview.
            ["aterkoppling"] = new("kalix", "medarbetare", ["/aterkoppling"]),
            ["aterkoppling/resultat"] = new("kalix", "chef", ["/aterkoppling/resultat"]),
            ["aterkoppling/oversikt"] = new("kalix", "hr", ["/aterkoppling/oversikt"]),
            ["rapporter"] = new("kalix", "hr", ["/rapporter", $"/rapporter?fran={ar}-01-01&till={ar}-06-30"]),
            // After the visits above have been logged: the newest reads, and a search by kind of record.
            ["granskning"] = new("kalix", "hr", ["/granskning", "/granskning?typ=Kandidat"]),
            ["registerutdrag"] = new("kalix", "hr", ["/registerutdrag"]),
            ["mina-uppgifter"] = new("kalix", "medarbetare", ["/mina-uppgifter"]),
            ["mina-uppgifter/mejl"] = new("kalix", "hr", ["/mina-uppgifter/mejl"]),
            ["behorigheter"] = new("kalix", "hr", ["/behorigheter"]),
            ["mallar"] = new("kalix", "hr", ["/mallar"]),
            ["mallar/{nyckel}"] = new("kalix", "hr", ["/mallar/besked-ej-aktuell", "/mallar/ansokan-mottagen.en"]),
            ["mallar/listor/{nyckel}"] = new("kalix", "hr", ["/mallar/listor/introduktion", "/mallar/listor/intervjufragor"]),
            ["mallar/avslag"] = new("kalix", "hr", ["/mallar/avslag"]),
            ["mallar/avslag/{nyckel}"] = new("kalix", "hr", ["/mallar/avslag/avslag-kravprofil"]),
            // Vimmerby's version 2 (one requirement reworded) and the draft of version 3.
            ["policy/{kommun}/versioner"] = new("vimmerby", "hr", ["/policy/vimmerby/versioner"]),
            ["policy/{kommun}/versioner/{nummer:int}"] = new(null, null, ["/policy/vimmerby/versioner/1"]),
            ["policy/{kommun}/jamfor"] = new(null, null, ["/policy/vimmerby/jamfor?fran=1&till=2"]),
            ["policy/{kommun}/versioner/{nummer:int}/paverkan"] = new("vimmerby", "hr", ["/policy/vimmerby/versioner/2/paverkan"]),
            ["policy/{kommun}/utkast"] = new("vimmerby", "hr", ["/policy/vimmerby/utkast"]),
        };
    }

    [Fact]
    public async Task VarjeSidaKlararWcag21AA()
    {
        var visits = await VisitsAsync();
        var routes = browser.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!).Distinct().Except(FileRoutes).Except(TwoStepRoutes).ToList();
        Assert.DoesNotContain(routes, r => !visits.ContainsKey(r));

        // Each page on a laptop and on a phone: axe at both sizes, and nothing wider than the screen.
        var (scanned, tooWide) = (0, new List<string>());
        foreach (var group in routes.Select(r => visits[r]).GroupBy(v => (v.Kommun, v.Login)))
        {
            var page = await browser.NewPageAsync(group.Key.Kommun, group.Key.Login);
            foreach (var storlek in new[] { BrowserPortal.Laptop, BrowserPortal.Telefon })
            {
                await page.SetViewportSizeAsync(storlek.Width, storlek.Height);
                foreach (var url in group.SelectMany(v => v.Urls).Distinct())
                {
                    var response = await page.GotoAsync(url);
                    var expected = url switch { "/fel/404" or NotCurrentAdvert => 404, "/konto/atkomst-nekad" => 403, _ => 200 };
                    Assert.True(response!.Status == expected, $"{url} gav {response.Status}, väntat {expected}");
                    await BrowserPortal.AssertAccessibleAsync(page);
                    if (await BrowserPortal.TooWideAsync(page) is { } fel) tooWide.Add(fel);
                    scanned++;
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(scanned >= 40, $"bara {scanned} sidor skannades");
        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }

    [Fact]
    public async Task FelmeddelandenIFormularKlararWcag()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/konto/logga-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i e-postadress.");
        await BrowserPortal.AssertAccessibleAsync(page);

        var admin = await browser.NewPageAsync("kalix", "admin");
        await admin.GotoAsync("/admin/organisation");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lägg till anställd" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i förnamn.");
        await BrowserPortal.AssertAccessibleAsync(admin);
    }

    /// <summary>A wind-down case about Karin Öberg with one action, so the plan, notes and HR's access log show; made
    /// through the case's commands, as HR would.</summary>
    private async Task<int> WindDownCaseAsync(string kommunId)
    {
        var hr = await PrincipalAsync(kommunId, "hr");
        int id;
        await using (var scope = browser.Portal.ScopeFor(kommunId, out var db))
        {
            var karin = await db.Personer.SingleAsync(p => p.Efternamn == "Öberg");
            var started = await scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Avvecklingar.AvvecklingService>()
                .StartaArendeAsync(new(karin.Id, false, "Bakgrund för tillgänglighetstestet."), hr);
            Assert.True(started.Succeeded, string.Join(" ", started.Result.Reasons));
            id = started.Value;
        }
        await using (var scope = browser.Portal.ScopeFor(kommunId, out var db))
        {
            var version = await db.Set<ChefsRekrytering.Avvecklingar.AvvecklingsArende>().Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
            var today = scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Avvecklingar.AvvecklingService>().Today;
            var added = await scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Avvecklingar.AvvecklingService>().LaggTillAtgardAsync(id, version,
                new("Coachning", "Anders Nilsson", today, today.AddDays(30), ArStod: true), hr);
            Assert.True(added.Succeeded, string.Join(" ", added.Reasons));
        }
        return id;
    }

    /// <summary>A demo account as signed in, with the claims the portal gives it, for calling a feature's commands.</summary>
    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(string kommunId, string login)
    {
        await using var scope = browser.Portal.ScopeFor(kommunId, out _);
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync($"{login}@{kommunId}.example"))!;
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
    }

    /// <summary>An introduction for Karin Öberg, started, so its checklist and actions show.</summary>
    private async Task<int> IntroductionAsync(string kommunId)
    {
        await using var scope = browser.Portal.ScopeFor(kommunId, out var db);
        var karin = await db.Personer.SingleAsync(p => p.Efternamn == "Öberg");
        var intro = await scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Introduktioner.IntroduktionService>()
            .CreateAsync(karin, "Enhetschef hemtjänst", DateOnly.FromDateTime(DateTime.UtcNow), null, "Anders Nilsson", null);
        await db.SaveChangesAsync();
        return intro.Id;
    }

    [Fact]
    public async Task LedarakademinForChefOchMedFelKlararWcag()
    {
        var (chefId, _) = await AkademiAsync();
        // Anders Nilsson: his own track and the table of the managers he is närmast högre chef for.
        var page = await browser.NewPageAsync("kalix", "rekryterande");
        await page.GotoAsync("/ledarakademin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chefer du är närmast högre chef för" })).ToBeVisibleAsync();
        await BrowserPortal.AssertAccessibleAsync(page);

        var hr = await browser.NewPageAsync("kalix", "hr");
        await hr.GotoAsync($"/ledarakademin/{chefId}");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Registrera aktiviteten" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fyll i typ av aktivitet.");
        await BrowserPortal.AssertAccessibleAsync(hr);
    }

    /// <summary>A Kalix manager with activities and a knowledge transfer under way, so the track page shows every part;
    /// and Socialförvaltningen's id for a filtered overview. Recorded through the track's commands, as HR would.</summary>
    private async Task<(int Chef, int Soc)> AkademiAsync()
    {
        var hr = await PrincipalAsync("kalix", "hr");
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        var chef = await db.Personer.SingleAsync(p => p.Epost == "per.sandberg@kalix.example");
        var soc = await db.Enheter.Where(e => e.Namn == "Socialförvaltningen").Select(e => e.Id).SingleAsync();
        if (await db.Set<Utvecklingsaktivitet>().AnyAsync(a => a.PersonId == chef.Id)) return (chef.Id, soc);
        var service = scope.ServiceProvider.GetRequiredService<LedarakademinService>();
        var today = service.Today;
        foreach (var command in new Func<Task<CommandResult>>[]
                 {
                     () => service.RegistreraAktivitetAsync(chef.Id, new(AktivitetTyp.Medarbetarsamtal, today, null), hr),
                     () => service.RegistreraAktivitetAsync(chef.Id, new(AktivitetTyp.Natverk, today, "Kommunövergripande chefsnätverk"), hr),
                     () => service.StartaKompetensvaxlingAsync(chef.Id, today.AddDays(45), "Ny tjänst i annan kommun", hr),
                     async () => await service.MarkeraOverlamnatAsync(chef.Id, await db.Set<KompetensvaxlingPunkt>()
                         .Where(p => db.Set<Kompetensvaxling>().Any(k => k.Id == p.KompetensvaxlingId && k.PersonId == chef.Id))
                         .OrderBy(p => p.Ordning).Select(p => p.Id).FirstAsync(), true, hr),
                 })
        {
            var result = await command();
            Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        }
        return (chef.Id, soc);
    }

    /// <summary>The advertised demo recruitment and one of its applicants.</summary>
    private async Task<(int Rekrytering, int Kandidat)> DemoRecruitmentAsync(string kommunId)
    {
        await using var scope = browser.Portal.ScopeFor(kommunId, out var db);
        var k = await db.Set<ChefsRekrytering.Rekryteringar.Kandidat>().OrderBy(k => k.Id).FirstAsync();
        return (k.RekryteringId, k.Id);
    }

    [Fact]
    public async Task BedomningMedFelKlararWcag()
    {
        var intervju = await new IntervjuBuilder(browser.Portal).BuildAsync();
        var page = await browser.NewPageAsync("kalix", IntervjuBuilder.Panel);
        await page.GotoAsync(intervju.Bedomning());
        await page.Locator("main").GetByRole(AriaRole.Group).First.GetByRole(AriaRole.Radio, new() { Name = "4 – God" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara bedömningen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Välj en poäng från 1 till 5 för kompetens 2");
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Group).First.GetByRole(AriaRole.Radio, new() { Name = "4 – God" })).ToBeCheckedAsync();
        await BrowserPortal.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SjalvskattningMedOskattadeKravKlararWcag()
    {
        var (karinId, ar) = await LeadershipAsync();
        var page = await browser.NewPageAsync("kalix", "chef");
        await page.GotoAsync($"/sjalvskattning/{karinId}/{ar}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lämna in inför samtalet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Alla krav är inte skattade");
        await Assertions.Expect(page.Locator("main").GetByRole(AriaRole.Group).First.GetByRole(AriaRole.Radio, new() { Name = "Väl" })).ToBeCheckedAsync();
        await BrowserPortal.AssertAccessibleAsync(page);
    }

    /// <summary>
    /// Karin Öberg's leadership records with something in every part of the pages: contract version 1 in force and
    /// re-assessed, version 2 drafted and confirmed by her; last year's self-assessment discussed, this year's begun.
    /// Made through the pages' commands, by Karin and her närmast högre chef Anders Nilsson (last year's self-assessment,
    /// which no command can date back, is written as it was left). Built once; later calls find it.
    /// </summary>
    private async Task<(int KarinId, int Ar)> LeadershipAsync()
    {
        int karinId, ar;
        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
        {
            karinId = await db.Personer.Where(p => p.Epost == "chef@kalix.example").Select(p => p.Id).SingleAsync();
            ar = scope.ServiceProvider.GetRequiredService<SjalvskattningService>().Iar;
            if (await db.Set<Sjalvskattning>().AnyAsync(s => s.ChefPersonId == karinId)) return (karinId, ar);
        }
        var (karin, anders) = (await PrincipalAsync("kalix", "chef"), await PrincipalAsync("kalix", "rekryterande"));
        var innehall = new KontraktInnehall("Hemtjänst Centrum: verksamhet, personal, budget och arbetsmiljö.",
            "Ny planering av turerna.\nIntroduktion av två nya samordnare.", "Budget i balans; sjukfrånvaron under 6 procent.", "Månatlig avstämning med förvaltningschefen.", ["verksamhet-1", "social-2"]);
        await KontraktAsync(karinId, (service, version) => service.SparaUtkastAsync(karinId, version, innehall, null, anders));
        await KontraktAsync(karinId, (service, version) => service.BekraftaAsync(karinId, version, KontraktSida.Chef, karin));
        await KontraktAsync(karinId, (service, version) => service.BekraftaAsync(karinId, version, KontraktSida.Uppdragsgivare, anders));
        await KontraktAsync(karinId, (service, version) => service.RegistreraOmprovningAsync(karinId, version, new(service.Today, "Målen är nådda.", OmprovningsUtfall.FortsatterGalla), anders));
        await KontraktAsync(karinId, (service, _) => service.SparaUtkastAsync(karinId, Guid.Empty, innehall with { Resultatkrav = "Budget i balans; sjukfrånvaron under 5 procent." }, null, anders));
        await KontraktAsync(karinId, (service, version) => service.BekraftaAsync(karinId, version, KontraktSida.Chef, karin));

        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
        {
            var person = await db.Personer.SingleAsync(p => p.Id == karinId);
            var forra = Sjalvskattning.For(person, ar - 1, scope.ServiceProvider.GetRequiredService<PolicyLibrary>().Get("kalix"), db.UtcNow.AddYears(-1));
            foreach (var r in forra.Rader) r.Betyg = (Betyg)(r.Ordning % 4 + 1);
            (forra.State, forra.SamtalKommentar, forra.DiskuteradAv, forra.DiskuteradUtc) = (SjalvskattningTillstand.Diskuterad, "Stark i dialogen.", "Anders Nilsson", db.UtcNow.AddYears(-1));
            db.Add(forra);
            await db.SaveChangesAsync();
        }
        await using (var scope = browser.Portal.ScopeFor("kalix", out var db))
        {
            var service = scope.ServiceProvider.GetRequiredService<SjalvskattningService>();
            Assert.True((await service.PaborjaAsync(karinId, karin)).Succeeded);
            var iar = await db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader).SingleAsync(s => s.ChefPersonId == karinId && s.Ar == ar);
            var first = iar.Ordnade.First();
            Assert.True((await service.SparaUtkastAsync(karinId, ar, iar.Version, [new Skattning(first.KravId, Betyg.Val, null)], karin)).Succeeded);
        }
        return (karinId, ar);
    }

    /// <summary>One command on Karin's contract, in a scope of its own as a request would be, with the version of her latest
    /// contract as the page's form carries it; it must succeed.</summary>
    private async Task KontraktAsync(int karinId, Func<UppdragskontraktService, Guid, Task<CommandResult>> command)
    {
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        var version = await db.Set<Uppdragskontrakt>().Where(k => k.ChefPersonId == karinId).OrderByDescending(k => k.Versionsnummer)
            .Select(k => k.Version).FirstOrDefaultAsync();
        var result = await command(scope.ServiceProvider.GetRequiredService<UppdragskontraktService>(), version);
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
    }

    /// <summary>
    /// A recruitment in the interview phase with interviewed candidates: one scored by owner and panel, with a reference,
    /// so the comparison and reference pages show their tables and lists.
    /// </summary>
    private async Task<Intervju> InterviewAsync()
    {
        var intervju = await new IntervjuBuilder(browser.Portal).MedKandidaterILaget(KandidatTillstand.Intervjuad).BuildAsync();
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        var r = (await scope.ServiceProvider.GetRequiredService<RekryteringService>().LoadAsync(intervju.Id))!;
        var k = r.Kandidater.Single(x => x.Id == intervju.KandidatIds[0]);
        foreach (var (userId, poang) in new[] { (intervju.AgareUserId, 4), (intervju.PanelUserId, 3) })
        {
            var rader = intervju.KompetensIds.Select(id => new Poangsattning(id, poang, "Tydliga exempel med resultat.")).ToList();
            Assert.Empty(await Bedomningar.SparaAsync(db, k, r.GallandeKravprofil!, new Actor(userId, "Intervjuare"), rader));
        }
        k.Referenser.Add(new Referens
        {
            KommunId = "kalix", Namn = "Greta Gran", Relation = "Närmaste chef 2019–2024", Kontakt = "070-123 45 67",
            Anteckningar = "Tydlig i förändringsarbete.", TagenUtc = db.UtcNow, TagenAv = "Anders Nilsson",
        });
        await db.SaveChangesAsync();
        return intervju;
    }

    /// <summary>An advert that does not exist: the friendly "no longer current" page, answered with 404.</summary>
    private const string NotCurrentAdvert = "/jobb/999999";

    /// <summary>An application with a CV to the advert, so the applicant's own page has something to show; its private token.</summary>
    private async Task<string> ApplicationAsync(int rekryteringId)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AnsokanService>().SubmitAsync(rekryteringId,
            new NyAnsokan("Åsa", "Öberg", "asa.oberg@example.se", "070-123 45 67", new AnsokanFil("cv.pdf", new MemoryStream(TestFiles.Pdf())), null),
            token => $"{browser.BaseUrl}/ansokan/{token}");
        return result.Token ?? throw new InvalidOperationException(string.Join(" ", result.Fel.Select(f => f.Text)));
    }

    /// <summary>
    /// Årets chef in Kalix in three years: two years ago announced (and public), last year with the jury (nominations,
    /// a shortlist with scores), this year open for nomination. Returns this year.
    /// </summary>
    private async Task<int> AretsChefAsync()
    {
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        var service = scope.ServiceProvider.GetRequiredService<AretsChefService>();
        var iar = service.Today.Year;
        if (await db.Set<Kampanj>().AnyAsync()) return iar;
        var people = await db.Personer.ToDictionaryAsync(p => p.Epost, p => p.Id);
        int Id(string login) => people[$"{login}@kalix.example"];
        var oskar = await db.Users.SingleAsync(u => u.Email == "jury@kalix.example");

        var forra = new Kampanj { KommunId = "kalix", Ar = iar - 2, State = KampanjTillstand.Tillkannagiven, Oppnar = service.Today.AddYears(-2),
            SistaDag = service.Today.AddYears(-2).AddDays(14), Offentlig = true, VinnarePersonId = Id("rekryterande"), VinnareNamn = "Anders Nilsson",
            VinnareEnhet = "Socialförvaltningen", Motivering = "Anders leder förändring med tillit.\nHan lyssnar och agerar.", BeslutadAv = "Oskar Marklund",
            BeslutadUtc = db.UtcNow.AddYears(-2), TillkannagivenUtc = db.UtcNow.AddYears(-2) };
        var fjol = new Kampanj { KommunId = "kalix", Ar = iar - 1, State = KampanjTillstand.Juryarbete, Oppnar = service.Today.AddYears(-1),
            SistaDag = service.Today.AddYears(-1).AddDays(14) };
        db.AddRange(forra, fjol);
        await db.SaveChangesAsync();
        foreach (var (nominator, chef, text) in new[] { ("medarbetare", "chef", "Karin ser alla."), ("jury", "chef", "Tryggt och tydligt."), ("hr", "rekryterande", "Lyfter chefsgruppen.") })
            db.Add(new Nominering { KommunId = "kalix", KampanjId = fjol.Id, NominatorPersonId = Id(nominator), ChefPersonId = Id(chef), SkapadUtc = db.UtcNow, AndradUtc = db.UtcNow,
                Motiveringar = [new("resultat", "Goda arbetsinsatser och resultat", text), new("arbetsklimat", "Ett positivt och tryggt arbetsklimat", text)] });
        fjol.Kortlista.Add(new Kortlistad { KommunId = "kalix", ChefPersonId = Id("chef"), TillagdAv = "Oskar Marklund" });
        fjol.Bedomningar.Add(new JuryBedomning { KommunId = "kalix", ChefPersonId = Id("chef"), JurorUserId = oskar.Id, JurorNamn = oskar.Namn, Poang = 5, Anteckning = "Starkast motiverad." });
        await db.SaveChangesAsync();
        // This year's as HR creates it and the scheduler opens it.
        var hr = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(Konton.PortalClaims.Kommun, "kalix"),
            new(System.Security.Claims.ClaimTypes.Role, Konton.Roller.HR), new(Konton.PortalClaims.Namn, "HR")], "test"));
        Assert.True((await service.SkapaKampanjAsync(new(iar, service.Today, service.Today.AddDays(14), false, false), hr)).Succeeded);
        Assert.True((await service.OppnaAsync(iar)).Succeeded);
        return iar;
    }

    /// <summary>This year's feedback from below open in Kalix, so /aterkoppling shows its form.</summary>
    private async Task AterkopplingAsync()
    {
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        if (await db.Set<Aterkoppling.Aterkopplingsomgang>().AnyAsync()) return;
        var service = scope.ServiceProvider.GetRequiredService<Aterkoppling.AterkopplingService>();
        var hr = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(Konton.PortalClaims.Kommun, "kalix"),
            new(System.Security.Claims.ClaimTypes.Role, Konton.Roller.HR), new(Konton.PortalClaims.Namn, "HR")], "test"));
        Assert.True((await service.OppnaAsync(service.Today.Year, service.Today.AddDays(14), hr)).Succeeded);
    }

    /// <summary>A sent test mail, so the mail pages have something to show.</summary>
    private async Task<long> TestMailAsync(string kommunId)
    {
        await using (var scope = browser.Portal.ScopeFor(kommunId, out var db))
        {
            await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync<Testmejl, Testmejl.Innehall>(
                new MailRecipient($"admin@{kommunId}.example", "Admin"), "Testmejl från ChefsRekrytering",
                new Testmejl.Innehall("Admin", null, db.UtcNow), topic: "Testmejl", kommunId: null);
            await db.SaveChangesAsync();
        }
        await browser.Portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        await using var read = browser.Portal.ScopeFor(kommunId, out var db2);
        return await db2.Set<OutboxMessage>().Select(m => m.Id).MaxAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        // Accounts are read through their municipality's filter; the demo address names it.
        await using var scope = browser.Portal.ScopeFor(email.Split('@')[1].Split('.')[0], out _);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>A role waiting for a second person, so the page shows its table and buttons.</summary>
    /// <summary>Vimmerby's HR publishes version 2 with its first requirement reworded, and opens the draft of version 3.</summary>
    /// <summary>Emma's entry in the internal pool, every requirement rated, as her own command makes it.</summary>
    private async Task PoolAsync()
    {
        var data = new Testdata(browser.Portal);
        var emma = await data.PersonIdAsync("medarbetare");
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        if (await db.Set<Intresseanmalan>().AnyAsync(a => a.PersonId == emma)) return;
        var krav = scope.ServiceProvider.GetRequiredService<PolicyLibrary>().Get("kalix").AllaKrav.Select(k => (k.Id, (Betyg?)Betyg.Val)).ToList();
        var result = await scope.ServiceProvider.GetRequiredService<ChefsforsorjningService>()
            .SparaAsync(new Anmalan(emma, true, "Enhetschef inom hemtjänsten.", krav), data.Roll(Roller.Medarbetare, personId: emma));
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
    }

    private async Task PolicyversionerAsync()
    {
        var hr = await PrincipalAsync("vimmerby", "hr");
        async Task<T> I<T>(Func<Policies.PolicyService, Task<T>> steg)
        {
            await using var scope = browser.Portal.ScopeFor("vimmerby", out _);
            return await steg(scope.ServiceProvider.GetRequiredService<Policies.PolicyService>());
        }
        Assert.True((await I(s => s.NyttUtkastAsync("vimmerby", hr))).Succeeded);
        var utkast = (await I(s => s.UtkastAsync("vimmerby", hr)))!;
        utkast.Innehall.Kompetensomraden[0].Krav[0].Text += " Det gäller även i digitala möten.";
        var publicerad = await I(s => s.PubliceraAsync("vimmerby", utkast.Version, utkast.Innehall,
            new("Kommunfullmäktige", new DateOnly(2026, 11, 23), "§ 112", null, null, "Digitala möten."), hr));
        Assert.True(publicerad.Succeeded, string.Join(" ", publicerad.Result.Reasons));
        Assert.True((await I(s => s.NyttUtkastAsync("vimmerby", hr))).Succeeded);
    }

    private async Task RoleRequestAsync()
    {
        var (juryId, adminId) = (await UserIdAsync("jury@kalix.example"), await UserIdAsync("admin@kalix.example"));
        await using var scope = browser.Portal.ScopeFor("kalix", out var db);
        db.Add(new Rollbegaran
        {
            KommunId = "kalix", UserId = juryId, Namn = "Oskar Marklund", Roll = Roller.HR, BegardAvUserId = adminId, BegardAv = "Nils Eriksson", BegardUtc = db.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
