using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Tests.Jobb;

/// <summary>The adverts found everywhere: schema.org JobPosting on each advert, Atom feeds of the open adverts, the
/// sitemap and a municipality's careers page; every advert field escaped, however hostile.</summary>
public class PublikaAnnonserTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Karta = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /// <summary>Every character that could break out of a script element, an attribute or XML, and two control characters.</summary>
    private const string Fientlig = "Chef </script><script>alert(1)</script> & <b>\"citat\"</b> 'apostrof' \u0001\u001f slut";

    /// <summary>Long enough to publish (100 characters at least).</summary>
    private const string FientligText = Fientlig + "\n\n" + RekryteringBuilder.StandardAnnonstext;

    private Testdata data => new(portal);

    [Fact]
    public async Task AnnonsenBarJobPostingMedAllaFaltSomSokmotorerLaser()
    {
        var id = await data.NyRekrytering().Titel("Enhetschef hemtjänst Kalix").SistaAnsokningsdagOm(10).AnnonseradAsync();

        var page = await PortalClient.For(portal).PageAsync($"/jobb/{id}");

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var j = json.RootElement;
        Assert.Equal(("https://schema.org", "JobPosting"), (j.GetProperty("@context").GetString(), j.GetProperty("@type").GetString()));
        Assert.Equal("Enhetschef hemtjänst Kalix", j.GetProperty("title").GetString());
        Assert.Equal(RekryteringBuilder.StandardAnnonstext, j.GetProperty("description").GetString());
        Assert.True(DateTimeOffset.TryParse(j.GetProperty("datePosted").GetString(), out _));
        // The last application day ends at midnight Swedish time, with that day's offset.
        var sista = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow)).AddDays(10);
        var validThrough = j.GetProperty("validThrough").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T23:59:59\+0[12]:00$", validThrough);
        Assert.Equal(sista, DateOnly.FromDateTime(DateTimeOffset.Parse(validThrough).DateTime));
        var org = j.GetProperty("hiringOrganization");
        Assert.Equal(("Organization", "Kalix kommun"), (org.GetProperty("@type").GetString(), org.GetProperty("name").GetString()));
        Assert.EndsWith("/img/kommuner/kalix.svg", org.GetProperty("logo").GetString());
        var adress = j.GetProperty("jobLocation").GetProperty("address");
        Assert.Equal(("Place", "PostalAddress", "Kalix kommun", "SE"), (j.GetProperty("jobLocation").GetProperty("@type").GetString(),
            adress.GetProperty("@type").GetString(), adress.GetProperty("addressLocality").GetString(), adress.GetProperty("addressCountry").GetString()));
        Assert.Equal(["FULL_TIME"], j.GetProperty("employmentType").EnumerateArray().Select(e => e.GetString()));
        var diarienummer = page.QuerySelectorAll("dl.facts dt").First(dt => dt.TextContent == "Diarienummer").NextElementSibling!.TextContent;
        var identifier = j.GetProperty("identifier");
        Assert.Equal(("PropertyValue", diarienummer), (identifier.GetProperty("@type").GetString(), identifier.GetProperty("value").GetString()));
        Assert.True(j.GetProperty("directApply").GetBoolean());
        Assert.EndsWith($"/jobb/{id}", j.GetProperty("url").GetString());
    }

    [Fact]
    public async Task EnFientligTitelOchAnnonstextKanInteBrytaSigUrSkriptetOchBlirOforandradData()
    {
        var id = await data.NyRekrytering().Titel(Fientlig).Annonstext(FientligText).AnnonseradAsync();

        var response = await PortalClient.For(portal).GetAsync($"/jobb/{id}");
        var html = await response.Content.ReadAsStringAsync();

        // Exactly one script element in the page's head, and its text holds no markup at all.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
        Assert.True(start >= 0, html);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var raw = html[(start + "<script type=\"application/ld+json\">".Length)..end];
        Assert.DoesNotContain('<', raw);
        Assert.DoesNotContain('>', raw);
        Assert.DoesNotContain('&', raw);
        Assert.DoesNotContain("alert(1)</script>", html);
        Assert.DoesNotContain('\u0001', raw);
        var page = PortalClient.Parse(html);
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])").Where(s => s.TextContent.Contains("alert")));
        using var json = JsonDocument.Parse(raw);
        Assert.Equal(Fientlig, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(FientligText, json.RootElement.GetProperty("description").GetString());
        // The data block is not executed, so the policy that refuses inline scripts stays as strict as it was.
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task FlodetVisarDeOppnaAnnonsernaOchKommunensFlodeBaraDess()
    {
        var kalix = await data.NyRekrytering().Titel("Rektor Kalix flöde").AnnonseradAsync();
        var alvsbyn = await data.I("alvsbyn").NyRekrytering().Titel("Rektor Älvsbyn flöde").AnnonseradAsync();
        var opublicerad = await data.NyRekrytering().Titel("Opublicerad Kalix").KravprofilAsync();
        var avbruten = await AvbrutenAsync("Avbruten Kalix");
        var client = PortalClient.For(portal);

        var alla = await FeedAsync(client, "/jobb/flode");
        var kalixFlode = await FeedAsync(client, "/jobb/flode/kalix");

        Assert.Contains(Lank(kalix), Lankar(alla));
        Assert.Contains(Lank(alvsbyn), Lankar(alla));
        Assert.Contains(Lank(kalix), Lankar(kalixFlode));
        Assert.DoesNotContain(Lank(alvsbyn), Lankar(kalixFlode));
        Assert.All(kalixFlode.Descendants(Atom + "entry"), e => Assert.Equal("kalix", e.Element(Atom + "category")!.Attribute("term")!.Value));
        foreach (var stangd in new[] { opublicerad, avbruten })
        {
            Assert.DoesNotContain(Lank(stangd), Lankar(alla));
            Assert.DoesNotContain(Lank(stangd), Lankar(kalixFlode));
        }
        Assert.Equal("Lediga chefsjobb i Kalix kommun", kalixFlode.Root!.Element(Atom + "title")!.Value);
        var entry = kalixFlode.Descendants(Atom + "entry").Single(e => e.Elements(Atom + "link").Any(l => l.Attribute("href")!.Value.EndsWith(Lank(kalix))));
        Assert.Equal("Rektor Kalix flöde", entry.Element(Atom + "title")!.Value);
        Assert.Equal(RekryteringBuilder.StandardAnnonstext, entry.Element(Atom + "content")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/jobb/flode/finnsinte")).StatusCode);
    }

    [Fact]
    public async Task FlodetBarEnFientligAnnonsSomGiltigXmlMedTextenOrord()
    {
        var id = await data.NyRekrytering().Titel(Fientlig).Annonstext(FientligText).AnnonseradAsync();

        var feed = await FeedAsync(PortalClient.For(portal), "/jobb/flode/kalix");

        var entry = feed.Descendants(Atom + "entry").Single(e => e.Elements(Atom + "link").Any(l => l.Attribute("href")!.Value.EndsWith(Lank(id))));
        // XML cannot carry the control characters: they are left out, everything else comes back as written.
        var utanStyrtecken = Fientlig.Replace("\u0001", "").Replace("\u001f", "");
        Assert.Equal(utanStyrtecken, entry.Element(Atom + "title")!.Value);
        Assert.Equal(FientligText.Replace(Fientlig, utanStyrtecken), entry.Element(Atom + "content")!.Value);
        Assert.Empty(entry.Descendants().Where(e => e.Name.LocalName is "script" or "b"));
    }

    [Fact]
    public async Task SitemapRaknarUppDePublikaSidornaOchDeOppnaAnnonserna()
    {
        var oppen = await data.NyRekrytering().Titel("Sitemap öppen").AnnonseradAsync();
        var opublicerad = await data.NyRekrytering().Titel("Sitemap opublicerad").KravprofilAsync();
        var response = await PortalClient.For(portal).GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var karta = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Karta + "urlset", karta.Root!.Name);
        var sidor = karta.Descendants(Karta + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Subset(sidor.ToHashSet(), new HashSet<string> { "/jobb", Lank(oppen), "/policy", "/policy/kalix", "/policy/alvsbyn", "/tillganglighet", "/personuppgifter", "/personuppgifter/kalix" });
        Assert.DoesNotContain(Lank(opublicerad), sidor);
        Assert.DoesNotContain(sidor, s => s.StartsWith("/rekrytering") || s.StartsWith("/admin"));
    }

    [Fact]
    public async Task KommunensKarriarsidaVisarNamnLogotypOchLankarFlodena()
    {
        var client = PortalClient.For(portal);

        var kalix = await client.PageAsync("/jobb?kommun=kalix");
        var alla = await client.PageAsync("/jobb");

        Assert.Equal("Lediga chefsjobb i Kalix kommun", kalix.QuerySelector("h1")!.TextContent);
        var logotyp = kalix.QuerySelector(".kommun-rubrik img")!;
        Assert.Equal(("/img/kommuner/kalix.svg", "Kalix kommuns logotyp"), (logotyp.GetAttribute("src"), logotyp.GetAttribute("alt")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/img/kommuner/kalix.svg")).StatusCode);
        Assert.Equal(["/jobb/flode", "/jobb/flode/kalix"], kalix.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
        Assert.Equal("Lediga chefsjobb", alla.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/jobb/flode"], alla.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
    }

    private static string Lank(int id) => $"/jobb/{id}";

    private static List<string> Lankar(XDocument feed) => feed.Descendants(Atom + "entry")
        .SelectMany(e => e.Elements(Atom + "link")).Select(l => new Uri(l.Attribute("href")!.Value).AbsolutePath).ToList();

    private static async Task<XDocument> FeedAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        return feed;
    }

    private async Task<int> AvbrutenAsync(string titel)
    {
        var id = await data.NyRekrytering().Titel(titel).AnnonseradAsync();
        var hr = await data.PrincipalAsync("hr");
        await using var scope = portal.ScopeFor("kalix", out var db);
        var rekryteringar = scope.ServiceProvider.GetRequiredService<RekryteringService>();
        await RekryteringBuilder.StegAsync(db, id, v => rekryteringar.FireAsync(id, v, RekryteringsHandelse.Avbryt, "Tjänsten dras in.", hr));
        return id;
    }
}
