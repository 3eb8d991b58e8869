using System.Security.Claims;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// The recruitment's commands as the pages call them, by the demo accounts: a stale version and a person outside the
/// access rule change nothing and are told why; the steps that end a recruitment tell the applicants first, or no one.
/// </summary>
public class RekryteringKommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EnInaktuellVersionNekasPaSvenskaOchIngetAndras()
    {
        var id = await data.NyRekrytering().KravprofilAsync();
        await using var scope = portal.ScopeFor("kalix", out _);
        var (service, agare) = await AsAsync(scope, "rekryterande");
        var sedd = (await StoredAsync(id)).Version; // both forms were built from this version
        var sista = Idag.AddDays(30);

        Assert.True((await service.SparaAnnonsAsync(id, sedd, RekryteringBuilder.StandardAnnonstext + " Först.", sista, agare)).Succeeded);
        var andra = await service.SparaAnnonsAsync(id, sedd, RekryteringBuilder.StandardAnnonstext + " Sedan.", sista, agare);

        Assert.Equal(Outcome.Conflict, andra.Outcome);
        Assert.Equal([RekryteringService.AndradSamtidigt], andra.Reasons);
        Assert.StartsWith("Någon annan har ändrat uppgifterna", andra.Reasons[0]);
        Assert.EndsWith("Först.", (await StoredAsync(id)).Annonstext);
    }

    [Theory]
    [InlineData("kalix", "medarbetare")]
    [InlineData("kalix", "chef")]
    [InlineData("alvsbyn", "hr")]
    public async Task DenSomInteSerRekryteringenFarNotFoundOchIngetAndras(string kommun, string login)
    {
        var id = await data.NyRekrytering().KravprofilAsync();
        var before = await StoredAsync(id);
        await using var scope = portal.ScopeFor(kommun, out _);
        var service = scope.ServiceProvider.GetRequiredService<RekryteringService>();
        var utomstaende = await data.I(kommun).PrincipalAsync(login);

        Assert.Null(await service.SynligAsync(id, utomstaende));
        Assert.Null(await service.OversiktAsync(id, utomstaende));
        foreach (var result in new[]
                 {
                     await service.FireAsync(id, before.Version, RekryteringsHandelse.Avbryt, "Smygande avbrott", utomstaende),
                     await service.SparaAnnonsAsync(id, before.Version, RekryteringBuilder.StandardAnnonstext + " Ändrad.", Idag.AddDays(10), utomstaende),
                     await service.SattGallringsstoppAsync(id, before.Version, "Smygande stopp", utomstaende),
                 })
            Assert.Equal(Outcome.NotFound, result.Outcome);

        var after = await StoredAsync(id);
        Assert.Equal((before.Version, before.State, before.Annonstext, false), (after.Version, after.State, after.Annonstext, after.GallringsStopp));
    }

    [Fact]
    public async Task PanelenSerRekryteringenMenFarInteDrivaDen()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var before = await StoredAsync(intervju.Id);
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out _);
        var service = scope.ServiceProvider.GetRequiredService<RekryteringService>();
        var panel = await data.I(IntervjuBuilder.Kommun).PrincipalAsync(IntervjuBuilder.Panel);

        Assert.NotNull(await service.SynligAsync(intervju.Id, panel));
        Assert.Equal(Outcome.Forbidden, (await service.FireAsync(intervju.Id, before.Version, RekryteringsHandelse.Avbryt, "Panelens avbrott", panel)).Outcome);
        Assert.Equal(Outcome.Forbidden, (await service.TaBortUrPanelenAsync(intervju.Id, before.Version, before.Panel.Single().Id, panel)).Outcome);
        var kandidater = scope.ServiceProvider.GetRequiredService<KandidatService>();
        var k = intervju.KandidatIds[0];
        Assert.Equal(Outcome.Forbidden, (await kandidater.EjAktuellAsync(intervju.Id, k, await KandidatVersionAsync(k), "avslag-kravprofil", panel)).Outcome);

        var after = await StoredAsync(intervju.Id);
        Assert.Equal((before.Version, RekryteringsTillstand.Intervjuer, 1), (after.Version, after.State, after.Panel.Count));
        Assert.All(after.Kandidater, c => Assert.Equal(KandidatTillstand.IntervjuBokad, c.State));
    }

    [Fact]
    public async Task ForetradesrattenKontrollerasAvHrOchBehovetGodkannsAvHr()
    {
        var owner = await data.InloggadAsync("rekryterande");
        var id = await RekryteringPagesTests.CreateAsync(owner, "Enhetschef med HR-steg");
        await using var scope = portal.ScopeFor("kalix", out _);
        var (service, agare) = await AsAsync(scope, "rekryterande");
        var version = (await StoredAsync(id)).Version;
        Assert.True((await service.FireAsync(id, version, RekryteringsHandelse.SkickaForBehovsprovning, null, agare)).Succeeded);
        version = (await StoredAsync(id)).Version;

        var las = await service.RegistreraLasAsync(id, version, LasUtfall.IngenForetradesratt, null, agare);
        var godkann = await service.FireAsync(id, version, RekryteringsHandelse.GodkannBehov, null, agare);

        Assert.Equal(Outcome.Refused, las.Outcome);
        Assert.Equal(["Företrädesrätten kontrolleras av HR."], las.Reasons);
        Assert.Equal(Outcome.Refused, godkann.Outcome);
        Assert.Equal(["Behovet godkänns av HR."], godkann.Reasons);
        var stored = await StoredAsync(id);
        Assert.Equal((version, RekryteringsTillstand.Behovsprovning, false), (stored.Version, stored.State, stored.LasKontrollerad));
    }

    [Fact]
    public async Task AvbrottBeskedarAllaSomArKvarOchSparasMedSkalet()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out _);
        var (service, hr) = await AsAsync(scope, IntervjuBuilder.Hr);
        var version = (await StoredAsync(intervju.Id)).Version;

        var result = await service.FireAsync(intervju.Id, version, RekryteringsHandelse.Avbryt, "Verksamheten läggs ned", hr);

        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        var stored = await StoredAsync(intervju.Id);
        Assert.Equal((RekryteringsTillstand.Avbruten, "Verksamheten läggs ned"), (stored.State, stored.AvbrottsSkal));
        Assert.All(stored.Kandidater, k => Assert.Equal(KandidatTillstand.EjAktuell, k.State));
        Assert.All(stored.Kandidater, k => Assert.NotNull(k.UtfallMeddelatUtc));
        Assert.Equal(2, await BeskedAsync(intervju));
    }

    [Fact]
    public async Task AvbrottUtanSkalNekasInnanNagonFarBesked()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out _);
        var (service, hr) = await AsAsync(scope, IntervjuBuilder.Hr);
        var version = (await StoredAsync(intervju.Id)).Version;

        var result = await service.FireAsync(intervju.Id, version, RekryteringsHandelse.Avbryt, "  ", hr);

        Assert.Equal(Outcome.Refused, result.Outcome);
        Assert.Equal(["Ange ett skäl för att avbryta rekryteringen."], result.Reasons);
        var stored = await StoredAsync(intervju.Id);
        Assert.Equal((version, RekryteringsTillstand.Intervjuer), (stored.Version, stored.State));
        Assert.All(stored.Kandidater, k => Assert.Equal((KandidatTillstand.IntervjuBokad, (DateTime?)null), (k.State, k.UtfallMeddelatUtc)));
        Assert.Equal(0, await BeskedAsync(intervju));
    }

    [Fact]
    public async Task AvbrottMedEttObesvaratErbjudandeNekasOchIngenFarBesked()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Foreslagen).BuildAsync();
        await using (var setup = portal.ScopeFor(IntervjuBuilder.Kommun, out var db))
        {
            // The decision is taken and the offer made to the first applicant; she has not answered yet.
            var r = await db.Set<Rekryteringar.Rekrytering>().Include(x => x.Kandidater).SingleAsync(x => x.Id == intervju.Id);
            (r.State, r.ValdKandidatId) = (RekryteringsTillstand.Erbjudande, intervju.KandidatIds[0]);
            r.Kandidater.Single(k => k.Id == intervju.KandidatIds[0]).State = KandidatTillstand.Erbjuden;
            await db.SaveChangesAsync();
        }
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out _);
        var (service, hr) = await AsAsync(scope, IntervjuBuilder.Hr);
        var version = (await StoredAsync(intervju.Id)).Version;

        var result = await service.FireAsync(intervju.Id, version, RekryteringsHandelse.Avbryt, "Budgeten drogs in", hr);

        Assert.Equal(Outcome.Refused, result.Outcome);
        Assert.Equal("Åsa Öberg har ett erbjudande som inte är besvarat. Registrera svaret först.", Assert.Single(result.Reasons));
        var stored = await StoredAsync(intervju.Id);
        Assert.Equal((RekryteringsTillstand.Erbjudande, KandidatTillstand.Foreslagen), (stored.State, stored.Kandidater.Single(k => k.Id == intervju.KandidatIds[1]).State));
        Assert.Equal(0, await BeskedAsync(intervju));
    }

    [Fact]
    public async Task ErbjudandetsStartdatumOchVillkorSparasForstNarErbjudandetLamnas()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Foreslagen).BuildAsync();
        var (vald, annan) = (intervju.KandidatIds[0], intervju.KandidatIds[1]);
        await using (var setup = portal.ScopeFor(IntervjuBuilder.Kommun, out var db))
        {
            var r = await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == intervju.Id);
            (r.State, r.ValdKandidatId) = (RekryteringsTillstand.Erbjudande, vald);
            await db.SaveChangesAsync();
        }
        await using var check = portal.ScopeFor(IntervjuBuilder.Kommun, out var read);
        var kandidater = check.ServiceProvider.GetRequiredService<KandidatService>();
        var agare = await data.I(IntervjuBuilder.Kommun).PrincipalAsync(IntervjuBuilder.Agare);
        var start = Idag.AddMonths(2);

        var fel = await kandidater.ErbjudAsync(intervju.Id, annan, await KandidatVersionAsync(annan), start, "Lön enligt avtal.", agare);
        var ratt = await kandidater.ErbjudAsync(intervju.Id, vald, await KandidatVersionAsync(vald), start, "  Lön enligt avtal. ", agare);

        Assert.Equal(["Erbjudande lämnas till den kandidat som anställningsbeslutet gäller"], fel.Reasons);
        Assert.True(ratt.Succeeded, string.Join(" ", ratt.Reasons));
        var stored = await read.Set<Kandidat>().AsNoTracking().Where(k => k.RekryteringId == intervju.Id).ToDictionaryAsync(k => k.Id);
        Assert.Equal((KandidatTillstand.Foreslagen, (DateOnly?)null, (string?)null, (DateTime?)null),
            (stored[annan].State, stored[annan].Startdatum, stored[annan].Erbjudandevillkor, stored[annan].ErbjudetUtc));
        Assert.Equal((KandidatTillstand.Erbjuden, (DateOnly?)start, "Lön enligt avtal."), (stored[vald].State, stored[vald].Startdatum, stored[vald].Erbjudandevillkor));
        Assert.NotNull(stored[vald].ErbjudetUtc);
        Assert.True(await read.Set<OutboxMessage>().AnyAsync(m => m.Topic == $"Kandidat:{vald}" && m.Subject.StartsWith("Erbjudande om anställning")));
    }

    private static DateOnly Idag => DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));

    /// <summary>The recruitment service of the scope and the Kalix demo account that calls it.</summary>
    private async Task<(RekryteringService Service, ClaimsPrincipal User)> AsAsync(AsyncServiceScope scope, string login) =>
        (scope.ServiceProvider.GetRequiredService<RekryteringService>(), await data.PrincipalAsync(login));

    private async Task<Rekryteringar.Rekrytering> StoredAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Rekryteringar.Rekrytering>().AsNoTracking().Include(r => r.Kandidater).Include(r => r.Panel).SingleAsync(r => r.Id == id);
    }

    private async Task<Guid> KandidatVersionAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().Where(k => k.Id == kandidatId).Select(k => k.Version).SingleAsync();
    }

    /// <summary>The outcome mails (the Besked template) sent to the interview's applicants.</summary>
    private async Task<int> BeskedAsync(Intervju intervju)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var topics = intervju.KandidatIds.Select(k => $"Kandidat:{k}").ToList();
        return await db.Set<OutboxMessage>().CountAsync(m => topics.Contains(m.Topic) && m.Subject.StartsWith("Besked om din ansökan"));
    }
}
