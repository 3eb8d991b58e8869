using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Every table of the portal with a header row of at least <see cref="MinstaKolumner"/> columns: each body cell gets its
/// column's header text as <c>data-label</c> and the table the class <c>kortlista</c>, so that on a phone site.css shows
/// each row as a card in which every value stands under its column's name. Done here once instead of by hand in every
/// view's cells; the table renders as written otherwise. A table inside a cell keeps its own labels. Narrower tables fit
/// a phone as they are.
/// </summary>
[HtmlTargetElement("table")]
public sealed class Kolumnetiketter(HtmlEncoder encoder) : TagHelper
{
    public const int MinstaKolumner = 3;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var html = (await output.GetChildContentAsync()).GetContent(encoder);
        if (Markera(html) is not { } markerad) return;
        output.Content.SetHtmlContent(markerad);
        output.AddClass("kortlista", encoder);
    }

    /// <summary>The table's inner HTML with the labels added, or null when it has no header row of that many columns.</summary>
    public static string? Markera(string html)
    {
        var headStart = html.IndexOf("<thead", StringComparison.Ordinal);
        var headEnd = headStart < 0 ? -1 : html.IndexOf("</thead>", headStart, StringComparison.Ordinal);
        if (headEnd < 0) return null;
        var labels = Headers(html, headStart, headEnd);
        if (labels.Count < MinstaKolumner || labels.All(string.IsNullOrEmpty)) return null;

        var result = new StringBuilder(html.Length + html.Length / 4);
        result.Append(html, 0, headEnd);
        var (i, depth, column) = (headEnd, 0, 0);
        while (html.IndexOf('<', i) is var open and >= 0)
        {
            var close = html.IndexOf('>', open);
            if (close < 0) break;
            result.Append(html, i, close - i);
            if (IsTag(html, open, "<table")) depth++;
            else if (IsTag(html, open, "</table")) depth--;
            else if (depth == 0 && IsTag(html, open, "<tr")) column = 0;
            else if (depth == 0 && (IsTag(html, open, "<td") || IsTag(html, open, "<th")))
            {
                var tag = html.AsSpan(open, close - open);
                if (column < labels.Count && labels[column].Length > 0 && !tag.Contains("data-label", StringComparison.Ordinal))
                    result.Append(" data-label=\"").Append(labels[column]).Append('"');
                column += Span(tag);
            }
            i = close;
        }
        result.Append(html, i, html.Length - i);
        return result.ToString();
    }

    /// <summary>The text of the last header row's cells, one per column they span, tags removed (a visually hidden
    /// header's text counts), still HTML-encoded as it stands, so it can go into an attribute as it is.</summary>
    private static List<string> Headers(string html, int from, int to)
    {
        var labels = new List<string>();
        for (var i = from; html.IndexOf('<', i) is var open and >= 0 && open < to;)
        {
            var close = html.IndexOf('>', open);
            if (close < 0) break;
            if (IsTag(html, open, "<tr")) labels.Clear();
            else if (IsTag(html, open, "<th") || IsTag(html, open, "<td"))
            {
                var end = html.IndexOf(html[open + 2] == 'h' ? "</th>" : "</td>", close, StringComparison.Ordinal);
                if (end < 0) break;
                var text = Text(html.AsSpan(close + 1, end - close - 1));
                labels.AddRange(Enumerable.Repeat(text, Span(html.AsSpan(open, close - open))));
                close = end;
            }
            i = close + 1;
        }
        return labels;
    }

    private static string Text(ReadOnlySpan<char> inner)
    {
        var text = new StringBuilder();
        var (inTag, space) = (false, false);
        foreach (var c in inner)
        {
            if (c == '<') inTag = true;
            else if (c == '>') (inTag, space) = (false, true);
            else if (inTag) continue;
            else if (char.IsWhiteSpace(c)) space = true;
            else
            {
                if (space && text.Length > 0) text.Append(' ');
                space = false;
                if (c == '"') text.Append("&quot;"); else text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>How many columns a cell spans: its colspan, else one.</summary>
    private static int Span(ReadOnlySpan<char> tag)
    {
        var at = tag.IndexOf("colspan=\"", StringComparison.Ordinal);
        if (at < 0) return 1;
        var rest = tag[(at + 9)..];
        return int.TryParse(rest[..Math.Max(0, rest.IndexOf('"'))], out var n) && n > 0 ? n : 1;
    }

    /// <summary>Whether the tag at <paramref name="at"/> is <paramref name="name"/> itself, not a longer name (&lt;thead for &lt;th).</summary>
    private static bool IsTag(string html, int at, string name) =>
        string.CompareOrdinal(html, at, name, 0, name.Length) == 0 && at + name.Length < html.Length
        && html[at + name.Length] is ' ' or '>' or '\n' or '\r' or '\t' or '/';
}
