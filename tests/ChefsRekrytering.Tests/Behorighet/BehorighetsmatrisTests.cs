using ChefsRekrytering.Workflows;
using ChefsRekrytering.Policies;
using System.Net;
using System.Reflection;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChefsRekrytering.Tests.Behorighet;

/// <summary>
/// Every page and every POST handler, for every kind of user and relation (own and other's recruitment, own and
/// other's case, another municipality), against the rule written here. A page without a rule fails the test; so does
/// any user who gets in where the rule says no (a leak), or is kept out where it says yes.
/// </summary>
public class BehorighetsmatrisTests(SqlitePortal portal, ITestOutputHelper output) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    // The users: Kalix unless the name says Älvsbyn. Karin (chef) leads Hemtjänst; Anders (rekryterande) is her närmast
    // högre chef and owns recruitment A; Oskar (jury) sits on A's panel; Maria (kommunchef) owns recruitment B.
    private static readonly string[] Actors = ["anonym", "medarbetare", "chef", "rekryterande", "kommunchef", "hr", "jury", "admin", "alvsbyn:hr", "alvsbyn:admin"];
    private static readonly string[] SignedIn = Actors[1..];
    private static readonly string[] ChefPolicy = ["chef", "rekryterande", "kommunchef", "hr", "alvsbyn:hr"];
    private static readonly string[] RecruitmentA = ["rekryterande", "hr", "jury"];
    private static readonly string[] RecruitmentB = ["kommunchef", "hr"];
    private static readonly string[] KarinsRecords = ["chef", "rekryterande", "hr"];
    private static readonly string[] HrOnly = ["hr", "alvsbyn:hr"];

    private sealed record Rule(string Route, string[] Urls, string[] Allowed);

    [Fact]
    public async Task IngenKommerInDarReglenSagerNejOchAllaSomFarKommerIn()
    {
        var d = await DataAsync();
        // A draft of Kalix's next policy version, for its editor.
        Assert.True((await data.KommandoAsync<PolicyService, CommandResult>(async s => await s.NyttUtkastAsync("kalix", await data.PrincipalAsync("hr")))).Succeeded);
        var rules = new Rule[]
        {
            new("", ["/"], Actors), new("Index", ["/"], Actors),
            new("policy", ["/policy"], Actors), new("policy/{kommun}", ["/policy/kalix"], Actors),
            new("policy/{kommun}/versioner", ["/policy/kalix/versioner"], Actors),
            new("policy/{kommun}/jamfor", ["/policy/kalix/jamfor"], Actors),
            new("policy/{kommun}/versioner/{nummer:int}", ["/policy/kalix/versioner/1"], Actors),
            new("policy/{kommun}/versioner/{nummer:int}/paverkan", ["/policy/kalix/versioner/1/paverkan"], ["hr", "admin"]),
            new("policy/{kommun}/utkast", ["/policy/kalix/utkast"], ["hr", "admin"]),
            new("konto/logga-in", ["/konto/logga-in"], Actors), new("konto/logga-ut", ["/konto/logga-ut"], Actors),
            new("konto/atkomst-nekad", ["/konto/atkomst-nekad"], []), // the refusal page itself: 403 for all, by design
            new("konto/valj-losenord", ["/konto/valj-losenord?id=x&token=y"], Actors),
            new("konto/glomt-losenord", ["/konto/glomt-losenord"], Actors),
            // The code step answers only someone half-way through signing in: nobody here is, so everyone is sent back.
            new("konto/verifiera", ["/konto/verifiera"], []),
            new("konto/tvastegsverifiering", ["/konto/tvastegsverifiering"], SignedIn),
            new("fel/{kod:int?}", ["/fel"], Actors),
            new("jobb", ["/jobb"], Actors), new("jobb/{id:int}", [$"/jobb/{d.RekA}"], Actors), new("ansokan/{token}", [$"/ansokan/{d.Token}"], Actors),
            new("jobb/flode/{kommun?}", ["/jobb/flode", "/jobb/flode/kalix"], Actors),
            new("tillganglighet", ["/tillganglighet"], Actors),
            new("personuppgifter", ["/personuppgifter"], Actors), new("personuppgifter/{kommun}", ["/personuppgifter/kalix"], Actors),
            new("admin", ["/admin"], ["admin", "alvsbyn:admin"]), new("admin/anvandare", ["/admin/anvandare"], ["admin", "alvsbyn:admin"]),
            new("admin/organisation", ["/admin/organisation"], ["admin", "alvsbyn:admin"]), new("admin/epost", ["/admin/epost"], ["admin", "alvsbyn:admin"]),
            new("admin/scim", ["/admin/scim"], ["admin", "alvsbyn:admin"]),
            // Kalix admin is also the portal administrator (demo); Älvsbyn admin and every HR are not.
            new("portal/kommuner", ["/portal/kommuner"], ["admin"]),
            new("admin/personalimport", ["/admin/personalimport"], ["admin", "alvsbyn:admin"]),
            new("admin/personalimport/kolumner", ["/admin/personalimport/kolumner"], ["admin", "alvsbyn:admin"]),
            new("admin/anvandare/{id}", [$"/admin/anvandare/{d.KalixHrUserId}"], ["admin"]), new("admin/epost/{id:long}", [$"/admin/epost/{d.MailId}"], ["admin"]),
            new("rekrytering", ["/rekrytering"], SignedIn), new("rekrytering/ny", ["/rekrytering/ny"], ["rekryterande", "hr", "alvsbyn:hr"]),
            new("rekrytering/{id:int}", [$"/rekrytering/{d.RekA}"], RecruitmentA),
            new("rekrytering/{id:int}/kravprofil", [$"/rekrytering/{d.RekA}/kravprofil"], RecruitmentA),
            new("rekrytering/{id:int}/urvalsfragor", [$"/rekrytering/{d.RekA}/urvalsfragor"], RecruitmentA),
            new("rekrytering/{id:int}/intervjuguide", [$"/rekrytering/{d.RekA}/intervjuguide"], RecruitmentA),
            new("rekrytering/{id:int}/intervjutider", [$"/rekrytering/{d.RekA}/intervjutider"], RecruitmentA),
            new("rekrytering/{id:int}/jamforelse", [$"/rekrytering/{d.RekA}/jamforelse"], RecruitmentA),
            new("rekrytering/{id:int}/tavla", [$"/rekrytering/{d.RekA}/tavla"], RecruitmentA),
            new("rekrytering/{id:int}/kandidater/{kandidatId:int}", [$"/rekrytering/{d.RekA}/kandidater/{d.CandA}"], RecruitmentA),
            new("rekrytering/{id:int}/kandidater/{kandidatId:int}/bedomning", [$"/rekrytering/{d.RekA}/kandidater/{d.CandA}/bedomning"], RecruitmentA),
            new("rekrytering/{id:int}/kandidater/{kandidatId:int}/referenser", [$"/rekrytering/{d.RekA}/kandidater/{d.CandA}/referenser"], RecruitmentA),
            new("dokument/{id:int}", [$"/dokument/{d.DocA}"], RecruitmentA),
            // Someone else's recruitment: the recruiting manager and the panel member of A are outsiders here.
            new("rekrytering/{id:int}#B", [$"/rekrytering/{d.RekB}"], RecruitmentB),
            new("rekrytering/{id:int}/kandidater/{kandidatId:int}#B", [$"/rekrytering/{d.RekB}/kandidater/{d.CandB}"], RecruitmentB),
            new("dokument/{id:int}#B", [$"/dokument/{d.DocB}"], RecruitmentB),
            new("introduktion", ["/introduktion"], SignedIn), new("introduktion/ny", ["/introduktion/ny"], ["hr", "alvsbyn:hr"]),
            new("introduktion/{id:int}", [$"/introduktion/{d.IntroA}"], KarinsRecords),
            new("avveckling", ["/avveckling"], ChefPolicy),
            new("avveckling/{id:int}", [$"/avveckling/{d.CaseA}"], KarinsRecords),
            // Someone else's case: Johan's närmast högre chef has no account, so only HR.
            new("avveckling/{id:int}#B", [$"/avveckling/{d.CaseB}"], ["hr"]),
            new("ledarakademin", ["/ledarakademin"], ChefPolicy), new("ledarakademin/{personId:int}", [$"/ledarakademin/{d.Karin}"], KarinsRecords),
            new("mitt-ledarskap", ["/mitt-ledarskap"], ChefPolicy),
            // Chefsförsörjning: everyone's own entry and own staff's entries (the service decides whose); the pool is HR's.
            new("chefsforsorjning", ["/chefsforsorjning"], SignedIn), new("chefsforsorjning/medarbetare", ["/chefsforsorjning/medarbetare"], SignedIn),
            new("chefsforsorjning/pool", ["/chefsforsorjning/pool"], HrOnly),
            new("uppdragskontrakt/{personId:int}", [$"/uppdragskontrakt/{d.Karin}"], KarinsRecords),
            new("sjalvskattning/{personId:int}", [$"/sjalvskattning/{d.Karin}"], KarinsRecords),
            new("sjalvskattning/{personId:int}/{ar:int}", [$"/sjalvskattning/{d.Karin}/{d.Year}"], KarinsRecords),
            // Årets chef: a decided year the jury and HR work on (HR and Admin may publish it), and an announced public one.
            new("arets-chef", ["/arets-chef"], SignedIn), new("arets-chef/kampanjer", ["/arets-chef/kampanjer"], ["hr", "alvsbyn:hr"]),
            new("arets-chef/{ar:int}/jury", [$"/arets-chef/{d.Beslutad}/jury"], ["hr", "jury"]),
            new("arets-chef/{ar:int}/statistik", [$"/arets-chef/{d.Beslutad}/statistik"], ["hr"]),
            new("arets-chef/{ar:int}", [$"/arets-chef/{d.Beslutad}"], ["hr", "admin"]),
            new("arets-chef/{ar:int}#tillkannagiven", [$"/arets-chef/{d.Tillkannagiven}"], SignedIn.Where(a => !a.StartsWith("alvsbyn")).ToArray()),
            new("arets-chef/{kommun}/{ar:int}", [$"/arets-chef/kalix/{d.Tillkannagiven}"], Actors),
            // Feedback from below: everyone answers and reads their own result; a chef's result is the chef's and HR's; the overview HR's.
            new("aterkoppling", ["/aterkoppling"], SignedIn), new("aterkoppling/resultat", ["/aterkoppling/resultat"], SignedIn),
            new("aterkoppling/resultat#chef", [$"/aterkoppling/resultat?chef={d.Karin}"], ["chef", "hr"]),
            new("aterkoppling/oversikt", ["/aterkoppling/oversikt"], HrOnly),
            // Records and privacy: HR's alone; the public-record file of a recruitment is its own municipality's HR's. The
            // reports also the leadership's: Maria leads the kommunledning, Anders the socialförvaltning.
            new("rapporter", ["/rapporter", "/rapporter?handler=csv&tabell=sammanfattning"], ["kommunchef", "rekryterande", .. HrOnly]),
            new("granskning", ["/granskning"], HrOnly),
            new("registerutdrag", ["/registerutdrag"], HrOnly),
            // Everyone's own extract; the roles that need a second person and Admin's changes, for HR and Admin.
            new("mina-uppgifter", ["/mina-uppgifter"], SignedIn),
            new("mina-uppgifter/mejl", ["/mina-uppgifter/mejl"], SignedIn),
            new("behorigheter", ["/behorigheter"], ["hr", "admin", "alvsbyn:hr", "alvsbyn:admin"]),
            new("mallar", ["/mallar"], ["hr", "admin", "alvsbyn:hr", "alvsbyn:admin"]),
            new("mallar/{nyckel}", ["/mallar/besked-ej-aktuell"], ["hr", "admin", "alvsbyn:hr", "alvsbyn:admin"]),
            new("mallar/avslag", ["/mallar/avslag"], ["hr", "admin", "alvsbyn:hr", "alvsbyn:admin"]),
            new("mallar/avslag/{nyckel}", ["/mallar/avslag/avslag-kravprofil"], ["hr", "admin", "alvsbyn:hr", "alvsbyn:admin"]),
            new("mallar/listor/{nyckel}", ["/mallar/listor/introduktion", "/mallar/listor/arets-chef-kriterier"], ["hr", "admin", "alvsbyn:hr", "alvsbyn:admin"]),
            new("rekrytering/{id:int}/utlamnande", [$"/rekrytering/{d.RekA}/utlamnande", $"/rekrytering/{d.RekB}/utlamnande"], ["hr"]),
        };

        var pages = Pages();
        var withoutRule = pages.Keys.Where(route => !rules.Any(r => r.Route.Split('#')[0] == route)).ToList();
        Assert.True(withoutRule.Count == 0, "Sidor utan regel här: " + string.Join(", ", withoutRule));

        var clients = new Dictionary<string, PortalClient>();
        foreach (var actor in Actors)
            clients[actor] = actor == "anonym" ? PortalClient.For(portal)
                : await data.I(actor.Contains(':') ? actor.Split(':')[0] : "kalix").InloggadAsync(actor.Split(':').Last());

        var leaks = new List<string>();
        var refusedWrongly = new List<string>();
        var tried = 0;
        foreach (var rule in rules)
        {
            var handlers = pages[rule.Route.Split('#')[0]];
            foreach (var url in rule.Urls)
                foreach (var actor in Actors)
                {
                    var allowed = rule.Allowed.Contains(actor);
                    var get = await clients[actor].GetAsync(url);
                    tried++;
                    var denied = IsDenied(get, actor);
                    if (!allowed && !denied) leaks.Add($"GET {url} som {actor}: {(int)get.StatusCode}");
                    if (allowed && (denied || (int)get.StatusCode >= 500)) refusedWrongly.Add($"GET {url} som {actor}: {(int)get.StatusCode}");

                    // Every POST handler of the page, by everyone the rule keeps out: with a valid antiforgery token
                    // (from a page they may see), so the refusal comes from authorization, not from a missing token.
                    if (allowed) continue;
                    foreach (var handler in handlers)
                    {
                        var target = handler.Length == 0 ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
                        var post = await clients[actor].PostFormAsync(target, new() { ["Version"] = Guid.NewGuid().ToString(), ["trigger"] = "0" }, formPage: "/konto/logga-in");
                        tried++;
                        if (!IsDenied(post, actor)) leaks.Add($"POST {target} som {actor}: {(int)post.StatusCode}");
                    }
                }
        }
        output.WriteLine($"{tried} förfrågningar prövade, {leaks.Count} läckor, {refusedWrongly.Count} felaktigt nekade.");
        Assert.True(leaks.Count == 0, "Läckor:\n" + string.Join("\n", leaks));
        Assert.True(refusedWrongly.Count == 0, "Nekade trots regeln:\n" + string.Join("\n", refusedWrongly));
        Assert.True(tried > 500, $"bara {tried} förfrågningar");
    }

    /// <summary>Kept out: sent to sign in, to "access denied", or told the thing does not exist.</summary>
    private static bool IsDenied(HttpResponseMessage response, string actor) => response.StatusCode switch
    {
        HttpStatusCode.NotFound or HttpStatusCode.Forbidden => true,
        HttpStatusCode.Redirect => response.Headers.Location is { } to && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString) is var path
            && (path.StartsWith("/konto/logga-in") || path.StartsWith("/konto/atkomst-nekad")),
        _ => false,
    };

    /// <summary>Every page route and the names of its POST handlers ("" for OnPost), from the running app.</summary>
    private Dictionary<string, string[]> Pages() => portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .GroupBy(e => e.RoutePattern.RawText!)
        .ToDictionary(g => g.Key, g =>
        {
            var model = g.First().Metadata.GetMetadata<PageActionDescriptor>() switch
            {
                CompiledPageActionDescriptor c => c.HandlerTypeInfo.AsType(),
                _ => throw new InvalidOperationException($"{g.Key}: sidan är inte kompilerad"),
            };
            return model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => m.Name).Where(n => n.StartsWith("OnPost"))
                .Select(n => n["OnPost".Length..].Replace("Async", "")).Distinct().ToArray();
        });

    private sealed record Data(int RekA, int CandA, int DocA, int RekB, int CandB, int DocB, string Token, string KalixHrUserId, long MailId,
        int IntroA, int CaseA, int CaseB, int Karin, int Year, int Beslutad, int Tillkannagiven);

    private async Task<Data> DataAsync()
    {
        int rekA, candA, docA, rekB, candB, docB;
        long mailId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var services = scope.ServiceProvider;
            var a = await db.Set<Rekryteringar.Rekrytering>().Include(r => r.Kandidater).FirstAsync(r => r.State == RekryteringsTillstand.Annonserad);
            (rekA, candA) = (a.Id, a.Kandidater.OrderBy(k => k.Id).First().Id);
            docA = await db.Dokument.Where(x => x.OwnerType == KandidatDocumentAccess.Owner && x.OwnerId == candA).Select(x => x.Id).FirstAsync();

            // Maria's recruitment, in its selection: she holds no role that starts one (and the selection waits for the
            // advert's last day), so it is stored as it would stand then.
            var kommunchef = await data.KontoAsync("kommunchef");
            var b = new Rekryteringar.Rekrytering
            {
                KommunId = "kalix", Diarienummer = "REK 2026/8888", Titel = "Förvaltningschef (matris)", EnhetId = a.EnhetId,
                AgareUserId = kommunchef.UserId, AgareNamn = kommunchef.Namn, State = RekryteringsTillstand.Urval, SkapadUtc = db.UtcNow,
            };
            var kandidat = new Kandidat { KommunId = "kalix", Fornamn = "Bo", Efternamn = "Matris", Epost = "bo.matris@example.com", SamtyckeVersion = "t", AtkomstHash = "matris-b", InkomUtc = db.UtcNow };
            b.Kandidater.Add(kandidat);
            db.Add(b);
            await db.SaveChangesAsync();
            (rekB, candB) = (b.Id, kandidat.Id);
            docB = (await services.GetRequiredService<DocumentService>().UploadAsync(new MemoryStream(TestFiles.Pdf()), "cv.pdf", DokumentTyp.CV,
                KandidatDocumentAccess.Owner, candB, kommunchef.UserId)).Dokument!.Id;

            await services.GetRequiredService<Outbox>().EnqueueAsync<Testmejl, Testmejl.Innehall>(new MailRecipient("admin@kalix.example", "Admin"), "Matris",
                new Testmejl.Innehall("Admin", null, db.UtcNow), topic: "Testmejl", kommunId: null);
            await db.SaveChangesAsync();
            mailId = await db.Set<OutboxMessage>().MaxAsync(m => m.Id);
        }
        var token = await data.AnsokanAsync(rekA, "Matris", "Sökande", "matris.sokande@example.com");

        var (karin, johan) = (await data.IdForNamnAsync("Karin Öberg"), await data.IdForNamnAsync("Johan Lundberg"));
        var intro = await data.IntroduktionAsync(karin);
        var caseA = await data.AvvecklingAsync(karin, "Matrisens ärende om Karin.");
        var caseB = await data.AvvecklingAsync(johan, "Matrisens ärende om Johan.");
        var year = await data.SjalvskattningAsync("chef");
        await data.KampanjAsync(year + 1, KampanjTillstand.Beslutad);
        await data.KampanjAsync(year + 2, KampanjTillstand.Tillkannagiven, offentlig: true);

        var hr = await data.AnvandareAsync(Roller.HR);
        return new Data(rekA, candA, docA, rekB, candB, docB, token, hr.UserId, mailId, intro, caseA, caseB, karin, year, year + 1, year + 2);
    }
}
