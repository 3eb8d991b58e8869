using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rapporter;

/// <summary>
/// The applicant's one question after the outcome ("Hur upplevde du rekryteringen?") over HTTP with antiforgery: the
/// outcome mail carries the link, the answer is taken once and stored without the applicant, and /rapporter counts it per
/// outcome kind; before an outcome it is not offered, a forged link is 404 and a score outside 1–5 is refused at the field.
/// And the exit conversations in /rapporter: counts, means and reasons, the free text only from five answers.
/// </summary>
public partial class UpplevelseTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task BeskedetsLankGerEnFragaSomBesvarasEnGangUtanAttSvaretKanKopplasTillSokande()
    {
        var (id, kandidat, epost) = await SokandeAsync();
        var url = $"/rekrytering/{id}/kandidater/{kandidat}";
        var agare = await data.InloggadAsync("rekryterande");
        Assert.Equal(HttpStatusCode.Redirect, (await agare.PostFormAsync($"{url}?handler=EjAktuell",
            new() { ["EjAktuell.Avslagsskal"] = "avslag-battre-matchning", ["Version"] = await VersionAsync(kandidat) }, formPage: url)).StatusCode);

        var besked = Assert.Single(await MejlAsync(epost, "Besked om din ansökan"));
        Assert.Contains("Vi vill gärna veta hur du upplevde rekryteringen", besked.TextBody);
        var token = Lank().Match(besked.HtmlBody).Groups[1].Value;
        Assert.Equal(64, token.Length);

        var sokande = PortalClient.For(portal);
        var sida = await sokande.PageAsync($"/ansokan/{token}");
        Assert.Equal("Hur upplevde du rekryteringen?", sida.GetElementById("upplevelse-rubrik")!.TextContent.Trim());
        Assert.Equal(5, sida.QuerySelectorAll("#upplevelse input[type=radio][name=Betyg]").Length);

        var svar = await sokande.PostFormAsync($"/ansokan/{token}?handler=Upplevelse", new() { ["Betyg"] = "4", ["Kommentar"] = "Tydligt och snabbt besked." });
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        var efter = await sokande.PageAsync($"/ansokan/{token}");
        Assert.Null(efter.QuerySelector("form[action*='handler=Upplevelse']"));
        Assert.Contains("Du har svarat på frågan", efter.GetElementById("upplevelse")!.TextContent);

        // Twice: refused in Swedish, nothing changed.
        var igen = await sokande.PostFormAsync($"/ansokan/{token}?handler=Upplevelse", new() { ["Betyg"] = "1" }, formPage: $"/ansokan/{token}");
        Assert.Equal(HttpStatusCode.OK, igen.StatusCode);
        Assert.Contains("Du har redan svarat på frågan om rekryteringen", await igen.Content.ReadAsStringAsync());

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var sparat = Assert.Single(await db.Set<Kandidatupplevelse>().Where(u => u.RekryteringId == id).ToListAsync());
            Assert.Equal((Utfallsslag.EjAktuell, 4, "Tydligt och snabbt besked."), (sparat.Utfall, sparat.Betyg, sparat.Kommentar));
            // The answer has no column that leads to the applicant; only that they answered is on their invitation.
            Assert.DoesNotContain(db.Model.FindEntityType(typeof(Kandidatupplevelse))!.GetProperties(), p => p.Name.Contains("Kandidat"));
            Assert.True((await db.Set<Upplevelseinbjudan>().SingleAsync(i => i.KandidatId == kandidat)).Besvarad);
        }

        // The report counts it under its outcome kind.
        var hr = await data.InloggadAsync("hr");
        var rader = Rader(await hr.PageAsync("/rapporter"), "kandidatupplevelse");
        Assert.Equal(["1", "4", "0", "0", "0", "1", "0"], rader["Ej aktuell"]);
        Assert.Equal(["0", "–", "0", "0", "0", "0", "0"], rader["Anställd"]);
    }

    [Fact]
    public async Task InnanBeskedFalsktLankOchBetygUtanforSkalanNekas()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var epost = $"{Guid.NewGuid():N}@example.com";
        var token = await data.AnsokanAsync(id, "Siv", "Sökande", epost);
        var sokande = PortalClient.For(portal);

        // Before an outcome: not offered, and refused.
        Assert.Null((await sokande.PageAsync($"/ansokan/{token}")).GetElementById("upplevelse"));
        var fore = await sokande.PostFormAsync($"/ansokan/{token}?handler=Upplevelse", new() { ["Betyg"] = "3" });
        Assert.Equal(HttpStatusCode.OK, fore.StatusCode);
        Assert.Contains(AnsokanService.UpplevelseInteAnnu, await fore.Content.ReadAsStringAsync());

        // A forged link: 404, to look and to answer.
        var falsk = new string('a', 64);
        Assert.Equal(HttpStatusCode.NotFound, (await sokande.GetAsync($"/ansokan/{falsk}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sokande.PostFormAsync($"/ansokan/{falsk}?handler=Upplevelse", new() { ["Betyg"] = "3" }, formPage: $"/ansokan/{token}")).StatusCode);

        // The recruitment is cancelled: the applicant is asked, under "avbruten"; a score outside 1–5 is refused at the field.
        var hr = await data.PrincipalAsync("hr");
        Assert.True((await data.RekryteringsstegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.Avbryt, "Verksamheten läggs om", hr))).Succeeded);
        var besked = Assert.Single(await MejlAsync(epost, "Besked om din ansökan"));
        var lank = Lank().Match(besked.HtmlBody).Groups[1].Value;
        foreach (var betyg in new[] { "0", "6", "" })
        {
            var fel = await sokande.PostFormAsync($"/ansokan/{lank}?handler=Upplevelse", new() { ["Betyg"] = betyg });
            Assert.Equal(HttpStatusCode.OK, fel.StatusCode);
            var felsida = PortalClient.Parse(await fel.Content.ReadAsStringAsync());
            Assert.Equal(AnsokanService.UpplevelseBetyg, felsida.QuerySelector("#upplevelse .field-error")!.TextContent.Trim());
        }
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.False(await db.Set<Kandidatupplevelse>().AnyAsync(u => u.RekryteringId == id));
        Assert.Equal(HttpStatusCode.Redirect, (await sokande.PostFormAsync($"/ansokan/{lank}?handler=Upplevelse", new() { ["Betyg"] = "2" })).StatusCode);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var sparat = await db.Set<Kandidatupplevelse>().SingleAsync(u => u.RekryteringId == id);
            Assert.Equal((Utfallsslag.Avbruten, 2, (string?)null), (sparat.Utfall, sparat.Betyg, sparat.Kommentar));
        }
    }

    [Fact]
    public async Task AvgangssamtalenRaknasIRapportenOchFritextenVisasForstFranFemSvar()
    {
        var hr = await data.PrincipalAsync("hr");
        List<int> chefer;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            chefer = (await db.Enheter.Where(e => e.ChefId != null).Select(e => e.ChefId!.Value).ToListAsync()).Distinct().Order().Take(5).ToList();
        Assert.Equal(5, chefer.Count);
        var idag = DateOnly.FromDateTime(DateTime.UtcNow);
        var svar = new[]
        {
            new AvgangssamtalSvar(Avgangsorsak.Pension, 5, 4, 4, "Stödet från HR.", null),
            new AvgangssamtalSvar(Avgangsorsak.Pension, 4, 3, 3, null, "Färre möten."),
            new AvgangssamtalSvar(Avgangsorsak.NyArbetsgivare, 2, 1, 2, null, null),
            new AvgangssamtalSvar(Avgangsorsak.Arbetsbelastning, 1, 2, 1, "Kollegorna.", "Mindre administration."),
            new AvgangssamtalSvar(Avgangsorsak.Pension, 3, 5, 5, null, null),
        };
        var klient = await data.InloggadAsync("hr");
        for (var i = 0; i < svar.Length; i++)
        {
            Assert.True((await data.KommandoAsync<LedarakademinService, CommandResult>(s => s.StartaKompetensvaxlingAsync(chefer[i], idag.AddDays(30), "Avslut", hr))).Succeeded);
            Assert.True((await data.KommandoAsync<AvgangssamtalService, CommandResult>(s => s.SparaAsync(chefer[i], svar[i], hr))).Succeeded);
            var sida = await klient.PageAsync("/rapporter");
            var fritext = sida.GetElementById("avgangssamtal-fritext-rubrik");
            if (i < 4) Assert.Null(fritext);
            else
            {
                // Five answers: the free texts, in alphabetical order, without names.
                var texter = fritext!.ParentElement!.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
                Assert.Equal([["Det här fungerade bra", "Kollegorna."], ["Det här fungerade bra", "Stödet från HR."],
                    ["Det här borde ändras", "Färre möten."], ["Det här borde ändras", "Mindre administration."]], texter);
            }
        }
        var rader = Rader(await klient.PageAsync("/rapporter"), "avgangssamtal");
        Assert.Equal("5", rader["Besvarade avgångssamtal"][0]);
        Assert.Equal("3", rader["Medel: skulle rekommendera kommunen som arbetsgivare"][0]);   // 15 / 5
        Assert.Equal("3", rader["Medel: stöd från närmaste chef"][0]);                           // 15 / 5
        Assert.Equal("3", rader["Medel: ledarpolicyn i praktiken"][0]);                          // 15 / 5
        Assert.Equal("3", rader["Skäl: Pension"][0]);
        Assert.Equal("1", rader["Skäl: Ny arbetsgivare"][0]);
        Assert.Equal("0", rader["Skäl: Personliga skäl"][0]);
    }

    /// <summary>A report table's rows on /rapporter by their first cell, with the other cells as shown.</summary>
    private static Dictionary<string, string[]> Rader(IHtmlDocument sida, string tabell) =>
        sida.GetElementById($"{tabell}-rubrik")!.ParentElement!.QuerySelectorAll("tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());

    [GeneratedRegex(@"/ansokan/([0-9a-f]{64})[^""]*#upplevelse")]
    private static partial Regex Lank();

    private async Task<(int Id, int Kandidat, string Epost)> SokandeAsync()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var epost = $"{Guid.NewGuid():N}@example.com";
        await data.AnsokanAsync(id, "Siv", "Sökande", epost);
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (id, await db.Set<Kandidat>().Where(k => k.Epost == epost).Select(k => k.Id).SingleAsync(), epost);
    }

    private async Task<string> VersionAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Kandidat>().AsNoTracking().SingleAsync(k => k.Id == kandidatId)).Version.ToString();
    }

    private async Task<List<OutboxMessage>> MejlAsync(string epost, string amne)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().Where(m => m.ToAddress == epost && m.Subject.StartsWith(amne)).ToListAsync();
    }
}
