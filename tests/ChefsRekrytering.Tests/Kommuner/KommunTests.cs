using System.Net;
using System.Text.RegularExpressions;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Kommuner;

/// <summary>A new municipality without a deploy: the portal administrator adds it, and its people see only their own.</summary>
public class KommunTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private static Dictionary<string, string> Storuman(string id = "storuman", string epost = "anna.admin@storuman.example") => new()
    {
        ["Ny.Id"] = id, ["Ny.Namn"] = "Storumans kommun", ["Ny.Organisationsnummer"] = "212000-2403",
        ["Ny.PolicyFranKommun"] = "vindeln", ["Ny.MallarFranKommun"] = "kalix",
        ["Ny.Fornamn"] = "Anna", ["Ny.Efternamn"] = "Storlund", ["Ny.Epost"] = epost,
    };

    [Fact]
    public async Task PortaladministratorenLaggerTillEnKommunVarsForstaAdminSerBaraSinKommun()
    {
        // Kalix's HR has saved its own version of a template: that is what Storuman starts from.
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            db.Add(new Mallversion { KommunId = "kalix", Nyckel = "besked-ej-aktuell", Nummer = 2, Innehall = "Kalix egen text om beskedet.", SkapadAvNamn = "HR" });
            // ... and has stopped offering one refusal reason.
            db.Add(new Avslagsskal { KommunId = "kalix", Nyckel = "avslag-tillsatt-internt", SkapadUtc = DateTime.UtcNow, PensioneradUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var svar = await admin.PostFormAsync("/portal/kommuner", Storuman());
        Assert.True(svar.StatusCode == HttpStatusCode.Redirect, PortalClient.Parse(await svar.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        var lista = (await admin.PageAsync("/portal/kommuner")).QuerySelector("main")!.TextContent;
        Assert.Contains("Storumans kommun är tillagd", lista);
        Assert.Contains("212000-2403", lista);

        // The policy answers at once, under the new name, as version 1.
        var policy = (await PortalClient.For(portal).PageAsync("/policy/storuman")).Body!.TextContent;
        Assert.Contains("Storumans kommun", policy);

        string link;
        await using (var scope = portal.ScopeFor("storuman", out var db))
        {
            var mall = await db.Set<Mallversion>().SingleAsync(m => m.Nyckel == "besked-ej-aktuell");
            Assert.Equal((2, "Kalix egen text om beskedet."), (mall.Nummer, mall.Innehall));
            // Kalix's own introduction checklist (its file, never saved) and its retired reason come along.
            Assert.Contains("Välkomstsamtal med förvaltningschefen", (await db.Set<Mallversion>().SingleAsync(m => m.Nyckel == Listmallar.Introduktion.Lagrad)).Innehall);
            Assert.NotNull((await db.Set<Avslagsskal>().SingleAsync(a => a.Nyckel == "avslag-tillsatt-internt")).PensioneradUtc);
            // Its recurring jobs (about no one record: gallring, reminders) run from now, not from the next restart: the same kinds as Kalix's.
            var jobb = await db.Set<ChefsRekrytering.Scheduling.ScheduledJob>().IgnoreQueryFilters().Where(j => j.Status == ChefsRekrytering.Scheduling.QueueStatus.Pending && j.SubjectId == null)
                .Select(j => new { j.KommunId, j.JobType }).ToListAsync();
            var kalixJobb = jobb.Where(j => j.KommunId == "kalix").Select(j => j.JobType).Distinct().Order().ToList();
            Assert.NotEmpty(kalixJobb);
            Assert.Equal(kalixJobb, jobb.Where(j => j.KommunId == "storuman").Select(j => j.JobType).Distinct().Order().ToList());
            // Who added it is in Storuman's own log and in the portal administrator's (Kalix's).
            var logg = await db.Set<ChefsRekrytering.Granskning.AuditEvent>().IgnoreQueryFilters().Where(e => e.ObjectType == ChefsRekrytering.Granskning.Granskningsobjekt.Kommun).ToListAsync();
            Assert.Equal(["kalix", "storuman"], logg.Select(e => e.KommunId).Order().ToArray());
            Assert.All(logg, e => Assert.Contains("Lade till Storumans kommun", e.Detail));
            link = Regex.Match((await db.Set<OutboxMessage>().SingleAsync(m => m.ToAddress == "anna.admin@storuman.example" && m.Topic.StartsWith("Konto:"))).TextBody,
                @"https?://[^\s)]+/konto/valj-losenord\?id=[^\s)]+&token=[^\s)]+").Value;
        }
        var anna = PortalClient.For(portal);
        var setPassword = new Uri(link).PathAndQuery;
        var chosen = await anna.PostFormAsync(setPassword, new() { ["Input.Losenord"] = "Ett-langt-losenord-1", ["Input.Upprepa"] = "Ett-langt-losenord-1" }, formPage: setPassword);
        Assert.True(chosen.StatusCode == HttpStatusCode.Redirect, PortalClient.Parse(await chosen.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        var login = await anna.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "anna.admin@storuman.example", ["Input.Losenord"] = "Ett-langt-losenord-1" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var konton = (await anna.PageAsync("/admin/anvandare")).QuerySelector("main")!.TextContent;
        Assert.Contains("Anna Storlund", konton);
        Assert.DoesNotContain("Nils Eriksson", konton); // Kalix's admin
        Assert.DoesNotContain("Lena Forsberg", konton); // Kalix's HR
        // Storuman's Admin is not a portal administrator.
        Assert.NotEqual(HttpStatusCode.OK, (await anna.GetAsync("/portal/kommuner")).StatusCode);
    }

    [Theory]
    [InlineData("hr")]
    [InlineData("kommunchef")]
    public async Task AndraAnPortaladministratorenNekas(string login)
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", login);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/portal/kommuner")).StatusCode);
        var alvsbynAdmin = await PortalClient.For(portal).SignInAsync("alvsbyn", "admin");
        Assert.NotEqual(HttpStatusCode.OK, (await alvsbynAdmin.GetAsync("/portal/kommuner")).StatusCode);
    }

    [Theory]
    [InlineData("Ny.Id", "Storuman!", "Kortnamnet ska vara")]
    [InlineData("Ny.Id", "kalix", "Kortnamnet kalix används redan.")]
    [InlineData("Ny.Namn", "", "Ange kommunens namn.")]
    [InlineData("Ny.Organisationsnummer", "212000-2404", "Organisationsnumret ska vara tio siffror")]
    [InlineData("Ny.PolicyFranKommun", "gotham", "Välj en kommun i portalen vars ledarpolicy kopieras.")]
    [InlineData("Ny.MallarFranKommun", "gotham", "Välj en kommun i portalen vars mejlmallar kopieras.")]
    [InlineData("Ny.Epost", "inte-en-adress", "Ange en giltig e-postadress")]
    [InlineData("Ny.Epost", "admin@kalix.example", "Det finns redan ett konto med den e-postadressen.")]
    public async Task FelaktigUppgiftAvvisasOchIngentingSparas(string falt, string varde, string skal)
    {
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var fields = Storuman("lycksele", "ny.admin@lycksele.example");
        fields[falt] = varde;
        var svar = await admin.PostFormAsync("/portal/kommuner", fields);
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains(skal, PortalClient.Parse(await svar.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);
        await using var scope = portal.ScopeFor("lycksele", out var db);
        Assert.False(await db.Kommuner.AnyAsync(k => k.Id == "lycksele" || k.Namn == "Storumans kommun" && k.Id != "storuman"));
        Assert.False(await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == "ny.admin@lycksele.example"));
        Assert.False(await db.Personer.IgnoreQueryFilters().AnyAsync(p => p.Epost == "ny.admin@lycksele.example"));
    }

    [Fact]
    public async Task EnTillagdKommunFinnsKvarEfterOmstartOchStopparInteStarten()
    {
        await using var first = new PortalFactory(DatabaseProvider.Postgres);
        var admin = await PortalClient.For(first).SignInAsync("kalix", "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/portal/kommuner", Storuman())).StatusCode);

        // A second start on the same database: Storuman has no file in content/policies, only its rows.
        await using var second = new PortalFactory(DatabaseProvider.Postgres, first.ConnectionString);
        Assert.Contains("Storumans kommun", (await PortalClient.For(second).PageAsync("/policy/storuman")).Body!.TextContent);
        var lista = (await (await PortalClient.For(second).SignInAsync("kalix", "admin")).PageAsync("/portal/kommuner")).QuerySelector("main")!.TextContent;
        Assert.Contains("Storumans kommun", lista);
    }

    [Fact]
    public async Task EnKommunsAdminVarkenGerEllerTarPortalrollen()
    {
        var alvsbyn = await PortalClient.For(portal).SignInAsync("alvsbyn", "admin");
        var hrId = await UserIdAsync("alvsbyn", "hr@alvsbyn.example");
        var svar = await alvsbyn.PostFormAsync($"/admin/anvandare/{hrId}", [new("Valda", "Medarbetare"), new("Valda", "HR"), new("Valda", "Portaladministratör")]);
        Assert.Contains("Okänd roll.", await svar.Content.ReadAsStringAsync());

        // Kalix's admin saves their own roles from the form, which has no box for the portal's role: it stays.
        await using var egen = new PortalFactory();
        var kalix = await PortalClient.For(egen).SignInAsync("kalix", "admin");
        var adminId = await UserIdAsync("kalix", "admin@kalix.example", egen);
        Assert.Equal(HttpStatusCode.Redirect, (await kalix.PostFormAsync($"/admin/anvandare/{adminId}", [new("Valda", "Medarbetare"), new("Valda", "Admin"), new("Valda", "Chef")])).StatusCode);
        var ny = await PortalClient.For(egen).SignInAsync("kalix", "admin");
        Assert.Equal(HttpStatusCode.OK, (await ny.GetAsync("/portal/kommuner")).StatusCode);
    }

    private async Task<string> UserIdAsync(string kommun, string epost, PortalFactory? annan = null)
    {
        await using var scope = (annan ?? portal).ScopeFor(kommun, out var db);
        return await db.Users.Where(u => u.Email == epost).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public void OrganisationsnummerKontrollerasMedLuhn()
    {
        Assert.Equal("2120002403", Orgnummer.Normalisera("212000-2403"));
        Assert.Null(Orgnummer.Normalisera("212000-2404"));
        Assert.Null(Orgnummer.Normalisera("21200024"));
    }
}
