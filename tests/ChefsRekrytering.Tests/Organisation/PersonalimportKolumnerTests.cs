using System.Net;
using System.Text;
using ChefsRekrytering.Organisation.Personalimport;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Organisation;

/// <summary>
/// Admin tells the portal what the columns are called in the municipality's export (/admin/personalimport/kolumner), and
/// the import then reads a file with those headers; a file that lacks them names them and points to the page. Bad input is
/// refused in Swedish, 'Återställ standard' brings the Swedish defaults back, and no one but Admin gets in.
/// </summary>
public sealed class PersonalimportKolumnerTests : IAsyncLifetime
{
    private const string Sida = "/admin/personalimport/kolumner";
    private PortalFactory _portal = null!;
    private Testdata _data = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory();
        _ = _portal.Server;
        _data = new Testdata(_portal);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private static Dictionary<string, string> Formular(params (string Egenskap, string Rubrik)[] andra)
    {
        var standard = new Kolumnmappning { KommunId = "" };
        var fields = Kolumnmappning.Falt.ToDictionary(f => $"Rubriker[{f.Egenskap}]", f => standard.Rubrik(f.Egenskap));
        foreach (var (egenskap, rubrik) in andra) fields[$"Rubriker[{egenskap}]"] = rubrik;
        return fields;
    }

    private static readonly (string, string)[] Visma =
    [
        (nameof(Kolumnmappning.Anstallningsnummer), "Anst.nr"), (nameof(Kolumnmappning.Fornamn), "Fnamn"), (nameof(Kolumnmappning.Efternamn), "Enamn"),
        (nameof(Kolumnmappning.Epost), "Mejl"), (nameof(Kolumnmappning.Enhetskod), "Org.enhet"), (nameof(Kolumnmappning.Enhetsnamn), "Org.namn"),
        (nameof(Kolumnmappning.OverordnadEnhet), "Överordnad org"), (nameof(Kolumnmappning.ChefensAnstallningsnummer), "Chef anst.nr"),
        (nameof(Kolumnmappning.Slutdatum), "Anst. t.o.m."),
    ];

    private static byte[] Fil(string rubrik) => Encoding.UTF8.GetBytes(rubrik + "\n" +
        "1000;Åsa;Öhman;asa.ohman@kalix.test;KS;Kommunstyrelsen;;1000;\n" +
        "1001;Bo;Ängström;bo.angstrom@kalix.test;A;Äldreomsorg;KS;1001;\n" +
        "1002;Cecilia;Berg;cecilia.berg@kalix.test;A;Äldreomsorg;KS;1001;2027-06-30\n");

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ForhandsgranskaAsync(PortalClient admin, byte[] fil)
    {
        var response = await admin.PostMultipartAsync("/admin/personalimport?handler=Forhandsgranska", [], [new("Fil", "personal.csv", fil)], formPage: "/admin/personalimport");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalClient.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<Kolumnmappning?> SparadAsync()
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<Kolumnmappning>().AsNoTracking().SingleOrDefaultAsync();
    }

    [Fact]
    public async Task AdminAngerKommunensRubrikerOchImportenLaserFilenMedDem()
    {
        var admin = await _data.InloggadAsync("admin");
        var sida = await admin.PageAsync(Sida);
        Assert.Equal("Anställningsnummer", sida.QuerySelector("input[name='Rubriker[Anstallningsnummer]']")!.GetAttribute("value"));
        Assert.Equal("Chefens anställningsnummer", sida.QuerySelector("label[for='rubrik-ChefensAnstallningsnummer']")!.TextContent);

        (await admin.PostFormAsync(Sida, Formular(Visma))).AssertRedirect();
        Assert.Equal("Anst.nr", (await admin.PageAsync(Sida)).QuerySelector("input[name='Rubriker[Anstallningsnummer]']")!.GetAttribute("value"));
        Assert.Equal(("Anst.nr", "Anst. t.o.m."), ((await SparadAsync())!.Anstallningsnummer, (await SparadAsync())!.Slutdatum));

        var preview = await ForhandsgranskaAsync(admin, Fil("Anst.nr;Fnamn;Enamn;Mejl;Org.enhet;Org.namn;Överordnad org;Chef anst.nr;Anst. t.o.m."));
        Assert.Contains("Det här skulle ändras", preview.Body!.TextContent);
        var nya = preview.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("td")?.TextContent == "Nya anställda");
        Assert.Equal("3", nya.QuerySelectorAll("td")[1].TextContent);

        // The default headers are no longer what this municipality's file has: the page names what is missing and where to change it.
        var fel = await ForhandsgranskaAsync(admin, Fil("Anställningsnummer;Förnamn;Efternamn;E-post;Enhetskod;Enhetsnamn;Överordnad enhet;Chefens anställningsnummer;Slutdatum"));
        Assert.Contains("Kolumnen ”Anst.nr” saknas i filen. Hela filen är avvisad.", fel.Body!.TextContent);
        var notis = fel.QuerySelectorAll("p.notice").Single(p => p.TextContent.Contains("Filen saknar rubrikerna"));
        Assert.Contains("”Fnamn”", notis.TextContent);
        Assert.Equal(Sida, notis.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Det här skulle ändras", fel.Body.TextContent);

        (await admin.PostFormAsync($"{Sida}?handler=Aterstall", new Dictionary<string, string>(), formPage: Sida)).AssertRedirect();
        Assert.Null(await SparadAsync());
        Assert.Equal("Anställningsnummer", (await admin.PageAsync(Sida)).QuerySelector("input[name='Rubriker[Anstallningsnummer]']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData(nameof(Kolumnmappning.Fornamn), "  ", "Ange rubriken för ”Förnamn”.")]
    [InlineData(nameof(Kolumnmappning.Efternamn), "förnamn", "”Förnamn” och ”Efternamn” har samma rubrik ”Förnamn”. Varje kolumn behöver en egen rubrik.")]
    public async Task EnTomEllerDubbelRubrikAvvisasPaSvenskaOchInget(string egenskap, string rubrik, string orsak)
    {
        var admin = await _data.InloggadAsync("admin");
        var response = await admin.PostFormAsync(Sida, Formular((egenskap, rubrik)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sida = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(orsak, sida.Body!.TextContent);
        if (rubrik.Trim().Length > 0) // what was typed stays in its field
            Assert.Equal(rubrik, sida.QuerySelector($"input[name='Rubriker[{egenskap}]']")!.GetAttribute("value"));
        Assert.Null(await SparadAsync());
    }

    [Fact]
    public async Task BaraAdminKommerInOchKanSpara()
    {
        var hr = await _data.InloggadAsync("hr");
        Assert.NotEqual(HttpStatusCode.OK, (await hr.GetAsync(Sida)).StatusCode);
        var post = await hr.PostFormAsync(Sida, Formular(Visma), formPage: "/konto/logga-in");
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || post.Headers.Location?.OriginalString.Contains("/konto/atkomst-nekad") == true, $"{(int)post.StatusCode} {post.Headers.Location}");
        Assert.Null(await SparadAsync());

        await using var scope = _portal.ScopeFor("kalix", out _);
        var service = scope.ServiceProvider.GetRequiredService<PersonalimportService>();
        var hrPrincipal = await _data.PrincipalAsync("hr");
        Assert.Null(await service.KolumnerAsync(hrPrincipal));
        Assert.False((await service.SparaKolumnmappningAsync(Formular(Visma).ToDictionary(f => f.Key[9..^1], f => (string?)f.Value), hrPrincipal)).Succeeded);
        Assert.Null(await SparadAsync());
    }
}
