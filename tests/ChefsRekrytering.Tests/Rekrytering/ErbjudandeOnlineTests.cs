using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// The offer on the candidate's own page over HTTP: read with the recruiting manager's contact details, answered yes or
/// no with a confirmation, which moves the recruitment on exactly as HR registering the answer does, tells HR and the
/// recruiting manager, and is written in the history. A second answer, an answer to a withdrawn offer, an older page or
/// an unknown link: refused, nothing changed.
/// </summary>
public class ErbjudandeOnlineTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task KandidatenLaserErbjudandetOchTackarJaSomNarHrRegistrerarSvaret()
    {
        var (intervju, sida) = await ErbjudenAsync();
        var klient = PortalClient.For(portal);
        var page = await klient.PageAsync(sida);
        var erbjudande = page.QuerySelector("#erbjudande")!.TextContent;
        Assert.Contains("Enhetschef hemtjänst", erbjudande);
        Assert.Contains("Lön enligt avtal, provanställning sex månader.", erbjudande);
        Assert.Contains("rekryterande@kalix.example", erbjudande);
        Assert.Contains(await AgarensNamnAsync(intervju), erbjudande);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Svara']"));

        var svar = await SvaraAsync(klient, sida, ja: true, bekraftat: true);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);

        // The same answer registered by HR on another recruitment just like it: the same states follow.
        var (jamforelse, _) = await ErbjudenAsync();
        var hr = await data.PrincipalAsync(IntervjuBuilder.Hr);
        var version = await KandidatVersionAsync(jamforelse.KandidatIds[0]);
        Assert.True((await data.KommandoAsync<KandidatService, CommandResult>(s => s.FireAsync(jamforelse.Id, jamforelse.KandidatIds[0], version, KandidatHandelse.Acceptera, hr))).Succeeded);

        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().Include(x => x.Rekrytering).SingleAsync(x => x.Id == intervju.KandidatIds[0]);
        var viaHr = await db.Set<Kandidat>().Include(x => x.Rekrytering).SingleAsync(x => x.Id == jamforelse.KandidatIds[0]);
        Assert.Equal(KandidatTillstand.Anstalld, k.State);
        Assert.NotNull(k.SvarUtc);
        Assert.Equal((viaHr.State, viaHr.Rekrytering!.State), (k.State, k.Rekrytering!.State));
        var steg = await db.WorkflowTransitions.Where(t => t.Workflow == "Kandidat" && t.SubjectId == k.Id).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(("Erbjuden", "Anstalld", "Sökande"), (steg[^1].FromState, steg[^1].ToState, steg[^1].ActorName));
        Assert.StartsWith("Svar från kandidaten via sin sida ", steg[^1].Comment);

        var mejl = await db.Set<OutboxMessage>().Where(m => m.Topic == $"Kandidat:{k.Id}" && m.Subject.Contains("till erbjudandet")).ToListAsync();
        Assert.Contains(mejl, m => m.ToAddress == "hr@kalix.example");
        Assert.Contains(mejl, m => m.ToAddress == "rekryterande@kalix.example");
        Assert.All(mejl, m => Assert.Equal("Åsa Öberg har tackat ja till erbjudandet – Enhetschef hemtjänst", m.Subject));
        Assert.All(mejl, m => Assert.Contains("via kandidatens egen sida", m.TextBody));

        // The page now shows the answer and no form.
        var efter = await klient.PageAsync(sida);
        Assert.Null(efter.QuerySelector("form[action*='handler=Svara']"));
        Assert.Contains("Ja,", efter.QuerySelector("#erbjudande")!.TextContent);
    }

    [Fact]
    public async Task KandidatenTackarNejOchHrOchChefenFarBesked()
    {
        var (intervju, sida) = await ErbjudenAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SvaraAsync(PortalClient.For(portal), sida, ja: false, bekraftat: true)).StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().SingleAsync(x => x.Id == intervju.KandidatIds[0]);
        Assert.Equal(KandidatTillstand.TackatNej, k.State);
        Assert.NotNull(k.SvarUtc);
        var mejl = await db.Set<OutboxMessage>().Where(m => m.Topic == $"Kandidat:{k.Id}" && m.Subject.Contains("tackat nej")).Select(m => m.ToAddress).ToListAsync();
        Assert.Contains("rekryterande@kalix.example", mejl);
        Assert.Contains("hr@kalix.example", mejl);
    }

    [Fact]
    public async Task UtanBekraftelseSparasInget()
    {
        var (intervju, sida) = await ErbjudenAsync();
        var svar = await SvaraAsync(PortalClient.For(portal), sida, ja: true, bekraftat: false);
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains(AnsokanService.SvaretBekraftas, WebUtility.HtmlDecode(await svar.Content.ReadAsStringAsync()));
        await OforandratAsync(intervju);
    }

    [Fact]
    public async Task EttBesvaratErbjudandeKanInteBesvarasIgen()
    {
        var (intervju, sida) = await ErbjudenAsync();
        var klient = PortalClient.For(portal);
        // Two tabs: both show the offer; yes is sent from the first, then no from the second with the version it showed.
        var andraFliken = await FormularAsync(klient, sida);
        Assert.Equal(HttpStatusCode.Redirect, (await SvaraAsync(klient, sida, ja: true, bekraftat: true)).StatusCode);
        DateTime? svarUtc;
        int antalMejl;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            svarUtc = (await db.Set<Kandidat>().SingleAsync(x => x.Id == intervju.KandidatIds[0])).SvarUtc;
            antalMejl = await db.Set<OutboxMessage>().CountAsync(m => m.Topic == $"Kandidat:{intervju.KandidatIds[0]}");
        }
        andraFliken["ja"] = "false";
        andraFliken["BekraftarSvar"] = "true";
        var igen = await klient.Http.PostAsync($"{sida}?handler=Svara", new FormUrlEncodedContent(andraFliken));
        Assert.Equal(HttpStatusCode.OK, igen.StatusCode);
        Assert.Contains(AnsokanService.ErbjudandetBesvarat, WebUtility.HtmlDecode(await igen.Content.ReadAsStringAsync()));

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Id == intervju.KandidatIds[0]);
            Assert.Equal((KandidatTillstand.Anstalld, svarUtc), (k.State, k.SvarUtc));
            Assert.Equal(antalMejl, await db.Set<OutboxMessage>().CountAsync(m => m.Topic == $"Kandidat:{intervju.KandidatIds[0]}"));
        }
    }

    [Fact]
    public async Task EttAterkalladtErbjudandeKanInteBesvaras()
    {
        var (intervju, sida) = await ErbjudenAsync();
        var klient = PortalClient.For(portal);
        var form = await FormularAsync(klient, sida); // the page as it was before the offer was withdrawn
        var hr = await data.PrincipalAsync(IntervjuBuilder.Hr);
        var version = await KandidatVersionAsync(intervju.KandidatIds[0]);
        Assert.True((await data.KommandoAsync<KandidatService, CommandResult>(s => s.AtertaAsync(intervju.Id, intervju.KandidatIds[0], version, true, hr))).Succeeded);

        (form["ja"], form["BekraftarSvar"], form["Version"]) = ("true", "true", (await KandidatVersionAsync(intervju.KandidatIds[0])).ToString());
        var svar = await klient.Http.PostAsync($"{sida}?handler=Svara", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains(AnsokanService.ErbjudandetGallerInte, WebUtility.HtmlDecode(await svar.Content.ReadAsStringAsync()));
        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().SingleAsync(x => x.Id == intervju.KandidatIds[0]);
        Assert.Equal(KandidatTillstand.Atertagen, k.State);
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Topic == $"Kandidat:{k.Id}" && m.Subject.Contains("till erbjudandet")));
    }

    [Fact]
    public async Task EnGammalSidaOchEnOkandLankAndrarIngenting()
    {
        var (intervju, sida) = await ErbjudenAsync();
        var klient = PortalClient.For(portal);
        var gammal = await klient.PostFormAsync($"{sida}?handler=Svara",
            new() { ["ja"] = "true", ["BekraftarSvar"] = "true", ["Version"] = Guid.NewGuid().ToString() }, formPage: sida);
        Assert.Equal(HttpStatusCode.OK, gammal.StatusCode);
        Assert.Contains(AnsokanService.AndradSamtidigtSida, WebUtility.HtmlDecode(await gammal.Content.ReadAsStringAsync()));

        var okand = $"/ansokan/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var svar = await klient.PostFormAsync($"{okand}?handler=Svara",
            new() { ["ja"] = "true", ["BekraftarSvar"] = "true", ["Version"] = (await KandidatVersionAsync(intervju.KandidatIds[0])).ToString() }, formPage: sida);
        Assert.Equal(HttpStatusCode.NotFound, svar.StatusCode);
        await OforandratAsync(intervju);
    }

    // ---- Helpers ----

    /// <summary>
    /// A recruitment in its offer phase whose first candidate (Åsa Öberg) has the offer, made by the recruiting manager
    /// through the command the candidate page calls; the candidate's own page, under a link whose token only the test knows.
    /// </summary>
    private async Task<(Intervju, string)> ErbjudenAsync()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Foreslagen).BuildAsync();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            // The decision phase is reached through MBL and the hiring decision, which these tests are not about.
            var r = await db.Set<ChefsRekrytering.Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == intervju.Id);
            (r.State, r.ValdKandidatId) = (RekryteringsTillstand.Erbjudande, intervju.KandidatIds[0]);
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Id == intervju.KandidatIds[0]);
            k.AtkomstHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
            await db.SaveChangesAsync();
        }
        var agare = await data.PrincipalAsync(IntervjuBuilder.Agare);
        var version = await KandidatVersionAsync(intervju.KandidatIds[0]);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2);
        var erbjudet = await data.KommandoAsync<KandidatService, CommandResult>(s =>
            s.ErbjudAsync(intervju.Id, intervju.KandidatIds[0], version, start, "Lön enligt avtal, provanställning sex månader.", agare));
        Assert.True(erbjudet.Succeeded, string.Join(" ", erbjudet.Reasons));
        return (intervju, $"/ansokan/{token}");
    }

    private async Task<Guid> KandidatVersionAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().Where(k => k.Id == kandidatId).Select(k => k.Version).SingleAsync();
    }

    private async Task<string> AgarensNamnAsync(Intervju intervju)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Users.Where(u => u.Id == intervju.AgareUserId).Select(u => u.Namn).SingleAsync();
    }

    private async Task OforandratAsync(Intervju intervju)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().SingleAsync(x => x.Id == intervju.KandidatIds[0]);
        Assert.Equal((KandidatTillstand.Erbjuden, (DateTime?)null), (k.State, k.SvarUtc));
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.Topic == $"Kandidat:{k.Id}" && m.Subject.Contains("till erbjudandet")));
    }

    private static async Task<HttpResponseMessage> SvaraAsync(PortalClient klient, string sida, bool ja, bool bekraftat)
    {
        var form = await FormularAsync(klient, sida);
        form["ja"] = ja ? "true" : "false";
        if (bekraftat) form["BekraftarSvar"] = "true";
        return await klient.Http.PostAsync($"{sida}?handler=Svara", new FormUrlEncodedContent(form));
    }

    /// <summary>The offer's form as the page shows it: the antiforgery token and the application's version.</summary>
    private static async Task<Dictionary<string, string>> FormularAsync(PortalClient klient, string sida)
    {
        var form = (await klient.PageAsync(sida)).QuerySelector("form[action*='handler=Svara']")!;
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
        };
    }
}
