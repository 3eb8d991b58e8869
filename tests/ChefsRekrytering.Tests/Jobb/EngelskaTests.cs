using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Jobb;

/// <summary>
/// English for applicants: the job list, the advert's form, the applicant's own page and the mails to them, by the
/// applicant's choice; the advert stays as written, and every page that is not the applicant's stays Swedish.
/// </summary>
public class EngelskaTests(AnsokanPortal fixture) : IClassFixture<AnsokanPortal>
{
    private PortalFactory Portal => fixture.Portal;
    private Testdata data => new(Portal);

    [Fact]
    public async Task EnSokandeSomValjerEngelskaSokerFollerOchFarSinaMejlPaEngelska()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var client = PortalClient.For(Portal);

        var lista = await client.PageAsync("/jobb?sprak=en");
        Assert.Equal("en", lista.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Vacant manager positions", lista.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(lista.QuerySelectorAll("a[hreflang='sv']"), a => a.TextContent.Trim() == "På svenska" && a.GetAttribute("lang") == "sv");

        // The cookie remembers the choice on the next page, without ?sprak.
        var annons = await client.PageAsync($"/jobb/{id}");
        Assert.Equal("en", annons.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Apply for the position", annons.QuerySelector("#ansok")!.TextContent.Trim());
        Assert.Contains("is the controller of your personal data", annons.QuerySelector("main")!.TextContent);
        Assert.Contains(annons.QuerySelectorAll("label"), l => l.TextContent.Trim() == "First name");

        // A refusal is worded in English, field by field.
        var fel = await client.PostMultipartAsync($"/jobb/{id}", new() { ["Input.Fornamn"] = "", ["Input.Efternamn"] = "Öberg",
            ["Input.Epost"] = "inte-en-adress", ["Input.Telefon"] = "070-123 45 67" }, []);
        var felsida = PortalClient.Parse(await fel.Content.ReadAsStringAsync());
        var fel1 = felsida.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("The application could not be sent", fel1);
        Assert.Contains("Fill in your first name.", fel1);
        Assert.Contains("The e-mail address is not valid.", fel1);
        Assert.Contains("Choose a file with your CV.", fel1);

        var sokande = Sokande.Ny();
        var svar = await AnsokanTests.ApplyAsync(client, id, sokande);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        var token = svar.Headers.Location!.OriginalString["/ansokan/".Length..];
        await using (var scope = Portal.ScopeFor("kalix", out var db))
            Assert.Equal(Sprak.Engelska, (await db.Set<Kandidat>().SingleAsync(k => k.Epost == sokande.Epost)).Sprak);

        var egen = await client.PageAsync($"/ansokan/{token}");
        Assert.Equal("en", egen.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Your application", egen.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Your application has been received and is being reviewed", egen.QuerySelector("#lage")!.ParentElement!.TextContent);
        Assert.Contains("Thank you! Your application has been sent.", egen.QuerySelector("[role=status]")!.TextContent);

        var mail = Assert.Single(await fixture.MailTillAsync(sokande.Epost, 1));
        Assert.StartsWith("We have received your application – ", mail.Subject);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody);
        Assert.Contains("Please do not reply to it.", mail.TextBody);
        // The day is worded in English, and the link opens the applicant's page in English.
        Assert.Matches(@"on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+ \d{4} at \d\d:\d\d", mail.TextBody);
        Assert.Contains($"/ansokan/{token}?sprak=en", mail.TextBody);
        Assert.Contains("CV: cv.pdf", mail.TextBody);

        // The applicant's English ends with the applicant's pages: the policy page (and everything signed in) stays Swedish.
        var policy = await client.PageAsync("/policy");
        Assert.Equal("sv", policy.DocumentElement.GetAttribute("lang"));

        // An outcome mail later on follows the language stored with the application.
        await using (var scope = Portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Epost == sokande.Epost);
            var tillbaka = await client.PostFormAsync($"/ansokan/{token}?handler=Aterta", new() { ["Bekraftar"] = "true", ["Version"] = k.Version.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, tillbaka.StatusCode);
        }
        var besked = (await fixture.MailTillAsync(sokande.Epost, 2)).Last();
        Assert.Equal("Your application has been withdrawn", besked.Subject);
    }

