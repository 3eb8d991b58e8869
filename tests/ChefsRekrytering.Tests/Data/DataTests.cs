using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Data;

/// <summary>The same data behaviour on both databases the portal supports.</summary>
public abstract class DataTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    [Fact]
    public async Task MigreringarKorsOchDemodataSas()
    {
        _ = portal.Server; // builds the host: migrations and seeding run at start-up
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(5, await db.Kommuner.CountAsync());
        Assert.Contains(await db.Enheter.Select(e => e.Namn).ToListAsync(), n => n == "Äldreboendet Furugården");
        Assert.True(await db.Personer.CountAsync() >= 10);
        Assert.Equal(portal.Provider == DatabaseProvider.Postgres, db.Database.ProviderName!.Contains("Npgsql"));
    }

    [Fact]
    public async Task MigreringenMotsvararModellen()
    {
        // One initial migration per provider until release: a model change without its migration fails here.
        _ = portal.Server;
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Single(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Modellen har ändringar som saknar migrering: kör infra/initial-migration.sh.");
    }

    [Fact]
    public async Task VarjeKommunSerBaraSinaEgnaPoster()
    {
        _ = portal.Server;
        await using (var kalix = portal.ScopeFor("kalix", out var db))
            Assert.All(await db.Personer.ToListAsync(), p => Assert.Equal("kalix", p.KommunId));
        await using (var alvsbyn = portal.ScopeFor("alvsbyn", out var db))
        {
            var people = await db.Personer.ToListAsync();
            Assert.NotEmpty(people);
            Assert.All(people, p => Assert.Equal("alvsbyn", p.KommunId));
            Assert.DoesNotContain(people, p => p.Efternamn == "Öberg");
        }
    }

    [Fact]
    public async Task UtanKommunSynsIngenting()
    {
        _ = portal.Server;
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Personer.CountAsync());
        Assert.True(await db.Personer.IgnoreQueryFilters().CountAsync() > 0);
    }

    [Fact]
    public async Task PostKanInteSparasIAnnanKommun()
    {
        _ = portal.Server;
        await using var scope = portal.ScopeFor("kalix", out var db);
        db.Personer.Add(new Person { KommunId = "alvsbyn", Fornamn = "Fel", Efternamn = "Kommun", Epost = "fel@alvsbyn.example" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task NyPostHamnarIAnvandarensKommun()
    {
        _ = portal.Server;
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
        {
            db.Enheter.Add(new Enhet { KommunId = "", Namn = "Testenhet för kommunstämpel" });
            await db.SaveChangesAsync();
        }
        await using var check = portal.ScopeFor("alvsbyn", out var read);
        Assert.Equal("alvsbyn", (await read.Enheter.SingleAsync(e => e.Namn == "Testenhet för kommunstämpel")).KommunId);
    }

    [Fact]
    public async Task TidpunkterKommerTillbakaSomUtc()
    {
        _ = portal.Server;
        var at = new DateTime(2026, 11, 23, 14, 5, 6, DateTimeKind.Utc);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            db.WorkflowTransitions.Add(new WorkflowTransition
            {
                KommunId = "kalix", Workflow = "Tidstest", SubjectId = 1, FromState = "A", ToState = "B",
                Trigger = "T", ActorName = "Test", AtUtc = at,
            });
            await db.SaveChangesAsync();
        }
        await using var check = portal.ScopeFor("kalix", out var read);
        var stored = await read.WorkflowTransitions.SingleAsync(t => t.Workflow == "Tidstest");
        Assert.Equal(DateTimeKind.Utc, stored.AtUtc.Kind);
        Assert.Equal(at, stored.AtUtc);
        Assert.Single(await read.WorkflowTransitions.Where(t => t.AtUtc > at.AddMinutes(-1) && t.Workflow == "Tidstest").ToListAsync());
    }

    [Fact]
    public async Task HalsokontrollenRapporterarDatabasen()
    {
        var response = await portal.CreateClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy","kontroller":{"databas":"Healthy"}}""", await response.Content.ReadAsStringAsync());
    }
}

public sealed class DataTestsSqlite(SqlitePortal portal) : DataTests<SqlitePortal>(portal);

public sealed class DataTestsPostgres(PostgresPortal portal) : DataTests<PostgresPortal>(portal);

/// <summary>SQLite's connection settings hold on every connection the pool hands out, also when set only once per connection.</summary>
public sealed class SqliteInstallningarTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task VarjeAnslutningVantarPaSkrivlasetOchSynkarNormalt()
    {
        _ = portal.Server;
        for (var i = 0; i < 3; i++)
        {
            await using var scope = portal.ScopeFor("kalix", out var db);
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(30000L, (long)(await command.ExecuteScalarAsync())!);
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!); // NORMAL
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
        }
    }
}
