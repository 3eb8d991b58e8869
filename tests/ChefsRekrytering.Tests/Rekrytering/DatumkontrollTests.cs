using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// Dates the recruitment's commands check themselves, whatever the page sends: a wished start that has passed, a union
/// negotiation recorded before it is held, an interview scored or marked held before its booked time. Each is refused
/// with a Swedish reason and changes nothing; the clock moves instead of the test waiting.
/// </summary>
public sealed class DatumkontrollTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Idag = new(2026, 11, 23);
    private PortalFactory _portal = null!;
    private Testdata _data = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        _ = _portal.Server;
        _data = new Testdata(_portal);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task OnskatTilltradeSomHarPasseratGodkannsInteForrenDetArAndrat()
    {
        var (agare, hr) = (await _data.PrincipalAsync("rekryterande"), await _data.PrincipalAsync("hr"));
        var enhet = await EnhetAsync("Hemtjänst Centrum");
        Behov Behov(DateOnly tilltrade) => new("Enhetschef hemtjänst", enhet, "Enhetschefen går i pension och tjänsten behöver tillsättas.",
            Anstallningsform.Tillsvidare, 100, tilltrade);

        Assert.Contains("Önskat tillträde ska ligga mellan 2026-11-23", (await Rekryteringar(s => s.SkapaAsync(Behov(Idag.AddDays(-1)), agare))).Result.Reasons.Single());
        var id = (await Rekryteringar(s => s.SkapaAsync(Behov(Idag.AddDays(10)), agare))).Value;
        await StegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.SkickaForBehovsprovning, null, agare));
        await StegAsync(id, (s, v) => s.RegistreraLasAsync(id, v, LasUtfall.IngenForetradesratt, null, hr));

        _clock.Advance(TimeSpan.FromDays(20)); // the need waited; the wished start is now ten days gone
        var nekad = await Rekryteringar(async s => await s.FireAsync(id, await VersionAsync(id), RekryteringsHandelse.GodkannBehov, null, hr));
        Assert.Equal(Outcome.Refused, nekad.Outcome);
        Assert.Equal(["Önskat tillträde har redan passerat: ändra datumet i behovet"], nekad.Reasons);
        Assert.Equal(RekryteringsTillstand.Behovsprovning, await StateAsync(id));

        await StegAsync(id, (s, v) => s.SparaBehovAsync(id, v, Behov(Idag.AddDays(60)), agare));
        await StegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.GodkannBehov, null, hr));
        Assert.Equal(RekryteringsTillstand.Kravprofil, await StateAsync(id));
    }

    [Fact]
    public async Task FackligSamverkanRegistrerasForstNarDenArHallen()
    {
        var intervju = await _data.NyIntervju().BuildAsync();
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            (await db.Set<Rekryteringar.Rekrytering>().SingleAsync(r => r.Id == intervju.Id)).State = RekryteringsTillstand.FackligSamverkan;
            await db.SaveChangesAsync();
        }
        var agare = await _data.PrincipalAsync(IntervjuBuilder.Agare);

        var nekad = await Rekryteringar(async s => await s.RegistreraMblAsync(intervju.Id, await VersionAsync(intervju.Id), Idag.AddDays(7), "Vision, Kommunal", "Parterna är överens", agare));
        Assert.Equal(Outcome.Refused, nekad.Outcome);
        Assert.Equal(["Förhandlingen registreras när den är hållen: datumet kan inte ligga efter i dag."], nekad.Reasons);
        Assert.Null((await LoadAsync(intervju.Id)).MblDatum);

        await StegAsync(intervju.Id, (s, v) => s.RegistreraMblAsync(intervju.Id, v, Idag, "Vision, Kommunal", "Parterna är överens", agare));
        Assert.Equal(Idag, (await LoadAsync(intervju.Id)).MblDatum);
    }

    [Fact]
    public async Task KandidatenBedomsOchMarkerasSomIntervjuadForstNarDenBokadeIntervjunHarBorjat()
    {
        var intervju = await _data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var kandidat = intervju.KandidatIds[0];
        var agare = await _data.PrincipalAsync(IntervjuBuilder.Agare);
        var panel = await _data.PrincipalAsync(IntervjuBuilder.Panel);
        var tid = new Motestid(Idag.AddDays(2), new TimeOnly(10, 0), 60);
        await KandidatstegAsync(intervju.Id, kandidat, (s, v) => s.BokaIntervjuAsync(intervju.Id, kandidat, v, tid, "Kommunhuset, rum 2", agare));
        var poang = intervju.KompetensIds.Select(id => new Poangsattning(id, 4, "Tydliga exempel.")).ToList();

        var bedomning = await Kandidater(s => s.SparaBedomningAsync(intervju.Id, kandidat, poang, panel));
        Assert.Equal(Outcome.Refused, bedomning.Outcome);
        Assert.StartsWith("Intervjun är bokad till onsdag 25 november 2026 kl. 10:00.", Assert.Single(bedomning.Reasons));
        Assert.Equal(bedomning.Reasons.Single(), (await Kandidater(s => s.BedomningAsync(intervju.Id, kandidat, panel)))!.Hinder); // the page says it too
        var intervjuad = await Kandidater(async s => await s.FireAsync(intervju.Id, kandidat, await KandidatVersionAsync(kandidat), KandidatHandelse.MarkeraIntervjuad, agare));
        Assert.Equal(Outcome.Refused, intervjuad.Outcome);
        Assert.Equal(bedomning.Reasons, intervjuad.Reasons);
        var k = (await LoadAsync(intervju.Id)).Kandidater.Single(x => x.Id == kandidat);
        Assert.Equal((KandidatTillstand.IntervjuBokad, 0), (k.State, k.Bedomningar.Count));

        _clock.SetUtcNow(tid.StartUtc()); // the interview begins
        Assert.Equal(Outcome.Done, (await Kandidater(s => s.SparaBedomningAsync(intervju.Id, kandidat, poang, panel))).Outcome);
        // The scorecard after the interview has begun marks the candidate interviewed by itself.
        Assert.Equal(KandidatTillstand.Intervjuad, (await LoadAsync(intervju.Id)).Kandidater.Single(x => x.Id == kandidat).State);
    }

    private async Task<int> EnhetAsync(string namn)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Enheter.Where(e => e.Namn == namn).Select(e => e.Id).SingleAsync();
    }

    private Task<T> Rekryteringar<T>(Func<RekryteringService, Task<T>> command) => _data.KommandoAsync(command);

    private Task<T> Kandidater<T>(Func<KandidatService, Task<T>> command) => _data.KommandoAsync(command);

    private async Task StegAsync(int id, Func<RekryteringService, Guid, Task<CommandResult>> steg)
    {
        var result = await Rekryteringar(async s => await steg(s, await VersionAsync(id)));
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
    }

    private async Task KandidatstegAsync(int id, int kandidatId, Func<KandidatService, Guid, Task<CommandResult>> steg)
    {
        var result = await Kandidater(async s => await steg(s, await KandidatVersionAsync(kandidatId)));
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
    }

    private async Task<Guid> VersionAsync(int id) => (await LoadAsync(id)).Version;

    private async Task<RekryteringsTillstand> StateAsync(int id) => (await LoadAsync(id)).State;

    private async Task<Guid> KandidatVersionAsync(int kandidatId)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().Where(k => k.Id == kandidatId).Select(k => k.Version).SingleAsync();
    }

    private async Task<Rekryteringar.Rekrytering> LoadAsync(int id)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<Rekryteringar.Rekrytering>().AsNoTracking().Include(r => r.Kandidater).ThenInclude(k => k.Bedomningar).SingleAsync(r => r.Id == id);
    }
}
