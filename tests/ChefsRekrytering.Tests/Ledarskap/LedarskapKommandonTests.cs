using ChefsRekrytering.Data;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>
/// The contract's and the self-assessment's commands called as their pages call them: the re-assessment's date rule,
/// which used to live in the page, a form built from an older version, and a user who is no party.
/// </summary>
public class LedarskapKommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private static DateOnly Idag => DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));

    [Fact]
    public async Task EnOmprovningDateradForeKontraktetsStartEllerEfterIdagNekasAvTjansten()
    {
        // Anders Nilsson's contract with the kommunchef Maria Lindqvist as principal, in force from today.
        var andersId = await data.PersonIdAsync("rekryterande");
        var (anders, maria) = (await data.PrincipalAsync("rekryterande"), await data.PrincipalAsync("kommunchef"));
        await data.UppdragskontraktAsync("rekryterande", "kommunchef", bekraftat: true,
            innehall: new("Socialförvaltningen.", "Ny äldreomsorgsplan.", "Budget i balans.", null, []));

        foreach (var datum in new[] { Idag.AddDays(-1), Idag.AddDays(1) })
        {
            var refused = await KontraktAsync(async s => await s.RegistreraOmprovningAsync(andersId, await VersionAsync(andersId),
                new(datum, "För tidigt eller för sent.", OmprovningsUtfall.FortsatterGalla), maria), mustSucceed: false);
            Assert.Equal(Outcome.Refused, refused.Outcome);
            Assert.StartsWith("Datumet för omprövningen ska vara mellan", refused.Reasons.Single());
        }
        // The manager does not record the re-assessment of their own contract.
        var own = await KontraktAsync(async s => await s.RegistreraOmprovningAsync(andersId, await VersionAsync(andersId),
            new(Idag, "Själv.", OmprovningsUtfall.FortsatterGalla), anders), mustSucceed: false);
        Assert.Equal(["Omprövningen registreras av uppdragsgivaren eller HR."], own.Reasons);
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.Empty(await db.Set<UppdragskontraktOmprovning>().Where(o => db.Set<Uppdragskontrakt>().Any(k => k.Id == o.UppdragskontraktId && k.ChefPersonId == andersId)).ToListAsync());

        await KontraktAsync(async s => await s.RegistreraOmprovningAsync(andersId, await VersionAsync(andersId), new(Idag, "Målen nåddes.", OmprovningsUtfall.FortsatterGalla), maria));
    }

    [Fact]
    public async Task EnSjalvskattningFranEttAldreFormularSparasInte()
    {
        var fredrikId = await data.I("alvsbyn").PersonIdAsync("chef");
        var fredrik = await data.I("alvsbyn").PrincipalAsync("chef");
        var ar = await data.I("alvsbyn").SjalvskattningAsync("chef");
        var (krav, version) = await SkattningAsync(fredrikId, ar);

        await using (var scope = portal.ScopeFor("alvsbyn", out _))
        {
            var service = scope.ServiceProvider.GetRequiredService<SjalvskattningService>();
            var result = await service.SparaUtkastAsync(fredrikId, ar, Guid.NewGuid(), [new Skattning(krav, Betyg.Val, "Ett gammalt formulär.")], fredrik);
            Assert.Equal((Outcome.Conflict, VersionedCommands.ConflictText), (result.Outcome, result.Reasons.Single()));
        }
        var (_, after) = await SkattningAsync(fredrikId, ar);
        Assert.Equal(version, after);
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
            Assert.False(await db.Set<SjalvskattningRad>().AnyAsync(r => r.Kommentar == "Ett gammalt formulär."));
    }

    [Fact]
    public async Task DenSomInteArPartFarNotFoundOchIngetPaborjas()
    {
        var karinId = await data.PersonIdAsync("chef");
        var ar = Idag.Year;
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("kalix", "kommunchef"), ("alvsbyn", "hr") })
        {
            var user = await data.I(kommun).PrincipalAsync(login);
            await using var scope = portal.ScopeFor(kommun, out _);
            var skattning = scope.ServiceProvider.GetRequiredService<SjalvskattningService>();
            var kontrakt = scope.ServiceProvider.GetRequiredService<UppdragskontraktService>();
            Assert.Equal(Outcome.NotFound, (await skattning.PaborjaAsync(karinId, user)).Result.Outcome);
            Assert.Equal(Outcome.NotFound, (await skattning.SparaUtkastAsync(karinId, ar, Guid.Empty, [], user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await skattning.RegistreraSamtaletAsync(karinId, ar, Guid.Empty, "Obehörigt", user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await kontrakt.SparaUtkastAsync(karinId, Guid.Empty, new("Obehörigt", "Obehörigt", "Obehörigt", null, []), "X", user)).Outcome);
            Assert.Equal(Outcome.NotFound, (await kontrakt.BekraftaAsync(karinId, Guid.Empty, KontraktSida.Uppdragsgivare, user)).Outcome);
            Assert.Null(await kontrakt.DetaljerAsync(karinId, user));
        }
        await using var check = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Sjalvskattning>().AnyAsync(s => s.ChefPersonId == karinId));
        Assert.False(await db.Set<Uppdragskontrakt>().AnyAsync(k => k.ChefPersonId == karinId));
    }

    [Fact]
    public void StegenVisasIProcessensOrdningOchVaktenHarKoder()
    {
        Assert.Equal([SjalvskattningTillstand.Utkast, SjalvskattningTillstand.Inlamnad, SjalvskattningTillstand.Diskuterad], SjalvskattningWorkflow.Stegen);
        var s = new Sjalvskattning
        {
            KommunId = "kalix", Ar = 2026, Rader = [new() { KommunId = "kalix", KravId = "a", OmradeId = "o", Omrade = "O", Text = "A" }],
        };
        var lamnaIn = new SjalvskattningWorkflow(s, new Journal(), new ChefParter(false, true)).Actions().Single(a => a.Trigger == SjalvskattningHandelse.LamnaIn);
        Assert.Equal([SjalvskattningWorkflow.InteChefen, SjalvskattningWorkflow.KravOskattade], lamnaIn.Guards.Select(g => g.Code));
        var k = new Uppdragskontrakt { KommunId = "kalix", UppdragsgivareNamn = "" };
        Assert.True(new UppdragskontraktWorkflow(k, new Journal(), new DateOnly(2026, 11, 23)).Actions().Single()
            .BlockedOnlyBy(UppdragskontraktWorkflow.ChefenHarInteBekraftat, UppdragskontraktWorkflow.UppdragsgivarenHarInteBekraftat));
    }

    private sealed class Journal : IWorkflowJournal
    {
        public void Record(WorkflowTransition transition) { }
        public DateTime UtcNow => new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    }

    private async Task<Guid> VersionAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Uppdragskontrakt>().Where(k => k.ChefPersonId == personId).OrderByDescending(k => k.Versionsnummer).Select(k => k.Version).FirstAsync();
    }

    private async Task<(string KravId, Guid Version)> SkattningAsync(int personId, int ar)
    {
        await using var scope = portal.ScopeFor("alvsbyn", out var db);
        var s = await db.Set<Sjalvskattning>().AsNoTracking().Include(x => x.Rader).SingleAsync(x => x.ChefPersonId == personId && x.Ar == ar);
        return (s.Ordnade.First().KravId, s.Version);
    }

    /// <summary>One contract command in a scope of its own, as one request; by default it must succeed.</summary>
    private async Task<CommandResult> KontraktAsync(Func<UppdragskontraktService, Task<CommandResult>> command, bool mustSucceed = true)
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        var result = await command(scope.ServiceProvider.GetRequiredService<UppdragskontraktService>());
        if (mustSucceed) Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        return result;
    }
}
