using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Avveckling;

/// <summary>
/// The case's commands called as its pages call them: the access rule decides before anything else (a case one may
/// not see does not exist), a form built from an older version changes nothing, and the guards name what stops a step.
/// </summary>
public class AvvecklingKommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private static DateOnly Idag => DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow));

    [Fact]
    public async Task EnAtgardFranEttAldreFormularSparasInteOchSvaretSagerVarfor()
    {
        var id = await StartAsync();
        var anders = await data.PrincipalAsync("rekryterande");
        var atgard = new PlaneradAtgard("Coachning", "Anders Nilsson", Idag, Idag.AddDays(30), true);

        var stale = await KommandoAsync(s => s.LaggTillAtgardAsync(id, Guid.NewGuid(), atgard, anders));
        Assert.Equal((Outcome.Conflict, VersionedCommands.ConflictText), (stale.Outcome, stale.Reasons.Single()));
        Assert.Equal((0, AvvecklingTillstand.Initierad), await LaesAsync(id));

        Assert.Equal(Outcome.Done, (await KommandoAsync(async s => await s.LaggTillAtgardAsync(id, await VersionAsync(id), atgard, anders))).Outcome);
        Assert.Equal((1, AvvecklingTillstand.Handlingsplan), await LaesAsync(id));
    }

    [Fact]
    public async Task DenSomInteArPartFarNotFoundPaVarjeKommandoOchArendetArOrort()
    {
        var id = await StartAsync();
        var version = await VersionAsync(id);
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("kalix", "kommunchef"), ("kalix", "jury"), ("kalix", "admin"), ("alvsbyn", "hr") })
        {
            var user = await data.I(kommun).PrincipalAsync(login);
            await using var scope = portal.ScopeFor(kommun, out _);
            var service = scope.ServiceProvider.GetRequiredService<AvvecklingService>();
            foreach (var result in new[]
                     {
                         await service.FireAsync(id, version, AvvecklingHandelse.UpprattaPlan, user),
                         await service.LaggTillAtgardAsync(id, version, new("Smygåtgärd", "X", Idag, Idag.AddDays(1), false), user),
                         await service.MarkeraGenomfordAsync(id, version, 1, user),
                         await service.SkrivAnteckningAsync(id, version, 1, "Smyganteckning", user),
                         await service.SparaUtvarderingAsync(id, version, new(AvvecklingUtfall.NyRoll, "Smyg", Idag), user),
                         await service.LaggTillBilagaAsync(id, new MemoryStream(Documents.TestFiles.Pdf()), "smyg.pdf", user),
                     })
                Assert.True(result.Outcome == Outcome.NotFound, $"{login}@{kommun}: {result.Outcome}");
            Assert.Null(await service.DetaljerAsync(id, user));
            Assert.DoesNotContain((await service.ListaAsync(user)).Arenden, a => a.Id == id);
        }
        Assert.Equal((0, AvvecklingTillstand.Initierad), await LaesAsync(id));
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task ChefenSomArendetGallerSkriverAnteckningarMenDriverInteArendet()
    {
        var id = await StartAsync();
        var anders = await data.PrincipalAsync("rekryterande");
        await KommandoAsync(async s => await s.LaggTillAtgardAsync(id, await VersionAsync(id), new("Coachning", "Anders Nilsson", Idag, Idag.AddDays(30), true), anders));
        int atgardId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            atgardId = await db.Set<Atgard>().Where(x => x.ArendeId == id).Select(x => x.Id).SingleAsync();

        var karin = await data.PrincipalAsync("chef");
        Assert.Equal(Outcome.Done, (await KommandoAsync(async s => await s.SkrivAnteckningAsync(id, await VersionAsync(id), atgardId, "Det går framåt.", karin))).Outcome);
        Assert.Equal(Outcome.NotFound, (await KommandoAsync(async s => await s.MarkeraGenomfordAsync(id, await VersionAsync(id), atgardId, karin))).Outcome);
        Assert.Equal(Outcome.NotFound, (await KommandoAsync(async s => await s.FireAsync(id, await VersionAsync(id), AvvecklingHandelse.Genomfor, karin))).Outcome);
    }

    [Fact]
    public async Task ChefenSomArendetGallerFarEttMejlNarHandlingsplanenBorjarGenomforas()
    {
        var id = await StartAsync();
        var anders = await data.PrincipalAsync("rekryterande");
        var karin = await data.KontoAsync("chef");
        await KommandoAsync(async s => await s.LaggTillAtgardAsync(id, await VersionAsync(id), new("Coachning i svåra samtal", "Anders Nilsson", Idag, Idag.AddDays(30), true), anders));
        var fore = await MejlTillAsync(id, karin.Konto.Email!);

        Assert.Equal(Outcome.Done, (await KommandoAsync(async s => await s.FireAsync(id, await VersionAsync(id), AvvecklingHandelse.Genomfor, anders))).Outcome);
        var nya = (await MejlTillAsync(id, karin.Konto.Email!)).Skip(fore.Count).ToList();
        var mejl = Assert.Single(nya);
        Assert.Contains("Handlingsplanen", mejl.TextBody);
        Assert.Contains($"/avveckling/{id}", mejl.TextBody);
        Assert.DoesNotContain("Coachning", mejl.TextBody); // a confidential case: the mail says only where to look
    }

    private async Task<List<ChefsRekrytering.Notifications.OutboxMessage>> MejlTillAsync(int id, string adress)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<ChefsRekrytering.Notifications.OutboxMessage>().Where(m => m.Topic == $"Avveckling:{id}" && m.ToAddress == adress)
            .OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task EnChefStartarInteEttArendeOmNagonHonInteArNarmastHogreChefFor()
    {
        var karin = await data.PrincipalAsync("chef");
        var andersId = await data.PersonIdAsync("rekryterande");
        int fore;
        await using (var scope = portal.ScopeFor("kalix", out var db)) fore = await db.Set<AvvecklingsArende>().CountAsync();

        var result = await KommandoAsync(s => s.StartaArendeAsync(new(andersId, false, "Ett ärende om min egen chef, som jag inte får starta."), karin));

        Assert.Equal(Outcome.Refused, result.Result.Outcome);
        Assert.Equal(["Välj en chef som du får starta ett ärende för."], result.Result.Reasons);
        await using (var scope = portal.ScopeFor("kalix", out var db)) Assert.Equal(fore, await db.Set<AvvecklingsArende>().CountAsync());
    }

    [Fact]
    public void VaktenSagerMedKoderVadSomFattasForAttAvsluta()
    {
        var a = new AvvecklingsArende
        {
            KommunId = "kalix", ChefNamn = "c", AnsvarigNamn = "a", InitieradAvNamn = "i", Bakgrund = "b", State = AvvecklingTillstand.Utvardering,
            Utfall = AvvecklingUtfall.NyRoll,
        };
        var flode = new AvvecklingWorkflow(a, new Journal());
        var avsluta = flode.Actions().Single(x => x.Trigger == AvvecklingHandelse.Avsluta);
        Assert.True(avsluta.BlockedOnlyBy(AvvecklingWorkflow.UtvarderingSaknas, AvvecklingWorkflow.SistaDagSaknas));
        Assert.Equal([AvvecklingWorkflow.UtvarderingSaknas, AvvecklingWorkflow.SistaDagSaknas], avsluta.Guards.Select(g => g.Code));
        Assert.Contains(AvvecklingTillstand.Utvardering, AvvecklingWorkflow.UtvarderingOchUtfall);
        Assert.DoesNotContain(AvvecklingTillstand.Utvardering, AvvecklingWorkflow.PlanenOppen);
    }

    private sealed class Journal : IWorkflowJournal
    {
        public void Record(WorkflowTransition transition) { }
        public DateTime UtcNow => new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>Anders Nilsson starts a case about Karin Öberg, whom he is närmast högre chef for, as the list page does.</summary>
    private async Task<int> StartAsync() =>
        await data.AvvecklingAsync(await data.PersonIdAsync("chef"), "Arbetsmiljöproblem som inte har gått att lösa.", av: "rekryterande");

    private async Task<Guid> VersionAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<AvvecklingsArende>().Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
    }

    private async Task<(int Atgarder, AvvecklingTillstand State)> LaesAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var a = await db.Set<AvvecklingsArende>().AsNoTracking().Include(x => x.Atgarder).SingleAsync(x => x.Id == id);
        return (a.Atgarder.Count, a.State);
    }

    /// <summary>One command in a scope of its own, as one request.</summary>
    private async Task<T> KommandoAsync<T>(Func<AvvecklingService, Task<T>> command)
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        return await command(scope.ServiceProvider.GetRequiredService<AvvecklingService>());
    }
}
