using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChefsRekrytering.Rapporter;
using Microsoft.AspNetCore.Html;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// A report table's chart as an SVG written on the server (the CSP allows no scripts): one horizontal bar per row, the
/// value written beside it; several value columns stack, with a legend and the number in each segment wide enough to
/// hold it. Colours are never the only carrier: the numbers are in the chart, and the table beside it is its text
/// alternative; the SVG's title and description say the same in words.
/// </summary>
public static class Stapeldiagram
{
    private const int LabelWidth = 220, BarWidth = 420, ValueWidth = 70, Row = 30, BarHeight = 20, Top = 8, LegendRow = 26;

    /// <summary>Dark enough for 3:1 against white and 4.5:1 for white text: the portal's blue; for stacked series the status
    /// colours of the Ledarakademin tags (green, amber, red, grey).</summary>
    private const string Single = "#1b3a63";
    private static readonly string[] Series = ["#1e6b34", "#8a5a00", "#a4161a", "#5f6670"];

    /// <summary>Worth drawing: a chart of only zeros or empty values says nothing the table does not.</summary>
    public static bool Visas(Rapporttabell table) =>
        table.Diagram is { } chart && table.Rader.Any(r => chart.Varden.Any(c => Rapportformat.Tal(r[c]) > 0));

    /// <summary>One series of labelled counts (Årets chef's statistics), drawn like a report table's chart; <paramref name="id"/>
    /// names the SVG "diagram-{id}".</summary>
    public static IHtmlContent Render(string id, string rubrik, IEnumerable<(string Label, int Value)> staplar, string enhet) =>
        Render(new Rapporttabell(id, rubrik, "", ["", enhet], staplar.Select(s => (IReadOnlyList<object?>)[s.Label, s.Value]).ToList(),
            new Diagramval(0, [1], enhet)));

    /// <summary>The chart twice: beside its labels for a wider screen, and with each label above its bar for a phone, where
    /// the wide one would shrink to unreadable text; site.css shows one of them.</summary>
    public static IHtmlContent Render(Rapporttabell table)
    {
        var chart = table.Diagram ?? throw new ArgumentException("Tabellen har inget diagram.", nameof(table));
        var rows = table.Rader.Select(r => (Label: Rapportformat.Text(r[chart.Etikett]),
            Values: chart.Varden.Select(c => Rapportformat.Tal(r[c])).ToList(),
            Total: chart.Varden.All(c => r[c] is null) ? "–" : Rapportformat.Text(chart.Varden.Sum(c => Rapportformat.Tal(r[c]))))).ToList();
        var svg = new StringBuilder();
        Svg(svg, table, chart, rows, Bred);
        Svg(svg, table, chart, rows, Smal);
        return new HtmlString(svg.ToString());
    }

    /// <summary>Where things go: the label's width beside the bar (0: above it), the bar's longest length, a row's height,
    /// the bar's offset and height in the row, the legend's items per line, and the SVG's class and id suffix.</summary>
    private sealed record Matt(int LabelWidth, int BarWidth, int Row, int BarTop, int BarHeight, int LegendPerLine, int MaxLabel, string Klass, string Suffix)
    {
        public bool LabelAbove => LabelWidth == 0;
    }

    private static readonly Matt Bred = new(LabelWidth, BarWidth, Row, 0, BarHeight, 4, 30, "stapeldiagram", "");
    private static readonly Matt Smal = new(0, 300, 44, 20, 16, 2, 44, "stapeldiagram smal", "-smal");

    private static void Svg(StringBuilder svg, Rapporttabell table, Diagramval chart, List<(string Label, List<decimal> Values, string Total)> rows, Matt m)
    {
        var stacked = chart.Varden.Count > 1;
        var max = Math.Max(1m, rows.Select(r => r.Values.Sum()).DefaultIfEmpty(0).Max());
        var legendLines = stacked ? (chart.Varden.Count + m.LegendPerLine - 1) / m.LegendPerLine : 0;
        var legend = legendLines * LegendRow;
        var width = m.LabelWidth + m.BarWidth + ValueWidth;
        var height = Top * 2 + legend + rows.Count * m.Row;
        var id = $"diagram-{table.Id}{m.Suffix}";

        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{m.Klass}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        svg.Append($"<title id=\"{id}-t\">{E(table.Rubrik)}</title>");
        svg.Append($"<desc id=\"{id}-d\">{E(Describe(table, chart, rows))}</desc>");
        for (var s = 0; s < (stacked ? chart.Varden.Count : 0); s++)
        {
            var x = m.LabelWidth + s % m.LegendPerLine * 105;
            var y = Top + s / m.LegendPerLine * LegendRow;
            svg.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{Series[s % Series.Length]}\"/>");
            svg.Append($"<text x=\"{x + 20}\" y=\"{y + 12}\" font-size=\"13\" fill=\"#1d1d1f\">{E(table.Kolumner[chart.Varden[s]])}</text>");
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, values, total) = rows[i];
            var y = Top + legend + i * m.Row;
            var barY = y + m.BarTop;
            svg.Append(m.LabelAbove
                ? $"<text x=\"0\" y=\"{y + 14}\" font-size=\"14\" fill=\"#1d1d1f\">{E(Short(label, m.MaxLabel))}</text>"
                : $"<text x=\"{m.LabelWidth - 8}\" y=\"{y + m.BarHeight - 5}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d1d1f\">{E(Short(label, m.MaxLabel))}</text>");
            var x = (decimal)m.LabelWidth;
            for (var s = 0; s < values.Count; s++)
            {
                var w = values[s] / max * m.BarWidth;
                if (w <= 0) continue;
                svg.Append($"<rect x=\"{N(x)}\" y=\"{barY}\" width=\"{N(w)}\" height=\"{m.BarHeight}\" fill=\"{(stacked ? Series[s % Series.Length] : Single)}\"/>");
                if (stacked && w >= 26)
                    svg.Append($"<text x=\"{N(x + w / 2)}\" y=\"{barY + m.BarHeight - 5}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#ffffff\">{Rapportformat.Text(values[s])}</text>");
                x += w;
            }
            svg.Append($"<text x=\"{N(x + 6)}\" y=\"{barY + m.BarHeight - 5}\" font-size=\"13\" fill=\"#1d1d1f\">{E(total)}</text>");
        }
        svg.Append("</svg>");
    }

    private static string Describe(Rapporttabell table, Diagramval chart, List<(string Label, List<decimal> Values, string Total)> rows) =>
        rows.Count == 0 ? $"Inga {chart.Enhet} att visa än." : $"Staplar i {chart.Enhet}: " + string.Join("; ", rows.Select(r => chart.Varden.Count == 1
            ? $"{r.Label} {r.Total}"
            : $"{r.Label}: " + string.Join(", ", r.Values.Select((v, s) => $"{table.Kolumner[chart.Varden[s]]} {Rapportformat.Text(v)}")))) + ".";

    private static string Short(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string N(decimal d) => Math.Round(d, 1).ToString(CultureInfo.InvariantCulture);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);
}
