using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChefsRekrytering.Data;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Notifications;

/// <summary>A mail: the class names its template key (or keys, where the model picks a variant); its model is <typeparamref name="TModel"/>.
/// The fields a template may read are listed in <see cref="Mejlmallar"/>.</summary>
public interface IMailTemplate<TModel>
{
    static abstract string Nyckel(TModel model);
}

/// <summary>
/// Renders a mail from the municipality's current version of its template (<see cref="Mejlmallkalla"/>), inside the frame
/// that stays in code, and derives the plain-text part. A saved version that fails at send time (it was checked when
/// saved, so this is a bug, not HR's mistake) is logged and the file version is sent instead: a mail is never lost to a template.
/// </summary>
public sealed class MailComposer(AppDbContext db, Mejlmallkalla kalla, ILogger<MailComposer> logger)
{
    private static readonly HtmlParser Parser = new();

    public async Task<(string Subject, string Html, string Text)> RenderAsync<TTemplate, TModel>(TModel model, string subject, string? kommunId,
        string? sprak = null, CancellationToken ct = default)
        where TTemplate : IMailTemplate<TModel>
        where TModel : notnull
    {
        var nyckel = Mejlmallar.NyckelPa(TTemplate.Nyckel(model), sprak);
        var katalog = Mejlmallar.For(nyckel);
        var (nummer, mall) = await kalla.HamtaAsync(db, kommunId, nyckel, ct);
        RenderatMejl mejl;
        try
        {
            mejl = await Mejlmotor.RenderaAsync(mall, katalog, model, subject);
        }
        catch (Exception e) when (nummer > 1)
        {
            logger.LogWarning(e, "Mejlmallen {Nyckel} version {Nummer} i {Kommun} gick inte att visa; filens version skickas", nyckel, nummer, kommunId);
            mejl = await Mejlmotor.RenderaAsync(kalla.Filer.Mall(nyckel), katalog, model, subject);
        }
        var html = MailRam.Html(mejl.Rubrik, katalog.Kommun(model), mejl.Html, katalog.Sprak);
        return (mejl.Amne.Length > 0 ? mejl.Amne : subject, html, ToText(html));
    }

    /// <summary>Plain text for mail clients that show no HTML: block elements become lines, links keep their address.</summary>
    public static string ToText(string html)
    {
        var document = Parser.ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body!, text);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", CollapseBlankLines(lines)).Trim() + "\n";
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(System.Text.RegularExpressions.Regex.Replace(t.Data, @"\s+", " "));
                    break;
                case IElement { LocalName: "style" or "script" or "head" }:
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "li" } li:
                    text.Append("\n- ");
                    Walk(li, text);
                    break;
                case IElement { LocalName: "a" } a:
                    Walk(a, text);
                    if (a.GetAttribute("href") is { } href && href.StartsWith("http") && a.TextContent.Trim() != href)
                        text.Append($" ({href})");
                    break;
                case IElement { LocalName: "p" or "div" or "h1" or "h2" or "h3" or "table" or "tr" or "ul" or "ol" or "section" or "header" or "footer" } block:
                    text.Append('\n');
                    Walk(block, text);
                    text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    Walk(cell, text);
                    text.Append(' ');
                    break;
                default:
                    Walk(child, text);
                    break;
            }
        }
    }

    private static IEnumerable<string> CollapseBlankLines(IEnumerable<string> lines)
    {
        var blank = false;
        foreach (var line in lines.Select(l => l.TrimStart()))
        {
            if (line.Length == 0) { if (!blank) yield return ""; blank = true; }
            else { yield return line; blank = false; }
        }
    }
}
