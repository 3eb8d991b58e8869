using System.Text;
using System.Xml;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// /sitemap.xml for search engines: the public pages anyone may read without signing in — the adverts list, every
/// open advert, each municipality's leadership policy, the accessibility statement and the privacy notices. Written
/// with an XmlWriter, never by joining strings. It lies at the site's root, where search engines look for it, so it is
/// an endpoint rather than a page in a folder.
/// </summary>
public static class Sitemap
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", WriteAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> WriteAsync(AnsokanService ansokan, MailLinks links, LinkGenerator paths, HttpContext http, CancellationToken ct)
    {
        var kommuner = await ansokan.KommunerAsync(ct);
        var annonser = await ansokan.PublishedAsync(null, ct);
        string Page(string page, object? values = null) => links.For(paths.GetPathByPage(http, page, values: values)!);

        var urls = new List<(string Loc, DateTime? Andrad)> { (Page("/Jobb/Index"), null) };
        urls.AddRange(annonser.Select(a => (Page("/Jobb/Annons", new { id = a.Id }), (DateTime?)a.PubliceradUtc)));
        urls.Add((Page("/Policy/Index"), null));
        urls.AddRange(kommuner.Select(k => (Page("/Policy/Visa", new { kommun = k.Id }), (DateTime?)null)));
        urls.Add((Page("/Tillganglighet/Index"), null));
        urls.Add((Page("/Personuppgifter/Index"), null));
        urls.AddRange(kommuner.Select(k => (Page("/Personuppgifter/Kommun", new { kommun = k.Id }), (DateTime?)null)));

        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(xml, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (loc, andrad) in urls)
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, loc);
                if (andrad is { } d) writer.WriteElementString("lastmod", Namespace, d.ToString("yyyy-MM-dd"));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml, "application/xml; charset=utf-8");
    }
}
