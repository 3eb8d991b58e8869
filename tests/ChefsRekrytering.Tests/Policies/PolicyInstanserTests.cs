using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Policies;

/// <summary>
/// Behind a load balancer a version is published on one instance; the others read it within
/// <see cref="PolicyUppdaterare.Intervall"/> without a restart, and otherwise read nothing again. On both databases,
/// since the check is one aggregate query whose result must match what a full read gives.
/// </summary>
public abstract class PolicyInstanserTests<TPortal>(TPortal portal) where TPortal : PortalFactory
{
    [Fact]
    public async Task EnVersionSomEnAnnanInstansPubliceratLasesInOchIngetAnnatLasesOm()
    {
        var library = portal.Services.GetRequiredService<PolicyLibrary>();
        await using var scope = portal.ScopeFor("vindeln", out var db);
        var laddare = scope.ServiceProvider.GetRequiredService<PolicyLaddare>();
        Assert.False(await laddare.LaddaOmAndratAsync()); // nothing published since the start: nothing read again

        // What a publish on the other instance writes: the next published row.
        var v1 = library.Get("vindeln");
        db.Add(new Policyversion
        {
            Id = Guid.NewGuid(), KommunId = "vindeln", Nummer = v1.Versionsnummer + 1, Status = Policystatus.Publicerad, Innehall = v1.Filtext,
            Andringar = "Publicerad på den andra instansen.", SkapadUtc = db.UtcNow, SkapadAv = "HR", PubliceradUtc = db.UtcNow, PubliceradAv = "HR",
        });
        await db.SaveChangesAsync();

        await laddare.LaddaOmAndratAsync(); // (or the background check got there first)
        Assert.Equal((v1.Versionsnummer + 1, "Publicerad på den andra instansen."), (library.Get("vindeln").Versionsnummer, library.Get("vindeln").Andringar));
        Assert.False(await laddare.LaddaOmAndratAsync());
    }
}

public sealed class PolicyInstanserPaSqliteTests(SqlitePortal portal) : PolicyInstanserTests<SqlitePortal>(portal), IClassFixture<SqlitePortal>;

public sealed class PolicyInstanserPaPostgresTests(PostgresPortal portal) : PolicyInstanserTests<PostgresPortal>(portal), IClassFixture<PostgresPortal>;
