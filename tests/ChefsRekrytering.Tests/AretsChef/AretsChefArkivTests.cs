using System.IO.Compression;
using System.Net;
using System.Text;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>Årets chef in HR's reports (participation, counts only) and in a person's register extract (what they wrote
/// in full; of what others wrote about them, only how many).</summary>
public class AretsChefArkivTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private const string Motivering = "Karin lyssnar och får oss att lyckas tillsammans.";
    private static readonly int Ar = DateTime.Today.Year;

    [Fact]
    public async Task RapporternaVisarDeltagandetOchRegisterutdragetBaraDetPersonenSjalvSkrev()
    {
        await data.KampanjAsync(Ar);
        var karin = await data.PersonIdAsync("chef");
        foreach (var login in new[] { "medarbetare", "rekryterande" })
            (await (await PortalClient.For(portal).SignInAsync("kalix", login)).NomineraAsync(karin, Motivering)).AssertRedirect();

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var anstallda = await db.Personer.CountAsync(p => p.Aktiv && p.Epost != "");
            var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
            var csv = await hr.GetAsync($"/rapporter?handler=csv&tabell=arets-chef&ar={Ar}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
            Assert.Equal("År;Läge;Nomineringar;Nominerade chefer;Andel som nominerade (%)", lines[0]);
            Assert.Equal($"{Ar};Nominering öppen;2;1;{Math.Round(200m / anstallda, 1).ToString(new System.Globalization.CultureInfo("sv-SE"))}", lines[1]);
        }

        // HR, who may be nominated, never learns whom an employee nominated: not the nomination, not the thanks mailed for it.
        var tillHr = await ExtractAsync("medarbetare@kalix.example");
        Assert.DoesNotContain(Motivering, tillHr);
        Assert.DoesNotContain("Karin Öberg", tillHr);
        Assert.DoesNotContain("Årets chef: dina nomineringar", tillHr);
        Assert.Contains("lämnas bara ut till personen själv", tillHr);
        var hrsUtdrag = await ExtractAsync("hr@kalix.example"); // an employee who did not nominate reads the same
        Assert.Contains("lämnas bara ut till personen själv", hrsUtdrag);

        // The employee gets them, signed in, from Mina uppgifter.
        var nominator = await OwnExtractAsync("medarbetare");
        Assert.Contains("Årets chef: dina nomineringar", nominator);
        Assert.Contains(Motivering, nominator);
        Assert.Contains("Karin Öberg", nominator);

        var nominee = await ExtractAsync("chef@kalix.example");
        Assert.Contains("Årets chef: nomineringar av dig", nominee);
        Assert.Contains("\"Antal nomineringar\"", nominee);
        Assert.DoesNotContain(Motivering, nominee);          // the nominators' words are theirs
        Assert.DoesNotContain("Anders Nilsson", nominee[nominee.IndexOf("Årets chef: nomineringar av dig", StringComparison.Ordinal)..]);
    }

    /// <summary>A signed-in employee's own extract (Mina uppgifter), as JSON.</summary>
    private async Task<string> OwnExtractAsync(string login)
    {
        var client = await PortalClient.For(portal).SignInAsync("kalix", login);
        var page = await client.PageAsync("/mina-uppgifter");
        Assert.Contains("Mina uppgifter", page.QuerySelector("h1")!.TextContent);
        var response = await client.PostFormAsync("/mina-uppgifter?handler=Hamta", new(), formPage: "/mina-uppgifter");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var json = new StreamReader(zip.GetEntry("uppgifter.json")!.Open());
        return await json.ReadToEndAsync();
    }

    /// <summary>The register extract's JSON for one address, as HR downloads it.</summary>
    private async Task<string> ExtractAsync(string epost)
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var response = await hr.PostFormAsync("/registerutdrag?handler=Hamta", new() { ["Epost"] = epost }, formPage: "/registerutdrag");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var json = new StreamReader(zip.GetEntry("uppgifter.json")!.Open());
        return await json.ReadToEndAsync();
    }
}
