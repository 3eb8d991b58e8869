using System.Net;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Ledarskap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Arkiv;

/// <summary>Gallring runs by the scheduler on a moved clock: never before its time, always after it, never the hired
/// person or a recruitment on hold, and the statistics stay.</summary>
public sealed class GallringTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;
    private Testdata data => new(_portal);

    public Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SokandesUppgifterGallrasForstTjugofyraManaderEfterBeslutetOchDenAnstalldaBehalls()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        await RunAsync();
        Assert.Empty(await GallradeAsync(r));

        _clock.Advance(TimeSpan.FromDays(730)); // 24 months after 2026-11-23 is 2028-11-23; two years of days is the day before
        await RunAsync();
        Assert.Empty(await GallradeAsync(r));

        _clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(r.Ovriga.Order(), (await GallradeAsync(r)).Order());

        await using var scope = _portal.ScopeFor("kalix", out var db);
        var kandidater = await db.Set<Kandidat>().Include(k => k.Bedomningar).Include(k => k.Referenser)
            .Where(k => k.RekryteringId == r.Id).ToDictionaryAsync(k => k.Id);
        foreach (var id in r.Ovriga)
        {
            var k = kandidater[id];
            Assert.Equal(("", "", "", (string?)null, Kandidat.GallradNamn), (k.Fornamn, k.Efternamn, k.Epost, k.Telefon, k.Namn));
            Assert.Equal($"gallrad-{id}", k.AtkomstHash);
            Assert.Empty(k.Referenser);
            // Statistics: state, dates and scores stay; the interviewers' words about the applicant go.
            Assert.NotEqual(default, k.InkomUtc);
            Assert.All(k.Bedomningar, b => Assert.Equal((4, (string?)null), (b.Poang, b.Kommentar)));
            Assert.NotEmpty(k.Bedomningar);
        }
        Assert.Equal([KandidatTillstand.EjAktuell, KandidatTillstand.Atertagen], r.Ovriga.Select(id => kandidater[id].State));
        var hired = kandidater[r.Anstalld];
        Assert.Equal(("Åsa", AvslutadRekrytering.Telefon, (DateTime?)null), (hired.Fornamn, hired.Telefon, hired.GallradUtc));
        Assert.Single(hired.Referenser);
        Assert.All(hired.Bedomningar, b => Assert.Equal(AvslutadRekrytering.Kommentar, b.Kommentar));

        // Documents: the rows and the stored bytes of the others are gone, the hired person's CV stays.
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        Assert.Equal([r.Anstalld], await db.Dokument.Where(d => d.OwnerType == "Kandidat" && r.Alla.Contains(d.OwnerId)).Select(d => d.OwnerId).ToListAsync());
        foreach (var id in r.Ovriga) Assert.False(await store.ExistsAsync(r.Dokumentnycklar[id]));
        Assert.True(await store.ExistsAsync(r.Dokumentnycklar[r.Anstalld]));

        // Interview bookings and every mail naming them are gone; the hired person's remain.
        var links = r.Ovriga.Select(id => $"Kandidat:{id}").ToList();
        Assert.False(await db.Set<Mote>().AnyAsync(m => links.Contains(m.Koppling)));
        Assert.True(await db.Set<Mote>().AnyAsync(m => m.Koppling == $"Kandidat:{r.Anstalld}"));
        var gone = r.Ovriga.Select(id => r.Epost[id]).ToList();
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => gone.Contains(m.ToAddress) || links.Contains(m.Topic)));
        Assert.False(await db.Set<Mote>().AnyAsync(m => m.Deltagare.Any(d => gone.Contains(d.Epost))));

        // The advert and the decision are the recruitment's own record and stay; the gallring is logged.
        var rek = await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == r.Id);
        Assert.Equal(("Bäst i intervjuerna.", RekryteringBuilder.StandardAnnonstext), (rek.BeslutMotivering, rek.Annonstext));
        var logged = await db.Set<AuditEvent>().Where(e => e.ObjectType == "Kandidat" && e.Action == AuditAction.Raderade).ToListAsync();
        Assert.Equal(r.Ovriga.Order(), logged.Select(e => e.ObjectId).Order());
        Assert.All(logged, e => Assert.Equal(("Systemet", (string?)null), (e.UserName, e.UserId)));

        // The pages show the row, not the person.
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        var page = await (await hr.GetAsync($"/rekrytering/{r.Id}")).Content.ReadAsStringAsync();
        Assert.Equal(2, page.Split(Kandidat.GallradNamn).Length - 1);
        Assert.DoesNotContain("Bertil", page);
        foreach (var url in new[] { "", "/referenser", "/bedomning" }.Select(s => $"/rekrytering/{r.Id}/kandidater/{r.Ovriga[0]}{s}"))
        {
            var html = await (await hr.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains(Kandidat.GallradNamn, html);
            Assert.DoesNotContain("Bertil", html);
            Assert.DoesNotContain(AvslutadRekrytering.Kommentar, html);
            Assert.DoesNotContain(AvslutadRekrytering.ReferensNamn, html);
        }
        // The comparison keeps the gallrade applicants' scores under the row's placeholder; only the hired one's comments remain.
        var jamforelse = await (await hr.GetAsync($"/rekrytering/{r.Id}/jamforelse")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bertil", jamforelse);
        Assert.Equal(hired.Bedomningar.Count, jamforelse.Split(AvslutadRekrytering.Kommentar).Length - 1);
    }

    /// <summary>On PostgreSQL as well: the query that dates an old cancellation by its journal is the one most likely to differ.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AvbrutenRekryteringGallrasRaknatFranAvbrottetAldrigGenast(DatabaseProvider provider)
    {
        if (provider != _portal.Provider)
        {
            await _portal.DisposeAsync();
            _portal = new PortalFactory(provider).WithClock(_clock);
        }
        _clock.Advance(TimeSpan.FromDays(90));
        var r = await data.NyAvslutadRekrytering().AvbrutenAsync();
        await using (var scope = _portal.ScopeFor("kalix", out var db))
            Assert.Equal(_clock.GetUtcNow().UtcDateTime, (await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == r.Id)).AvbrutenUtc);
        // One cancelled before the time was recorded: its journal dates it.
        var gammal = await data.NyAvslutadRekrytering().AvbrutenAsync();
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            await db.Set<Rekryteringar.Rekrytering>().Where(x => x.Id == gammal.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AvbrutenUtc, (DateTime?)null));
            Assert.True(await db.WorkflowTransitions.AnyAsync(t => t.Workflow == "Rekrytering" && t.SubjectId == gammal.Id && t.ToState == "Avbruten"));
        }

        await RunAsync();
        Assert.Empty(await GallradeAsync(r));
        _clock.Advance(TimeSpan.FromDays(365 + 365)); // 2027-02-21 + 730 days: still the day before 24 months
        await RunAsync();
        Assert.Empty(await GallradeAsync(r));
        Assert.Empty(await GallradeAsync(gammal));

        _clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(r.Alla.Order(), (await GallradeAsync(r)).Order());
        Assert.Equal(gammal.Alla.Order(), (await GallradeAsync(gammal)).Order());
    }

    [Fact]
    public async Task GallringsstoppHindrarGallringenTillsHrHaverDet()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        var page = $"/rekrytering/{r.Id}";
        Assert.Contains("gallras 2028-11-23", await (await hr.GetAsync(page)).Content.ReadAsStringAsync());

        // Not without a reason, and not by the recruiting manager.
        Assert.Contains("Ange skälet", await (await hr.SubmitAsync(page, "Gallringsstopp", ("skal", " "))).ErrorsAsync());
        var owner = await PortalClient.For(_portal).SignInAsync("kalix", "rekryterande");
        Assert.Contains("sätts av HR", await (await owner.SubmitAsync(page, "Gallringsstopp", await hr.VersionAsync(page, "Gallringsstopp"), ("skal", "Försök"))).ErrorsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, "Gallringsstopp", ("skal", "Anmälan till DO om diskriminering"))).StatusCode);
        Assert.Contains("Gallringsstopp sedan", await (await hr.GetAsync(page)).Content.ReadAsStringAsync());

        _clock.Advance(TimeSpan.FromDays(800));
        await RunAsync();
        Assert.Empty(await GallradeAsync(r));

        hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr"); // the sign-in of two years ago has expired
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, "HavGallringsstopp")).StatusCode);
        _clock.Advance(TimeSpan.FromDays(1)); // the next daily run
        await RunAsync();
        Assert.Equal(r.Ovriga.Order(), (await GallradeAsync(r)).Order());

        await using var scope = _portal.ScopeFor("kalix", out var db);
        var log = await db.Set<AuditEvent>().Where(e => e.ObjectType == "Rekrytering" && e.ObjectId == r.Id && e.Action == AuditAction.Andrade)
            .OrderBy(e => e.Id).Select(e => new { e.UserName, e.Detail }).ToListAsync();
        Assert.Equal(["Gallringsstopp: Anmälan till DO om diskriminering", "Gallringsstopp hävt (skäl var: Anmälan till DO om diskriminering)"], log.Select(e => e.Detail));
        Assert.All(log, e => Assert.Equal("Lena Forsberg", e.UserName));
    }

    [Fact]
    public async Task LagringstidenGarAttStallaIn()
    {
        await using var portal = new PortalFactory().WithClock(_clock).With("Gallring:ManaderEfterBeslut", "6");
        var data = new Testdata(portal);
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        _clock.Advance(TimeSpan.FromDays(181)); // 2026-11-23 + 181 days = 2027-05-23, six months on the day
        await portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(2, await db.Set<Kandidat>().CountAsync(k => k.RekryteringId == r.Id && k.GallradUtc != null));
        // The applicants were told the same time.
        var client = PortalClient.For(portal);
        Assert.Contains("sparas i 6 månader", await (await client.GetAsync($"/jobb/{await data.NyRekrytering().AnnonseradAsync()}")).Content.ReadAsStringAsync());
    }

    private Task RunAsync() => _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

    private async Task<List<int>> GallradeAsync(AvslutadRekrytering.Stored r)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().Where(k => k.RekryteringId == r.Id && k.GallradUtc != null).Select(k => k.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
