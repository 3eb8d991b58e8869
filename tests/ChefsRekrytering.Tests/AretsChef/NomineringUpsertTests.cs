using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>
/// The write the burst hammers, on both databases: one row per nominator however many submits race, every nominator's
/// row kept, and nothing written once the campaign has closed.
/// </summary>
public abstract class NomineringUpsertTests<TPortal>(TPortal portal) where TPortal : PortalFactory
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task SamtidigaInskickFranSammaPersonGerEnRadOchFranOlikaEnVarje()
    {
        var kampanjId = await data.KampanjAsync(2031);
        var chef = await data.PersonIdAsync("chef");
        var nominatorer = await NominatorerAsync(utom: chef);
        var oppen = new OppenKampanj(kampanjId, 2031, new DateOnly(2031, 12, 31), false);

        // Every employee twice at once, and the first of them eight times more.
        var submits = nominatorer.SelectMany(p => new[] { p, p }).Concat(Enumerable.Repeat(nominatorer[0], 8))
            .Select((p, i) => NominateAsync(oppen, p, chef, $"Inskick {i}"));
        Assert.All(await Task.WhenAll(submits), u => Assert.Equal(NomineringsUtfall.Sparad, u));

        var rows = await portal.NomineringarAsync("kalix", 2031);
        Assert.Equal(nominatorer.Order(), rows.Select(r => r.NominatorPersonId).Order());
        Assert.All(rows, r => Assert.Equal(chef, r.ChefPersonId));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(nominatorer.Count + 8 + nominatorer.Count, await db.Set<OutboxMessage>().CountAsync(m => m.Topic == "AretsChef:2031:Nominering"));
    }

    [Fact]
    public async Task EnStangdKampanjTarInteEmotNagotOchSagerVarfor()
    {
        var kampanjId = await data.I("alvsbyn").KampanjAsync(2032, KampanjTillstand.NomineringStangd);
        var oppen = new OppenKampanj(kampanjId, 2032, new DateOnly(2032, 12, 31), false);
        var (ida, fredrik) = (await data.I("alvsbyn").PersonIdAsync("medarbetare"), await data.I("alvsbyn").IdForNamnAsync("Åström"));
        Assert.Equal(NomineringsUtfall.Stangd, await NominateAsync(oppen, ida, fredrik, "Sent.", "alvsbyn"));
        await data.I("alvsbyn").KampanjlageAsync(2032, KampanjTillstand.NomineringOppen);
        Assert.Equal(NomineringsUtfall.EjChef, await NominateAsync(oppen, fredrik, ida, "Inte chef.", "alvsbyn"));
        Assert.Empty(await portal.NomineringarAsync("alvsbyn", 2032));
    }

    private async Task<NomineringsUtfall> NominateAsync(OppenKampanj k, int nominator, int chef, string text, string kommun = "kalix")
    {
        await using var scope = portal.ScopeFor(kommun, out _);
        return await scope.ServiceProvider.GetRequiredService<NomineringService>()
            .NomineraAsync(k, new Nominator(nominator, "N N", "n@example.se"), chef, [new Motivering("resultat", "Resultat", text)]);
    }

    private async Task<List<int>> NominatorerAsync(int utom)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Personer.Where(p => p.Id != utom).Select(p => p.Id).ToListAsync();
    }
}

public class NomineringUpsertSqliteTests(SqlitePortal portal) : NomineringUpsertTests<SqlitePortal>(portal), IClassFixture<SqlitePortal>;

public class NomineringUpsertPostgresTests(PostgresPortal portal) : NomineringUpsertTests<PostgresPortal>(portal), IClassFixture<PostgresPortal>;
