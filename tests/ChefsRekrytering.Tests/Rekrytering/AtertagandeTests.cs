using System.Net;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The recruiting side withdrawing an application on the applicant's page: only when confirmed, and a flagged
/// duplicate's applicant is told the truth, that the duplicate is gone and the first application remains.</summary>
public class AtertagandeTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task DubblettTasBortForstEfterBekraftelseOchSokandeFarVetaAttForstaAnsokanFinnsKvar()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var epost = $"{Guid.NewGuid():N}@example.com";
        await data.AnsokanAsync(id, "Tove", "Dubbel", epost);
        await data.AnsokanAsync(id, "Tove", "Dubbel", epost);
        var (forsta, dubblett) = await KandidaterAsync(id);
        var url = $"/rekrytering/{id}/kandidater/{dubblett}";
        var agare = await data.InloggadAsync("rekryterande");

        // The plain step button no longer withdraws, and neither does the form without its box ticked.
        var knapp = await agare.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = "Aterta", ["Version"] = await VersionAsync(dubblett) }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, knapp.StatusCode);
        var utanKryss = await agare.PostFormAsync($"{url}?handler=Aterta", new() { ["Version"] = await VersionAsync(dubblett) }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, utanKryss.StatusCode);
        Assert.Contains("Kryssa i rutan för att bekräfta att ansökan ska återtas", await utanKryss.Content.ReadAsStringAsync());
        Assert.Equal(KandidatTillstand.Inkommen, await StateAsync(dubblett));
        Assert.Empty(await BeskedAsync(epost));

        // The page says what will happen; confirmed, the duplicate is withdrawn and the first application stays in.
        var sida = await agare.PageAsync(url);
        Assert.Contains("dubbletten är borttagen och att den första ansökan finns kvar", sida.QuerySelector("form[action*='handler=Aterta']")!.TextContent);
        var bekraftad = await agare.PostFormAsync($"{url}?handler=Aterta", new() { ["bekraftar"] = "true", ["Version"] = await VersionAsync(dubblett) }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, bekraftad.StatusCode);
        Assert.Equal((KandidatTillstand.Atertagen, KandidatTillstand.Inkommen), (await StateAsync(dubblett), await StateAsync(forsta)));

        var besked = Assert.Single(await BeskedAsync(epost));
        Assert.Equal($"Kandidat:{dubblett}", besked.Topic);
        Assert.StartsWith("Dubbletten av din ansökan är borttagen", besked.Subject);
        Assert.Contains("Din första ansökan finns kvar och du är fortfarande med i rekryteringen", besked.TextBody);
        Assert.DoesNotContain("återtar din ansökan", besked.TextBody);
    }

    [Fact]
    public async Task EnVanligAnsokanAtertasMedBekraftelseOchSokandeFarBeskedOmAtertagandet()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var epost = $"{Guid.NewGuid():N}@example.com";
        await data.AnsokanAsync(id, "Rut", "Ensam", epost);
        var kandidat = (await KandidaterAsync(id)).Forsta;
        var url = $"/rekrytering/{id}/kandidater/{kandidat}";
        var agare = await data.InloggadAsync("rekryterande");

        var bekraftad = await agare.PostFormAsync($"{url}?handler=Aterta", new() { ["bekraftar"] = "true", ["Version"] = await VersionAsync(kandidat) }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, bekraftad.StatusCode);
        Assert.Equal(KandidatTillstand.Atertagen, await StateAsync(kandidat));
        Assert.Equal("Din ansökan är återtagen", Assert.Single(await BeskedAsync(epost)).Subject);
    }

    private async Task<(int Forsta, int Sista)> KandidaterAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var ids = await db.Set<Kandidat>().Where(k => k.RekryteringId == id).OrderBy(k => k.Id).Select(k => k.Id).ToListAsync();
        return (ids[0], ids[^1]);
    }

    private async Task<string> VersionAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Kandidat>().SingleAsync(k => k.Id == kandidatId)).Version.ToString();
    }

    private async Task<KandidatTillstand> StateAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Kandidat>().SingleAsync(k => k.Id == kandidatId)).State;
    }

    /// <summary>The mails about the outcome of the application (not the receipts of the applications themselves).</summary>
    private async Task<List<OutboxMessage>> BeskedAsync(string epost)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().Where(m => m.ToAddress == epost && !m.Subject.StartsWith("Vi har tagit emot")).ToListAsync();
    }
}
