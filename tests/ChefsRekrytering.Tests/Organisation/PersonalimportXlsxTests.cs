using System.IO.Compression;
using System.Net;
using System.Text;
using ChefsRekrytering.Organisation.Personalimport;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Organisation;

/// <summary>
/// The HR export saved from Excel as .xlsx goes the same way as the CSV: new people imported, the same workbook twice
/// changes nothing, a formula is refused for its row (whatever value Excel cached), dates come as real Excel dates or as
/// text, and a file that is not a workbook is refused in Swedish whatever its name.
/// </summary>
public sealed class PersonalimportXlsxTests : IAsyncLifetime
{
    private static readonly object?[] Rubriker = ["Anställningsnummer", "Förnamn", "Efternamn", "E-post", "Enhetskod", "Enhetsnamn", "Överordnad enhet",
        "Chefens anställningsnummer", "Slutdatum"];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;
    private Testdata _data = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        _ = _portal.Server;
        _data = new Testdata(_portal);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>KS (chef 1000) with A and B under it; employee numbers as numbers, as Excel keeps them; 1003 ends on a real
    /// Excel date, 1004 on a date typed as text.</summary>
    private static byte[] Fil(params object?[][] extra) => Arbetsbok.Skapa([
        Rubriker,
        [1000, "Åsa", "Öhman", "asa.ohman@kalix.test", "KS", "Kommunstyrelsen", null, 1000],
        [1001, "Bo", "Ängström", "bo.angstrom@kalix.test", "A", "Äldreomsorg", "KS", 1001],
        [1002, "Cecilia", "Berg", "cecilia.berg@kalix.test", "B", "Barn och utbildning", "KS", 1002],
        [1003, "David", "Lind", "david.lind@kalix.test", "A", "Äldreomsorg", "KS", 1001, new DateOnly(2027, 3, 31)],
        [1004, "Eva", "Nord", "eva.nord@kalix.test", "B", "Barn och utbildning", "KS", 1002, "2027-04-30"],
        .. extra]);

    private async Task<ChefsRekrytering.Workflows.CommandResult<Forhandsgranskning>> GenomforAsync(byte[] fil)
    {
        await using var scope = _portal.ScopeFor("kalix", out _);
        var service = scope.ServiceProvider.GetRequiredService<PersonalimportService>();
        return await service.GenomforAsync(fil, "personal.xlsx", false, await _data.PrincipalAsync("admin"));
    }

    [Fact]
    public async Task ArbetsbokenImporterarNyaPersonerMedBadaSlagsDatumOchSammaFilIgenAndrarIngenting()
    {
        var fil = Fil();
        var forsta = await GenomforAsync(fil);
        Assert.True(forsta.Result.Succeeded, string.Join(" ", forsta.Result.Reasons));
        Assert.Equal((5, 3, 3, 0), (forsta.Value!.NyaPersoner.Count, forsta.Value.NyaEnheter.Count, forsta.Value.NyaChefer.Count, forsta.Value.Avvisade.Count));

        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var a = await db.Enheter.Include(e => e.Chef).SingleAsync(e => e.Kod == "A");
            Assert.Equal("Bo Ängström", a.Chef!.Namn);
            var slut = await db.Personer.Where(p => p.Anstallningsnummer != null).ToDictionaryAsync(p => p.Anstallningsnummer!, p => p.AnstallningSlutar);
            Assert.Equal(new DateOnly(2027, 3, 31), slut["1003"]);
            Assert.Equal(new DateOnly(2027, 4, 30), slut["1004"]);
            Assert.Null(slut["1000"]);
        }

        var igen = await GenomforAsync(fil);
        Assert.True(igen.Result.Succeeded);
        Assert.Equal(0, igen.Value!.Andringar);
    }

    [Fact]
    public async Task EnFormelAvvisarSinRadAvenOmExcelsVardeSerRattUt()
    {
        var result = await GenomforAsync(Fil([1005, new Formel("\"Fre\"&\"drik\"", "Fredrik"), "Ek", "fredrik.ek@kalix.test", "A", "Äldreomsorg", "KS", 1001]));
        Assert.True(result.Result.Succeeded);
        var avvisad = Assert.Single(result.Value!.Avvisade);
        Assert.Equal((7, "1005"), (avvisad.Rad, avvisad.Anstallningsnummer));
        Assert.Contains("”Förnamn” börjar med ”=”", avvisad.Orsak);
        await using var scope = _portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Personer.AnyAsync(p => p.Anstallningsnummer == "1005"));
        Assert.Equal(5, await db.Personer.CountAsync(p => p.Anstallningsnummer != null));
    }

    [Fact]
    public async Task AdminForhandsgranskarEnArbetsbokPaSidanOchEnOmdopadFilAvvisasPaSvenska()
    {
        var admin = await _data.InloggadAsync("admin");
        async Task<AngleSharp.Html.Dom.IHtmlDocument> SidaAsync(string namn, byte[] fil)
        {
            var response = await admin.PostMultipartAsync("/admin/personalimport?handler=Forhandsgranska", [], [new("Fil", namn, fil)], formPage: "/admin/personalimport");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return PortalClient.Parse(await response.Content.ReadAsStringAsync());
        }
        async Task<string> ForhandsgranskaAsync(string namn, byte[] fil) => (await SidaAsync(namn, fil)).Body!.TextContent;

        var preview = await SidaAsync("personal.xlsx", Fil());
        var nya = preview.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("td")?.TextContent == "Nya anställda");
        Assert.Equal("5", nya.QuerySelectorAll("td")[1].TextContent);

        // A note saved as text and renamed .xlsx: read as what it is, and refused because it has none of the columns.
        var anteckning = await ForhandsgranskaAsync("personal.xlsx", Encoding.UTF8.GetBytes("Kom ihåg att exportera personalen på fredag.\n"));
        Assert.Contains("Kolumnen ”Anställningsnummer” saknas i filen. Hela filen är avvisad.", anteckning);
        Assert.DoesNotContain("Det här skulle ändras", anteckning);

        // A ZIP that is no workbook, and a binary file, with the workbook's name.
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            await using (var w = new StreamWriter(archive.CreateEntry("personal.txt").Open())) await w.WriteAsync("Anställningsnummer;Förnamn");
        Assert.Contains("går inte att öppna som en Excel-arbetsbok", await ForhandsgranskaAsync("personal.xlsx", zip.ToArray()));
        Assert.Contains("varken en CSV-fil eller en Excel-arbetsbok", await ForhandsgranskaAsync("personal.xlsx", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13]));

        await using var scope = _portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Personer.AnyAsync(p => p.Anstallningsnummer != null));
    }
}
