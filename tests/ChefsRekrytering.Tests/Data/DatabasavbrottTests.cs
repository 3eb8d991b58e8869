using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Tests.Infrastructure;
using Npgsql;

namespace ChefsRekrytering.Tests.Data;

/// <summary>
/// PostgreSQL gone while the portal runs (a restart, a fail-over): a signed-in person gets the Swedish error page with a
/// 5xx, not an empty 500 or a stack trace, and once the database is back the same session works again without
/// restarting the portal. The database is shut for this test's own database only (connections refused, the open ones
/// ended), so the shared test server keeps serving the other tests; bench/arets-chef.sh with BENCH_PG_OMSTART restarts
/// the whole cluster under a burst.
/// </summary>
public sealed class DatabasavbrottTests
{
    [Fact]
    public async Task UnderAvbrottetVisasDenSvenskaFelsidanOchSedanFungerarSammaInloggningIgen()
    {
        await using var portal = new PortalFactory(DatabaseProvider.Postgres);
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/")).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(portal.ConnectionString).Database!;

        await StangAsync(database, true);
        try
        {
            var svar = await hr.GetAsync("/");
            var html = await svar.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, svar.StatusCode);
            Assert.Contains("<h1>Något gick fel</h1>", html);
            Assert.Contains("Försök igen om en stund.", html);
            Assert.DoesNotContain("Exception", html);
            Assert.DoesNotContain("Npgsql", html);
            Assert.DoesNotContain(" at ", html);
        }
        finally
        {
            await StangAsync(database, false);
        }

        // Back: the pool's connections were ended under it; the next requests open new ones, the session still holds.
        var koder = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) koder.Add((await hr.GetAsync("/")).StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), koder);
        Assert.Contains("Logga ut", (await hr.PageAsync("/")).Body!.TextContent);
    }

    private static async Task StangAsync(string database, bool stang)
    {
        await using var admin = new NpgsqlConnection(TestServices.Postgres);
        await admin.OpenAsync();
        await using var allow = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(stang ? "false" : "true")}", admin);
        await allow.ExecuteNonQueryAsync();
        if (!stang) return;
        await using var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
        end.Parameters.AddWithValue("db", database);
        await end.ExecuteNonQueryAsync();
    }
}