    [Fact]
    public async Task SvenskaArStandardOchValetGarAttAngra()
    {
        var client = PortalClient.For(Portal);
        var svenska = await client.PageAsync("/jobb");
        Assert.Equal("sv", svenska.DocumentElement.GetAttribute("lang"));
        Assert.Contains(svenska.QuerySelectorAll("a[hreflang='en']"), a => a.TextContent.Trim() == "In English" && a.GetAttribute("href") == "/jobb?sprak=en");

        // Accept-Language alone never makes English: the choice is the applicant's.
        var request = new HttpRequestMessage(HttpMethod.Get, "/jobb");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        var html = await (await client.Http.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"sv\">", html);

        // The switch keeps the rest of the address.
        var kalix = await client.PageAsync("/jobb?kommun=kalix&sprak=en");
        Assert.Contains(kalix.QuerySelectorAll("a[hreflang='sv']"), a => a.GetAttribute("href") == "/jobb?kommun=kalix&sprak=sv");
        Assert.Equal("sv", (await client.PageAsync("/jobb?sprak=sv")).DocumentElement.GetAttribute("lang"));
        Assert.Equal("sv", (await client.PageAsync("/jobb")).DocumentElement.GetAttribute("lang"));
    }

    /// <summary>Every text the applicant's pages look up has its English: a text added in Swedish only fails here, not in front of an applicant.</summary>
    [Fact]
    public void VarjeTextPaSokandesSidorHarEnEngelskOversattning()
    {
        var web = Path.Combine(RepoRoot(), "src", "ChefsRekrytering.Web");
        var engelska = XDocument.Load(Path.Combine(web, "Resources", "Sokandetexter.en.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();
        string[] sidor = ["Pages/Jobb", "Pages/Ansokan", "Pages/Shared/_Layout.cshtml"];
        var saknas = sidor.SelectMany(s => Directory.Exists(Path.Combine(web, s)) ? Directory.GetFiles(Path.Combine(web, s), "*.cs*") : [Path.Combine(web, s)])
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\bT\[""((?:[^""\\]|\\.)*)""").Select(m => (Fil: Path.GetFileName(f), Text: Regex.Unescape(m.Groups[1].Value))))
            .Where(t => !engelska.Contains(t.Text)).Select(t => $"{t.Fil}: {t.Text}").Distinct().ToList();
        Assert.True(saknas.Count == 0, "Utan engelska i Resources/Sokandetexter.en.resx:\n" + string.Join("\n", saknas));
        // Every refusal and state the applicant's pages show from the services has its English too.
        string[] franTjansterna = [AnsokanService.InteAktuell, AnsokanService.DokumentFel, AnsokanService.RedanAvslutad, AnsokanService.AndradSamtidigt,
            AnsokanService.ErbjudandetBesvarat, AnsokanService.ErbjudandetGallerInte, AnsokanService.SvaretBekraftas, AnsokanService.AndradSamtidigtSida,
            Intervjutider.TidenTagen, Intervjutider.TidenTogsSamtidigt, Intervjutider.TidenPasserad, Intervjutider.TidenFinnsInte,
            Intervjutider.InteInbjuden, Intervjutider.KanInteFlyttas];
        var lagen = Enum.GetValues<KandidatTillstand>().Select(s => AnsokanService.LageFor(new Kandidat
        {
            KommunId = "kalix", Fornamn = "", Efternamn = "", Epost = "", SamtyckeVersion = "", AtkomstHash = "", State = s,
        })).SelectMany(l => new[] { l.Rubrik, l.Text });
        Assert.Empty(franTjansterna.Concat(lagen).Where(t => !engelska.Contains(t)).Distinct());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChefsRekrytering.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ChefsRekrytering.sln hittades inte.");
    }
}
