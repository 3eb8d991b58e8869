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

        // One pass over the tags after the header row, copying the HTML between the places a label goes in.
        var result = new StringBuilder(html.Length + html.Length / 3);
        var (copied, depth, column) = (0, 0, 0);
        for (var open = html.IndexOf('<', headEnd); open >= 0; open = html.IndexOf('<', open + 1))
        {
            switch (Kind(html, open))
            {
                case Tag.Table: depth++; break;
                case Tag.EndTable: depth--; break;
                case Tag.Row when depth == 0: column = 0; break;
                case Tag.Cell when depth == 0:
                    var close = html.IndexOf('>', open);
                    if (close < 0) break;
                    var tag = html.AsSpan(open, close - open);
                    if (column < labels.Count && labels[column].Length > 0 && !tag.Contains("data-label", StringComparison.Ordinal))
                    {
                        result.Append(html, copied, close - copied).Append(" data-label=\"").Append(labels[column]).Append('"');
                        copied = close;
                    }
                    column += Span(tag);
                    break;
            }
        }
        return result.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>The text of the last header row's cells, one per column they span, tags removed (a visually hidden
    /// header's text counts), still HTML-encoded as it stands, so it can go into an attribute as it is.</summary>
    private static List<string> Headers(string html, int from, int to)
    {
        var labels = new List<string>();
        for (var open = html.IndexOf('<', from); open >= 0 && open < to; open = html.IndexOf('<', open + 1))
        {
            var kind = Kind(html, open);
            if (kind == Tag.Row) labels.Clear();
            if (kind != Tag.Cell) continue;
            var close = html.IndexOf('>', open);
            var end = close < 0 ? -1 : html.IndexOf(html[open + 2] == 'h' ? "</th>" : "</td>", close, StringComparison.Ordinal);
            if (end < 0) break;
            labels.AddRange(Enumerable.Repeat(Text(html.AsSpan(close + 1, end - close - 1)), Span(html.AsSpan(open, close - open))));
            open = end;
        }
        return labels;
    }

    private enum Tag { Other, Table, EndTable, Row, Cell }

    /// <summary>The kind of the tag that starts at <paramref name="at"/> (a '&lt;'), by its name alone: &lt;thead is not &lt;th.</summary>
    private static Tag Kind(string html, int at)
    {
        var name = html.AsSpan(at + 1);
        return name switch
        {
            ['t', 'd' or 'h', var end, ..] when !char.IsAsciiLetterOrDigit(end) => Tag.Cell,
            ['t', 'r', var end, ..] when !char.IsAsciiLetterOrDigit(end) => Tag.Row,
            ['t', 'a', 'b', 'l', 'e', var end, ..] when !char.IsAsciiLetterOrDigit(end) => Tag.Table,
            ['/', 't', 'a', 'b', 'l', 'e', ..] => Tag.EndTable,
            _ => Tag.Other,
        };
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
}
