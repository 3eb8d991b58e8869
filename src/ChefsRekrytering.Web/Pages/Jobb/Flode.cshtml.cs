using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Jobb;

/// <summary>
/// The open adverts as an Atom feed, for anyone: every municipality's at /jobb/flode, one municipality's at
/// /jobb/flode/{kommun}. Written by the syndication library through an XmlWriter, so every advert field is escaped;
/// characters XML cannot carry at all (control characters) are left out rather than breaking the feed.
/// </summary>
[AllowAnonymous]
public class FlodeModel(AnsokanService ansokan, MailLinks links) : PageModel
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public async Task<IActionResult> OnGetAsync(string? kommun, CancellationToken ct)
    {
        var kommuner = await ansokan.KommunerAsync(ct);
        var vald = kommun is null ? null : kommuner.FirstOrDefault(k => k.Id == kommun);
        if (kommun is not null && vald is null) return NotFound();
        var annonser = await ansokan.PublishedAsync(vald?.Id, ct);

        var sjalv = links.For(Url.Page("/Jobb/Flode", new { kommun = vald?.Id })!);
        var feed = new SyndicationFeed(
            XmlText.Clean(vald is null ? "Lediga chefsjobb" : $"Lediga chefsjobb i {vald.Namn}"),
            XmlText.Clean(vald is null ? "Kommunernas lediga chefstjänster." : $"{vald.Namn}s lediga chefstjänster."),
            new Uri(links.For(Url.Page("/Jobb/Index", new { kommun = vald?.Id })!)), sjalv,
            annonser.Count == 0 ? DateTimeOffset.UnixEpoch : annonser.Max(a => Utc(a.PubliceradUtc)))
        {
            Language = "sv",
            Items = annonser.Select(Item).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(sjalv), "self", null, "application/atom+xml", 0));

        var xml = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(xml), new XmlWriterSettings { Encoding = Encoding.UTF8 }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return Content(xml.ToString(), ContentType);
    }

    private SyndicationItem Item(Annons a)
    {
        var url = links.For(Url.Page("/Jobb/Annons", new { id = a.Id })!);
        var item = new SyndicationItem(XmlText.Clean(a.Titel), XmlText.Clean(a.Annonstext), new Uri(url), url, Utc(a.PubliceradUtc))
        {
            PublishDate = Utc(a.PubliceradUtc),
            Summary = new TextSyndicationContent(XmlText.Clean(
                $"{a.Enhet}, {a.Kommun}. Sista ansökningsdag {a.SistaAnsokningsdag:yyyy-MM-dd}. Diarienummer {a.Diarienummer}.")),
        };
        item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(a.Kommun) });
        item.Categories.Add(new SyndicationCategory(a.KommunId, null, XmlText.Clean(a.Kommun)));
        return item;
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>A StringWriter that declares UTF-8, as the response is sent.</summary>
    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

/// <summary>Text for XML: characters XML 1.0 cannot carry (most control characters, lone surrogates) are dropped;
/// escaping &lt; &amp; and quotes is the XmlWriter's job.</summary>
public static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
