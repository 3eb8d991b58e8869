using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Introduktion;

/// <summary>
/// The introduction's commands called as its page calls them: each finds the introduction through its access rule,
/// checks the version the form was built from, and changes nothing when it refuses.
/// </summary>
public class IntroduktionKommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EttFormularFranEnAldreVersionAndrarIngentingOchSagerVarforPaSvenska()
    {
        var (id, punktId, version) = await IntroduktionAsync("Johan Lundberg");
        var hr = await data.PrincipalAsync("hr");

        var result = await KommandoAsync(s => s.MarkeraKlarAsync(id, Guid.NewGuid(), punktId, null, hr));

        Assert.Equal(Outcome.Conflict, result.Outcome);
        Assert.Equal([VersionedCommands.ConflictText], result.Reasons);
        Assert.StartsWith("Någon annan har ändrat uppgifterna", result.Reasons[0]);
        var (klar, nu) = await LaesAsync(id, punktId);
        Assert.Null(klar);
        Assert.Equal(version, nu);
        // The version the form carries goes through.
        Assert.Equal(Outcome.Done, (await KommandoAsync(s => s.MarkeraKlarAsync(id, version, punktId, null, hr))).Outcome);
        Assert.NotNull((await LaesAsync(id, punktId)).KlarUtc);
    }

    [Fact]
    public async Task DenSomInteSerIntroduktionenFarNotFoundPaVarjeKommandoOchIngentingAndras()
    {
        var (id, punktId, version) = await IntroduktionAsync("Per Sandberg");
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("kalix", "jury"), ("kalix", "admin"), ("alvsbyn", "hr") })
        {
            var user = await data.I(kommun).PrincipalAsync(login);
            var tid = new Motestid(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), new TimeOnly(10, 0), 60);
            await using var scope = portal.ScopeFor(kommun, out _);
            var service = scope.ServiceProvider.GetRequiredService<IntroduktionService>();
            Assert.Equal(Outcome.NotFound, (await service.FireAsync(id, version, IntroduktionHandelse.Avbryt, "Obehörig", user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await service.MarkeraKlarAsync(id, version, punktId, null, user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await service.BokaUppfoljningAsync(id, version, punktId, tid, "Kommunhuset", user)).Outcome);
            Assert.Null(await service.DetaljerAsync(id, user));
            Assert.DoesNotContain(await service.ListaAsync(user), i => i.Id == id);
        }
        await using var check = portal.ScopeFor("kalix", out var db);
        var intro = await db.Set<Introduktioner.Introduktion>().Include(i => i.Punkter).SingleAsync(i => i.Id == id);
        Assert.Equal((IntroduktionTillstand.Planerad, version), (intro.State, intro.Version));
        Assert.All(intro.Punkter, p => Assert.Null(p.KlarUtc));
        Assert.Equal(0, await db.Set<Mote>().CountAsync(m => m.Koppling.StartsWith("IntroduktionPunkt:") && m.Rubrik.EndsWith("Per Sandberg")));
    }

    [Fact]
    public async Task BaraHrSkaparEnIntroduktion()
    {
        var karinId = await data.PersonIdAsync("chef");
        var anders = await data.PrincipalAsync("rekryterande");
        var andersUserId = anders.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var result = await KommandoAsync(s => s.SkapaAsync(new NyIntroduktion(karinId, "Enhetschef", DateOnly.FromDateTime(DateTime.UtcNow), andersUserId), anders));
        Assert.Equal(Outcome.NotFound, result.Result.Outcome);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Introduktioner.Introduktion>().AnyAsync(i => i.ChefPersonId == karinId));
    }

    [Fact]
    public async Task NyaChefenKanInteVaraAnstallandeChefForSinEgenIntroduktion()
    {
        var maria = await data.KontoAsync("kommunchef");
        var hr = await data.PrincipalAsync("hr");
        var idag = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));

        var result = await KommandoAsync(s => s.SkapaAsync(new NyIntroduktion(maria.PersonId!.Value, "Kommunchef", idag.AddDays(10), maria.UserId), hr));

        Assert.Equal(Outcome.Refused, result.Result.Outcome);
        Assert.Equal(["Maria Lindqvist kan inte vara anställande chef för sin egen introduktion. Välj den chef som anställt Maria."], result.Result.Reasons);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Introduktioner.Introduktion>().AnyAsync(i => i.ChefPersonId == maria.PersonId));
    }

    [Fact]
    public async Task EnIntroduktionForEnChefSomRedanHarBorjatRaknarSinaDatumFranIdag()
    {
        var idag = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));
        var id = await data.IntroduktionAsync(await data.IdForNamnAsync("Sofia Karlsson"), "Biträdande rektor", idag.AddDays(-60));

        await using var scope = portal.ScopeFor("kalix", out var db);
        var intro = await db.Set<Introduktioner.Introduktion>().AsNoTracking().Include(i => i.Punkter).SingleAsync(i => i.Id == id);
        Assert.Equal(idag.AddDays(-60), intro.Startdatum); // the start date itself is what HR gave
        var forfaller = intro.Punkter.Where(p => p.Typ != PunktTyp.Policyavsnitt).ToDictionary(p => p.Rubrik, p => p.Forfaller);
        Assert.Equal(idag, forfaller["Välkomstsamtal med förvaltningschefen"]);
        Assert.Equal(idag.AddDays(30), forfaller["Uppföljningssamtal efter en månad"]);
        Assert.All(intro.Punkter.Where(p => p.Typ == PunktTyp.Policyavsnitt), p => Assert.Equal(idag.AddDays(14), p.Forfaller));
    }

    [Fact]
    public void VaktenSagerMedEnKodVadSomHindrarNastaSteg()
    {
        var intro = new Introduktioner.Introduktion
        {
            KommunId = "kalix", ChefNamn = "c", Befattning = "b", AnstallandeChefNamn = "a", Startdatum = new DateOnly(2027, 1, 10),
            Punkter = [new IntroduktionPunkt { KommunId = "kalix", Rubrik = "Välkomstsamtal", Typ = PunktTyp.Mote }],
        };
        var journal = new Journal();
        var flode = new IntroduktionWorkflow(intro, journal, new DateOnly(2026, 11, 23));
        Assert.True(flode.Actions().Single(a => a.Trigger == IntroduktionHandelse.Starta).BlockedOnlyBy(IntroduktionWorkflow.ForTidigt));

        intro.State = IntroduktionTillstand.Pagar;
        var refused = flode.Fire(IntroduktionHandelse.TillUppfoljning, Actor.System);
        Assert.Equal([IntroduktionWorkflow.IntroduktionspunkterKvar], refused.Guards.Select(g => g.Code));
        intro.Punkter[0].KlarUtc = journal.UtcNow;
        Assert.True(flode.Fire(IntroduktionHandelse.TillUppfoljning, Actor.System).Succeeded);
    }

    private sealed class Journal : IWorkflowJournal
    {
        public void Record(WorkflowTransition transition) { }
        public DateTime UtcNow => new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>An introduction HR starts for a Kalix employee (by name) a month ahead: its id, an item HR ticks, its version.</summary>
    private async Task<(int Id, int PunktId, Guid Version)> IntroduktionAsync(string namn)
    {
        var id = await data.IntroduktionAsync(await data.IdForNamnAsync(namn), startdatum: DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow)).AddDays(30));
        await using var scope = portal.ScopeFor("kalix", out var db);
        var intro = await db.Set<Introduktioner.Introduktion>().AsNoTracking().Include(i => i.Punkter).SingleAsync(i => i.Id == id);
        return (intro.Id, intro.Punkter.OrderBy(p => p.Ordning).First(p => p.Agare == PunktAgare.HR).Id, intro.Version);
    }

    private async Task<(DateTime? KlarUtc, Guid Version)> LaesAsync(int id, int punktId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var intro = await db.Set<Introduktioner.Introduktion>().AsNoTracking().Include(i => i.Punkter).SingleAsync(i => i.Id == id);
        return (intro.Punkter.Single(p => p.Id == punktId).KlarUtc, intro.Version);
    }

    /// <summary>One command in a scope of its own, as one request.</summary>
    private async Task<T> KommandoAsync<T>(Func<IntroduktionService, Task<T>> command)
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        return await command(scope.ServiceProvider.GetRequiredService<IntroduktionService>());
    }
}
