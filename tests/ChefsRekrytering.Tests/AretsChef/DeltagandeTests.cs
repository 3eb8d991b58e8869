using System.Net;
using System.Text;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>
/// A campaign's participation is counted against the employees it invited when it opened: what HR read when it closed
/// ("3 av 17") is what HR reads a year later, however many have come, gone or moved since.
/// </summary>
public class DeltagandeTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);
    private static readonly int Ar = DateTime.Today.Year;

    [Fact]
    public async Task EnStangdKampanjsDeltagandeAndrasInteNarPersonalenAndras()
    {
        await data.KampanjAsync(Ar);
        var karin = await data.PersonIdAsync("chef");
        foreach (var login in new[] { "medarbetare", "jury", "kommunchef" })
            (await (await PortalClient.For(portal).SignInAsync("kalix", login)).NomineraAsync(karin)).AssertRedirect();
        await data.KampanjlageAsync(Ar, KampanjTillstand.NomineringStangd);
        var vidStangning = await StatistikAsync();
        var rapport = await RapportradAsync();
        Assert.Equal((3, 3, 17), (vidStangning.Nomineringar, vidStangning.Nominatorer, vidStangning.Anstallda));

        // Afterwards two employees are hired and a nominator moves to another unit.
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var skolan = await db.Enheter.SingleAsync(e => e.Namn == "Centrumskolan");
            foreach (var namn in new[] { "Nora", "Nils" })
                db.Personer.Add(new Person { KommunId = "kalix", Fornamn = namn, Efternamn = "Nyanställd", Epost = $"{namn.ToLower()}.ny@kalix.example", EnhetId = skolan.Id });
            var emma = await db.Personer.SingleAsync(p => p.Epost == "medarbetare@kalix.example");
            emma.EnhetId = skolan.Id;
            await db.SaveChangesAsync();
        }

        var senare = await StatistikAsync();
        Assert.Equal((3, 3, 17), (senare.Nomineringar, senare.Nominatorer, senare.Anstallda));
        Assert.Equal(vidStangning.PerEnhet, senare.PerEnhet);
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Contains("3 av 17 anställda har nominerat (17,6 %)", (await hr.PageAsync($"/arets-chef/{Ar}/statistik")).QuerySelector("dl.facts")!.TextContent);
        Assert.Equal(rapport, await RapportradAsync());
    }

    private async Task<Statistik> StatistikAsync()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.StatistikAsync(await portal.KampanjenAsync("kalix", Ar), minstaGrupp: 3);
    }

    /// <summary>The campaign's row in HR's report (/rapporter, as CSV).</summary>
    private async Task<string> RapportradAsync()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var csv = await hr.GetAsync($"/rapporter?handler=csv&tabell=arets-chef&ar={Ar}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        return Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n").Single(l => l.StartsWith($"{Ar};", StringComparison.Ordinal));
    }
}
