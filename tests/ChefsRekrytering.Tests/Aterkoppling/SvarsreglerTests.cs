using System.Net;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using static ChefsRekrytering.Tests.Aterkoppling.AterkopplingData;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>An employee answers once, for their own chef only; the overview is HR's alone.</summary>
public class SvarsreglerTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private async Task OppenAsync()
    {
        var svar = await OppnaAsync(portal); // the first test of the class opens it; the others find it open
        Assert.True(svar.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
    }

    [Fact]
    public async Task EttAndraSvarNekas()
    {
        await OppenAsync();
        var emma = await data.InloggadAsync("medarbetare");
        var karin = await data.PersonIdAsync("chef");
        (await emma.SvaraAsync(portal, karin)).AssertRedirect("/aterkoppling");
        var fore = await AntalAsync(portal);

        var andra = await emma.SvaraAsync(portal, karin, Betyg.Utvecklingsomrade);
        Assert.Equal(HttpStatusCode.OK, andra.StatusCode);
        Assert.Contains($"Du har redan svarat för {Ar}", await andra.Content.ReadAsStringAsync());
        Assert.Equal(fore, await AntalAsync(portal));
    }

    [Fact]
    public async Task EttSvarTillEnAnnanChefAnDenEgnaNekasOchIngentingSparas()
    {
        await OppenAsync();
        var oskar = await data.InloggadAsync("jury"); // Oskar works in Hemtjänst Centrum: his chef is Karin
        var anders = await data.PersonIdAsync("rekryterande");
        var fore = await AntalAsync(portal);

        var svar = await oskar.SvaraAsync(portal, anders);
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains("Du kan bara ge återkoppling till din egen chef", await svar.Content.ReadAsStringAsync());
        Assert.Equal(fore, await AntalAsync(portal));
        // He may still answer for his own chef.
        (await oskar.SvaraAsync(portal, await data.PersonIdAsync("chef"))).AssertRedirect("/aterkoppling");
    }

    [Theory]
    [InlineData("medarbetare")]
    [InlineData("chef")]
    [InlineData("admin")]
    public async Task BaraHrSerOversikten(string login)
    {
        var client = await data.InloggadAsync(login);
        var svar = await client.GetAsync("/aterkoppling/oversikt");
        // Forbidden: the portal answers 403 with its access-denied page.
        Assert.True(svar.StatusCode == HttpStatusCode.Forbidden
            || (svar.StatusCode == HttpStatusCode.Redirect && svar.Headers.Location!.OriginalString.Contains("/konto/atkomst-nekad")),
            $"{login} fick {(int)svar.StatusCode}");
    }
}
