using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Data;

/// <summary>
/// Optimistic concurrency on every versioned record, on both databases: two people who load the same record and both
/// save, the first wins and the second is refused. A new versioned type without rows here fails the test.
/// </summary>
public abstract class SamtidighetTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    [Fact]
    public async Task DenForstaVinnerOchDenAndraNekasForVarjeVersioneradPost()
    {
        await SeedOneOfEachAsync();
        await using var scope = portal.ScopeFor("kalix", out var probe);
        var types = probe.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(types.Count >= 8, $"bara {types.Count} versionerade typer");
        var tried = new List<string>();
        foreach (var type in types)
        {
            var id = await FirstIdAsync(probe, type.ClrType);
            Assert.True(id is not null, $"{type.ClrType.Name}: ingen post att pröva med");

            await using var a = portal.ScopeFor("kalix", out var first);
            await using var b = portal.ScopeFor("kalix", out var second);
            var mine = (await first.FindAsync(type.ClrType, id))!;
            var theirs = (await second.FindAsync(type.ClrType, id))!;
            first.Entry(mine).State = EntityState.Modified;
            second.Entry(theirs).State = EntityState.Modified;
            await first.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
            tried.Add(type.ClrType.Name);
        }
        Assert.Contains("Rekrytering", tried);
        Assert.Contains("AvvecklingsArende", tried);
    }

    private static async Task<object?> FirstIdAsync(AppDbContext db, Type type)
    {
        var method = typeof(SamtidighetTests<TPortal>).GetMethod(nameof(FirstIdOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return await (Task<object?>)method.MakeGenericMethod(type).Invoke(null, [db])!;
    }

    private static async Task<object?> FirstIdOf<T>(AppDbContext db) where T : class =>
        typeof(T) == typeof(Policyversion)
            // A published version may not change at all; the draft is what two people can edit at once.
            ? await db.Set<Policyversion>().Where(p => p.Status == Policystatus.Utkast).Select(p => (Guid?)p.Id).FirstOrDefaultAsync()
            : db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0].ClrType == typeof(Guid)
                ? await db.Set<T>().Select(e => (Guid?)EF.Property<Guid>(e, "Id")).FirstOrDefaultAsync()
                : await db.Set<T>().Select(e => EF.Property<int>(e, "Id")).OrderBy(id => id).Cast<int?>().FirstOrDefaultAsync();

    /// <summary>Records of the kinds demo data lacks: an introduction, a case, a meeting, a contract, a self-assessment, an Årets chef campaign.</summary>
    private async Task SeedOneOfEachAsync()
    {
        var data = new Testdata(portal);
        var karin = await data.PersonIdAsync("chef");
        await data.IntroduktionAsync(karin);
        await data.AvvecklingAsync(karin, "Samtidighetstest.");
        await data.UppdragskontraktAsync();
        await data.SjalvskattningAsync("chef");
        await data.KampanjAsync(DateTime.Today.Year, KampanjTillstand.Planerad);
        Assert.True((await data.KommandoAsync<PolicyService, CommandResult>(async s => await s.NyttUtkastAsync("kalix", await data.PrincipalAsync("hr")))).Succeeded);
        await using var scope = portal.ScopeFor("kalix", out var db);
        db.Add(new Mallversion { KommunId = "kalix", Nyckel = "besked-ej-aktuell", Nummer = 2, Amne = "Besked", Rubrik = "Besked", Innehall = "<p>Hej</p>", SkapadUtc = DateTime.UtcNow });
        // A refusal reason retired by two HR people at once.
        db.Add(new ChefsRekrytering.Notifications.Avslagsskal { KommunId = "kalix", Nyckel = "avslag-samtidighet", SkapadUtc = DateTime.UtcNow });
        // An interview time two candidates take at once (Sjalvbokning tests it through the page too).
        db.Add(new ChefsRekrytering.Rekryteringar.Intervjutid { KommunId = "kalix", RekryteringId = await db.Set<ChefsRekrytering.Rekryteringar.Rekrytering>().Select(r => r.Id).FirstAsync(),
            StartUtc = DateTime.UtcNow.AddDays(3), SlutUtc = DateTime.UtcNow.AddDays(3).AddHours(1), Plats = "Stadshuset" });
        await scope.ServiceProvider.GetRequiredService<MeetingService>().BookAsync(new MeetingRequest("Möte", null, null, DateTime.UtcNow.AddDays(3),
            DateTime.UtcNow.AddDays(3).AddHours(1), new MailRecipient("a@kalix.example", "A"), [], "Test:1"), "kalix");
        await db.SaveChangesAsync();
    }
}

public sealed class SamtidighetTestsSqlite(SqlitePortal portal) : SamtidighetTests<SqlitePortal>(portal);

public sealed class SamtidighetTestsPostgres(PostgresPortal portal) : SamtidighetTests<PostgresPortal>(portal);
