using System.Net;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The recruitment list pages its rows and asks the database the same number of questions whatever its size.</summary>
public class RekryteringListaTests(QueryCountingPortal portal) : IClassFixture<QueryCountingPortal>
{
    private static int _nextNumber = 5000;

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

    [Fact]
    public async Task EnNyEllerAndradRekryteringSynsGenastOchMeddelandetEnGang()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        // Created in the portal: the message shows once, on the list too, and the new row is there at once.
        var id = await RekryteringPagesTests.CreateAsync(hr, "Ny enhetschef i listan");
        var afterCreate = await hr.PageAsync("/rekrytering");
        Assert.Contains("är skapad", afterCreate.QuerySelector("[role=status]")?.TextContent ?? afterCreate.Body!.TextContent);
        Assert.Contains(afterCreate.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/rekrytering/{id}");
        var afterMessage = await hr.PageAsync("/rekrytering");
        Assert.DoesNotContain("är skapad", afterMessage.Body!.TextContent);

        // Changed behind the page (a job, another form): the next view shows it.
        await AddRecruitmentsAsync(1, candidatesEach: 3, titel: "Ändrad i bakgrunden", kommun: "kalix");
        var afterJob = await hr.PageAsync("/rekrytering");
        Assert.Contains("Ändrad i bakgrunden", afterJob.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task VarOchEnSerBaraSinaRekryteringar()
    {
        await AddRecruitmentsAsync(1, candidatesEach: 0, titel: "Bara för HR", kommun: "kalix");
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Contains("Bara för HR", (await hr.PageAsync("/rekrytering")).QuerySelector("tbody")!.TextContent);
        var chef = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        Assert.DoesNotContain("Bara för HR", (await chef.PageAsync("/rekrytering")).Body!.TextContent);
    }

    private async Task<(int Queries, int Rows)> CountAsync(PortalClient client)
    {
        await client.PageAsync("/"); // sign-in side effects (security stamp and such) outside the measurement
        portal.Counter.Reset();
        var page = await client.PageAsync("/rekrytering");
        return (portal.Counter.Count, page.QuerySelectorAll("tbody tr").Length);
    }

    private async Task AddRecruitmentsAsync(int count, int candidatesEach, string titel = "Chef", string kommun = "alvsbyn")
    {
        await using var scope = portal.ScopeFor(kommun, out var db);
        var unit = await db.Enheter.FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _nextNumber);
            var r = new Rekryteringar.Rekrytering
            {
                KommunId = kommun, Diarienummer = $"REK 2026/{n}", Titel = $"{titel} {i}", EnhetId = unit.Id,
                AgareUserId = "x", AgareNamn = "Test", State = RekryteringsTillstand.Urval, SkapadUtc = db.UtcNow,
            };
            for (var k = 0; k < candidatesEach; k++)
                r.Kandidater.Add(new Kandidat { KommunId = kommun, Fornamn = "K", Efternamn = $"{n}-{k}", Epost = $"k{n}-{k}@example.com", SamtyckeVersion = "t", AtkomstHash = $"h{n}-{k}", InkomUtc = db.UtcNow });
            db.Add(r);
        }
        await db.SaveChangesAsync();
    }
}
