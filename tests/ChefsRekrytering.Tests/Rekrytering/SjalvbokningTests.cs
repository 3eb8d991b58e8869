using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// Self-booking over HTTP: the recruiting manager offers times and invites candidates; a candidate takes a free time on
/// their own page through the link in the invitation mail, and gets the same calendar invitation as a booking by hand;
/// moving re-sends it with the same UID. A time is taken once, also when two candidates take it in the same instant,
/// on SQLite and PostgreSQL.
/// </summary>
public abstract partial class SjalvbokningTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    private readonly Testdata data = new(portal);
    private static string Dag(int dagar) => DateOnly.FromDateTime(SwedishTime.ToLocal(DateTime.UtcNow)).AddDays(dagar).ToString("yyyy-MM-dd");

    [Fact]
    public async Task KandidatenValjerEnErbjudenTidOchFarKallelsenSomVidBokningForHand()
    {
        var (intervju, agare) = await MedTiderAsync(("10:00", 7), ("13:00", 8));
        var sida = await InbjudenAsync(agare, intervju, 0);
        var kandidat = PortalClient.For(portal);

        var page = await kandidat.PageAsync(sida);
        var tider = page.QuerySelectorAll("input[type=radio][name=tid]").Select(r => r.GetAttribute("value")!).ToList();
        Assert.Equal(2, tider.Count);
        Assert.Contains("Välj en tid för intervju", page.Body!.TextContent);

        var bokad = await PostaAsync(kandidat, sida, "BokaTid", ("tid", tider[0]));
        Assert.Equal(HttpStatusCode.Redirect, bokad.StatusCode);

        var k0 = intervju.KandidatIds[0];
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Id == k0);
            Assert.Equal(KandidatTillstand.IntervjuBokad, k.State);
            Assert.Equal(k0, (await db.Set<Intervjutid>().SingleAsync(t => t.Id == int.Parse(tider[0]))).KandidatId);
            var steg = await db.WorkflowTransitions.Where(t => t.Workflow == "Kandidat" && t.SubjectId == k0).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(("Granskad", "IntervjuBokad", "Sökande"), (steg[^1].FromState, steg[^1].ToState, steg[^1].ActorName));
        }
        // The candidate and the panel are invited, the recruiting manager organises: as when the interview is booked by hand.
        var (mote, kallelser) = await KallelserAsync(k0);
        Assert.Equal(["jury@kalix.example", "kandidat"], kallelser.Select(m => m.ToAddress == "jury@kalix.example" ? m.ToAddress : "kandidat").Order());
        foreach (var mail in kallelser)
        {
            var e = Handelse(mail);
            Assert.Equal((mote.Uid, 0), (e.Uid, e.Sequence));
            Assert.Equal("mailto:rekryterande@kalix.example", e.Organizer!.Value!.ToString());
        }

        // Moving to the other time: the same UID, the next SEQUENCE, and the first time is free again.
        page = await kandidat.PageAsync(sida);
        Assert.Contains("Du är kallad till intervju", page.QuerySelector(".stage")!.TextContent);
        Assert.Equal([tider[1]], page.QuerySelectorAll("input[type=radio][name=tid]").Select(r => r.GetAttribute("value")!));
        Assert.Equal(HttpStatusCode.Redirect, (await PostaAsync(kandidat, sida, "BokaTid", ("tid", tider[1]))).StatusCode);
        var (flyttad, alla) = await KallelserAsync(k0);
        Assert.Equal(mote.Uid, flyttad.Uid);
        var andrade = alla.Where(m => m.Subject.StartsWith("Ändrad tid:")).ToList();
        Assert.Equal(2, andrade.Count);
        Assert.All(andrade, m => Assert.Equal((mote.Uid, 1), (Handelse(m).Uid, Handelse(m).Sequence)));
        Assert.Equal(13, SwedishTime.ToLocal(flyttad.StartUtc).Hour);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.Null((await db.Set<Intervjutid>().SingleAsync(t => t.Id == int.Parse(tider[0]))).KandidatId);
            Assert.Equal(k0, (await db.Set<Intervjutid>().SingleAsync(t => t.Id == int.Parse(tider[1]))).KandidatId);
        }
    }

    [Fact]
    public async Task TvaKandidaterSomTarSammaTidISammaStundEnVinnerDenAndraFarBeskedOchLedigaTider()
    {
        var (intervju, agare) = await MedTiderAsync(("09:00", 9), ("11:00", 9));
        var sidor = new[] { await InbjudenAsync(agare, intervju, 0), await InbjudenAsync(agare, intervju, 1) };
        var klienter = sidor.Select(_ => PortalClient.For(portal)).ToArray();
        var tid = (await klienter[0].PageAsync(sidor[0])).QuerySelector("input[type=radio][name=tid]")!.GetAttribute("value")!;
        // Each page as its candidate sees it, with its antiforgery token and version, before either posts.
        var formular = new List<Dictionary<string, string>>();
        for (var i = 0; i < 2; i++) formular.Add(await FormularAsync(klienter[i], sidor[i], ("tid", tid)));

        var svar = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => klienter[i].Http.PostAsync($"{sidor[i]}?handler=BokaTid", new FormUrlEncodedContent(formular[i]))));

        Assert.Single(svar, s => s.StatusCode == HttpStatusCode.Redirect);
        var forlorare = Assert.Single(svar, s => s.StatusCode == HttpStatusCode.OK);
        var html = PortalClient.Parse(await forlorare.Content.ReadAsStringAsync());
        var besked = html.QuerySelector("[role=alert]")!.TextContent;
        Assert.True(besked.Contains(Intervjutider.TidenTogsSamtidigt) || besked.Contains(Intervjutider.TidenTagen), besked);
        // The fresh list: the time taken is gone, the other is there.
        Assert.Equal(1, html.QuerySelectorAll("input[type=radio][name=tid]").Length);
        Assert.DoesNotContain(html.QuerySelectorAll("input[type=radio][name=tid]"), r => r.GetAttribute("value") == tid);

        await using var scope = portal.ScopeFor("kalix", out var db);
        var vinnare = (await db.Set<Intervjutid>().SingleAsync(t => t.Id == int.Parse(tid))).KandidatId;
        Assert.Contains(vinnare!.Value, intervju.KandidatIds);
        var lagen = await db.Set<Kandidat>().Where(k => intervju.KandidatIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.State);
        Assert.Equal(KandidatTillstand.IntervjuBokad, lagen[vinnare.Value]);
        Assert.Equal(KandidatTillstand.Granskad, lagen[intervju.KandidatIds.Single(id => id != vinnare)]);
        var kopplingar = intervju.KandidatIds.Select(id => $"Kandidat:{id}").ToList();
        Assert.Equal(1, await db.Set<Mote>().CountAsync(m => kopplingar.Contains(m.Koppling)));
    }

    [Fact]
    public async Task EnTagenEllerPasseradTidOchEnGammalSidaNekasMedBeskedOchIngentingAndras()
    {
        var (intervju, agare) = await MedTiderAsync(("10:00", 5));
        var sidor = new[] { await InbjudenAsync(agare, intervju, 0), await InbjudenAsync(agare, intervju, 1) };
        var (forsta, andra) = (PortalClient.For(portal), PortalClient.For(portal));
        var tid = (await forsta.PageAsync(sidor[0])).QuerySelector("input[type=radio][name=tid]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await PostaAsync(forsta, sidor[0], "BokaTid", ("tid", tid))).StatusCode);

        // The second candidate's page still had the time (sent from the earlier page): taken.
        var tagen = await PostaAsync(andra, sidor[1], "BokaTid", ("tid", tid));
        Assert.Equal(HttpStatusCode.OK, tagen.StatusCode);
        Assert.Contains(Intervjutider.TidenTagen, WebUtility.HtmlDecode(await tagen.Content.ReadAsStringAsync()));

        // A time that has been: refused.
        int passerad;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var t = new Intervjutid { KommunId = "kalix", RekryteringId = intervju.Id, StartUtc = DateTime.UtcNow.AddHours(-2), SlutUtc = DateTime.UtcNow.AddHours(-1), Plats = "Stadshuset" };
            db.Add(t);
            await db.SaveChangesAsync();
            passerad = t.Id;
        }
        var gammal = await PostaAsync(andra, sidor[1], "BokaTid", ("tid", passerad.ToString()));
        Assert.Contains(Intervjutider.TidenPasserad, WebUtility.HtmlDecode(await gammal.Content.ReadAsStringAsync()));

        // A version the page did not show: refused.
        int ledig;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var t = new Intervjutid { KommunId = "kalix", RekryteringId = intervju.Id, StartUtc = DateTime.UtcNow.AddDays(6), SlutUtc = DateTime.UtcNow.AddDays(6).AddHours(1), Plats = "Rum 2" };
            db.Add(t);
            await db.SaveChangesAsync();
            ledig = t.Id;
        }
        var inaktuell = await andra.PostFormAsync($"{sidor[1]}?handler=BokaTid", new() { ["tid"] = ledig.ToString(), ["Version"] = Guid.NewGuid().ToString() }, formPage: sidor[1]);
        Assert.Contains(AnsokanService.AndradSamtidigtSida, WebUtility.HtmlDecode(await inaktuell.Content.ReadAsStringAsync()));

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.Equal(KandidatTillstand.Granskad, (await db.Set<Kandidat>().SingleAsync(k => k.Id == intervju.KandidatIds[1])).State);
            Assert.False(await db.Set<Intervjutid>().AnyAsync(t => t.KandidatId == intervju.KandidatIds[1]));
            Assert.False(await db.Set<Mote>().AnyAsync(m => m.Koppling == $"Kandidat:{intervju.KandidatIds[1]}"));
        }
    }

    [Fact]
    public async Task EnOkandLankGer404OchBokarIngenting()
    {
        var (intervju, agare) = await MedTiderAsync(("10:00", 4));
        var sida = await InbjudenAsync(agare, intervju, 0);
        var klient = PortalClient.For(portal);
        var tid = (await klient.PageAsync(sida)).QuerySelector("input[type=radio][name=tid]")!.GetAttribute("value")!;
        var okand = $"/ansokan/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}";

        Assert.Equal(HttpStatusCode.NotFound, (await klient.GetAsync(okand)).StatusCode);
        var svar = await klient.PostFormAsync($"{okand}?handler=BokaTid", new() { ["tid"] = tid }, formPage: sida);
        Assert.Equal(HttpStatusCode.NotFound, svar.StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Null((await db.Set<Intervjutid>().SingleAsync(t => t.Id == int.Parse(tid))).KandidatId);
    }

    [Fact]
    public async Task PanelenSerTidernaMenKanInteLaggaTillEllerBjudaIn()
    {
        var (intervju, _) = await MedTiderAsync(("10:00", 3));
        var jury = await PortalClient.For(portal).SignInAsync(IntervjuBuilder.Kommun, IntervjuBuilder.Panel);
        var page = await jury.PageAsync($"/rekrytering/{intervju.Id}/intervjutider");
        Assert.Single(page.QuerySelectorAll("tr.intervjutid"));
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=']"));
        var svar = await jury.PostFormAsync($"/rekrytering/{intervju.Id}/intervjutider?handler=BjudIn&kandidatId={intervju.KandidatIds[0]}",
            new() { ["kandidatVersion"] = Guid.NewGuid().ToString() }, formPage: $"/rekrytering/{intervju.Id}/intervjutider");
        // Forbidden: sent to the sign-in's "no access" page, not back to the times with a message.
        Assert.DoesNotContain("/intervjutider", svar.Headers.Location?.OriginalString ?? "");
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Intervjuinbjudan>().AnyAsync(i => i.KandidatId == intervju.KandidatIds[0]));
    }

    // ---- Helpers ----

    /// <summary>A recruitment in its interview phase with two reviewed candidates and the given times (start, days ahead),
    /// added by the recruiting manager on the page.</summary>
    private async Task<(Intervju, PortalClient)> MedTiderAsync(params (string Start, int Dagar)[] tider)
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var agare = await PortalClient.For(portal).SignInAsync(IntervjuBuilder.Kommun, IntervjuBuilder.Agare);
        var sida = $"/rekrytering/{intervju.Id}/intervjutider";
        foreach (var (start, dagar) in tider)
        {
            var version = (await agare.PageAsync(sida)).QuerySelector("form[action*='LaggTill'] input[name=Version]")!.GetAttribute("value")!;
            var svar = await agare.PostFormAsync($"{sida}?handler=LaggTill", new()
            {
                ["Version"] = version, ["Ny.Datum"] = Dag(dagar), ["Ny.Start"] = start, ["Ny.Minuter"] = "60", ["Ny.Plats"] = "Stadshuset, rum 3",
            });
            Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        }
        Assert.Equal(tider.Length, (await agare.PageAsync(sida)).QuerySelectorAll("tr.intervjutid").Length);
        return (intervju, agare);
    }

    /// <summary>The manager invites candidate <paramref name="i"/>; the candidate's page, from the link in the invitation mail.</summary>
    private async Task<string> InbjudenAsync(PortalClient agare, Intervju intervju, int i)
    {
        var sida = $"/rekrytering/{intervju.Id}/intervjutider";
        var kandidatId = intervju.KandidatIds[i];
        var form = (await agare.PageAsync(sida)).QuerySelectorAll("form[action*='BjudIn']").First(f => f.GetAttribute("action")!.Contains($"kandidatId={kandidatId}"));
        var svar = await agare.PostFormAsync(WebUtility.HtmlDecode(form.GetAttribute("action")!),
            new() { ["kandidatVersion"] = form.QuerySelector("input[name=kandidatVersion]")!.GetAttribute("value")! }, formPage: sida);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        var mail = await db.Set<OutboxMessage>().Where(m => m.Topic == $"Kandidat:{kandidatId}" && m.Subject.StartsWith("Välj en tid för intervju"))
            .OrderByDescending(m => m.Id).FirstAsync();
        Assert.Equal("Välj en tid för intervju – Enhetschef hemtjänst", mail.Subject);
        return LankRegex().Match(mail.TextBody).Value is { Length: > 0 } lank ? new Uri(lank).AbsolutePath : throw new InvalidOperationException("Ingen länk i mejlet");
    }

    private static async Task<HttpResponseMessage> PostaAsync(PortalClient klient, string sida, string handler, params (string Namn, string Varde)[] falt) =>
        await klient.Http.PostAsync($"{sida}?handler={handler}", new FormUrlEncodedContent(await FormularAsync(klient, sida, falt)));

    /// <summary>The page's form as the browser has it: its antiforgery token and the application's version, with the fields chosen.</summary>
    private static async Task<Dictionary<string, string>> FormularAsync(PortalClient klient, string sida, params (string Namn, string Varde)[] falt)
    {
        var page = await klient.PageAsync(sida);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Version"] = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!,
        };
        foreach (var (namn, varde) in falt) form[namn] = varde;
        return form;
    }

    private async Task<(Mote, List<OutboxMessage>)> KallelserAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var mote = await db.Set<Mote>().SingleAsync(m => m.Koppling == $"Kandidat:{kandidatId}");
        return (mote, await db.Set<OutboxMessage>().Include(m => m.Attachments).Where(m => m.Topic == "Mote:" + mote.Uid).OrderBy(m => m.Id).ToListAsync());
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Handelse(OutboxMessage mail)
    {
        var ics = Encoding.UTF8.GetString(mail.Attachments.First(a => a.Inline).Content);
        Assert.Empty(Rfc5545.Errors(ics));
        return Ical.Net.Calendar.Load(ics)!.Events.Single();
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/ansokan/[0-9a-f]{64}")]
    private static partial Regex LankRegex();
}

public sealed class SjalvbokningTestsSqlite(SqlitePortal portal) : SjalvbokningTests<SqlitePortal>(portal);

public sealed class SjalvbokningTestsPostgres(PostgresPortal portal) : SjalvbokningTests<PostgresPortal>(portal);
