using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script (the CSP allows none inline) and readable without the
/// picture, since its description lists every bar. Pages put the same figures in a table beside it.
/// </summary>
public static class BarChart
{
    private const int LabelWidth = 250, BarArea = 340, ValueWidth = 50, RowHeight = 26, BarHeight = 18, Margin = 8, MaxLabel = 34;

    public static IHtmlContent Render(string id, string title, IReadOnlyList<(string Label, int Value)> bars, string unitSingular, string unitPlural)
    {
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var width = Margin * 2 + LabelWidth + BarArea + ValueWidth;
        var height = Margin * 2 + Math.Max(1, bars.Count) * RowHeight;
        string Unit(int n) => n == 1 ? unitSingular : unitPlural;
        var desc = bars.Count == 0 ? "Inga värden." : string.Join("; ", bars.Select(b => $"{b.Label}: {b.Value} {Unit(b.Value)}")) + ".";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        svg.Append($"<title id=\"{id}-t\">{E(title)}</title><desc id=\"{id}-d\">{E(desc)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = Margin + i * RowHeight;
            var bar = (int)Math.Round((double)BarArea * value / max);
            var shown = label.Length > MaxLabel ? label[..(MaxLabel - 1)] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + LabelWidth - 8}\" y=\"{y + BarHeight - 4}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d1d1f\">{E(shown)}</text>");
            if (bar > 0) svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Margin + LabelWidth}\" y=\"{y}\" width=\"{bar}\" height=\"{BarHeight}\" fill=\"#1b3a63\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + LabelWidth + bar + 6}\" y=\"{y + BarHeight - 4}\" font-size=\"13\" fill=\"#1d1d1f\">{value}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
