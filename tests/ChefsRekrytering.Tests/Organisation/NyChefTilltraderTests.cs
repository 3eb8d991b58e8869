using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Organisation;

/// <summary>
/// A filled recruitment makes the new manager chef of the unit on the offer's start date, not on the day it is filled: until
/// then the present chef leads the unit, her employees have her as their chef, and Årets chef shows her with her unit.
/// </summary>
public sealed class NyChefTilltraderTests : IAsyncLifetime
{
    private static readonly DateOnly Startdatum = new(2027, 2, 1);
    private const string Nora = "nora.nystrom@example.com";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task NyaChefenTarOverEnhetenPaStartdagenOchInteNarTjanstenTillsatts()
    {
        var data = new Testdata(_portal);
        var (karin, emma) = (await data.PersonIdAsync("chef"), await data.PersonIdAsync("medarbetare"));
        await data.KampanjAsync(2026);
        (await (await data.InloggadAsync("medarbetare")).NomineraAsync(karin)).AssertRedirect();

        await TillsattAsync("Hemtjänst Centrum", Startdatum);
        var runner = _portal.Services.GetRequiredService<SchedulerRunner>();
        await runner.RunDueAsync();

        // Months before the start: Karin still leads Hemtjänst Centrum, and Emma's chef is still Karin.
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var enhet = await db.Enheter.SingleAsync(e => e.Namn == "Hemtjänst Centrum");
            var nora = await db.Personer.SingleAsync(p => p.Epost == Nora);
            Assert.Equal(karin, enhet.ChefId);
            Assert.Equal(karin, (await db.LoadOrgChartAsync()).ChefFor(emma));
            Assert.Null(nora.EnhetId);
            var statistik = await db.StatistikAsync(await _portal.KampanjenAsync("kalix", 2026), minstaGrupp: 3);
            Assert.Equal(new NomineradRad("Karin Öberg", "Hemtjänst Centrum", 1), Assert.Single(statistik.PerNominerad));
        }

        // The day before the start nothing has changed; on the start date (midnight in Sweden) Nora takes over.
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 31, 12, 0, 0, TimeSpan.Zero));
        await runner.RunDueAsync();
        Assert.Equal(karin, await ChefForAsync("Hemtjänst Centrum"));
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 31, 23, 0, 0, TimeSpan.Zero));
        await runner.RunDueAsync();

        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var enhet = await db.Enheter.SingleAsync(e => e.Namn == "Hemtjänst Centrum");
            var nora = await db.Personer.SingleAsync(p => p.Epost == Nora);
            Assert.Equal((nora.Id, Startdatum), (enhet.ChefId, enhet.ChefSedan));
            Assert.Equal((enhet.Id, "Enhetschef Hemtjänst Centrum"), (nora.EnhetId, nora.Titel));
            Assert.Equal(nora.Id, (await db.LoadOrgChartAsync()).ChefFor(emma));
            Assert.Contains(await db.Set<ChefsRekrytering.Granskning.AuditEvent>().Where(a => a.ObjectId == enhet.Id).Select(a => a.Detail).ToListAsync(),
                d => d!.StartsWith("Chef för Hemtjänst Centrum: från Karin Öberg till Nora Nyström, tillträde 2027-02-01"));
        }
    }

    [Fact]
    public async Task EttStartdatumSomRedanArHarGerEnhetenDenNyaChefenDirekt()
    {
        await TillsattAsync("Äldreboendet Furugården", DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));

        await using var scope = _portal.ScopeFor("kalix", out var db);
        var nora = await db.Personer.SingleAsync(p => p.Epost == Nora);
        Assert.Equal(nora.Id, (await db.Enheter.SingleAsync(e => e.Namn == "Äldreboendet Furugården")).ChefId);
    }

    private async Task<int?> ChefForAsync(string enhet)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return (await db.Enheter.SingleAsync(e => e.Namn == enhet)).ChefId;
    }

    /// <summary>A Kalix recruitment for the unit whose chosen candidate, Nora, has accepted an offer starting
    /// <paramref name="start"/>, every other applicant told; then filled as its page fills it.</summary>
    private async Task TillsattAsync(string enhetsnamn, DateOnly start)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        var unit = await db.Enheter.SingleAsync(e => e.Namn == enhetsnamn);
        var owner = await db.Users.SingleAsync(u => u.Email == "rekryterande@kalix.example");
        var r = new Rekryteringar.Rekrytering
        {
            KommunId = "kalix", Diarienummer = "REK 2026/9002", Titel = $"Enhetschef {enhetsnamn}", EnhetId = unit.Id,
            AgareUserId = owner.Id, AgareNamn = owner.Namn, State = RekryteringsTillstand.Erbjudande, SkapadUtc = db.UtcNow,
        };
        r.Kandidater.Add(new Kandidat
        {
            KommunId = "kalix", Fornamn = "Nora", Efternamn = "Nyström", Epost = Nora, SamtyckeVersion = "test", AtkomstHash = "t1",
            State = KandidatTillstand.Anstalld, Startdatum = start, InkomUtc = db.UtcNow, UtfallMeddelatUtc = db.UtcNow,
        });
        db.Add(r);
        await db.SaveChangesAsync();
        var hr = await new Testdata(_portal).PrincipalAsync("hr");
        var service = scope.ServiceProvider.GetRequiredService<RekryteringService>();
        var result = await service.FireAsync(r.Id, r.Version, RekryteringsHandelse.Tillsatt, null, hr);
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
    }
}
