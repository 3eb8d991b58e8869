using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The recruitment list pages its rows and asks the database the same number of questions whatever its size.</summary>
public class RekryteringListaTests(QueryCountingPortal portal) : IClassFixture<QueryCountingPortal>
{
    [Fact]
    public async Task ListansAntalFragorVaxerInteMedDatamangden()
    {
        portal.Counter.PathPrefix = "/rekrytering";
        var hr = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        var small = await CountAsync(hr);

        await AddRecruitmentsAsync(180, candidatesEach: 5);
        var large = await CountAsync(hr);

        Assert.Equal(small.Queries, large.Queries);
        Assert.InRange(large.Queries, 1, 4);
        Assert.Equal(50, large.Rows); // one page
        var page4 = await hr.PageAsync("/rekrytering?fas=pagaende&sida=4");
        Assert.Contains("sida 4 av 4", page4.QuerySelector("caption")!.TextContent);
        Assert.Equal(181 - 150, page4.QuerySelectorAll("tbody tr").Length);
    }

    private async Task<(int Queries, int Rows)> CountAsync(PortalClient client)
    {
        await client.PageAsync("/"); // sign-in side effects (security stamp and such) outside the measurement
        portal.Counter.Reset();
        var page = await client.PageAsync("/rekrytering");
        return (portal.Counter.Count, page.QuerySelectorAll("tbody tr").Length);
    }

    private async Task AddRecruitmentsAsync(int count, int candidatesEach)
    {
        await using var scope = portal.ScopeFor("alvsbyn", out var db);
        var unit = await db.Enheter.FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var r = new Rekryteringar.Rekrytering
            {
                KommunId = "alvsbyn", Diarienummer = $"REK 2026/{5000 + i}", Titel = $"Chef {i}", EnhetId = unit.Id,
                AgareUserId = "x", AgareNamn = "Test", State = RekryteringsTillstand.Urval, SkapadUtc = db.UtcNow,
            };
            for (var k = 0; k < candidatesEach; k++)
                r.Kandidater.Add(new Kandidat { KommunId = "alvsbyn", Fornamn = "K", Efternamn = $"{i}-{k}", Epost = $"k{i}-{k}@example.com", SamtyckeVersion = "t", AtkomstHash = $"h{i}-{k}", InkomUtc = db.UtcNow });
            db.Add(r);
        }
        await db.SaveChangesAsync();
    }
}
