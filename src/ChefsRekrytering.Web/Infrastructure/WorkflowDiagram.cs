using System.Net;
using System.Text;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Html;
using Stateless.Reflection;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Draws a workflow as an accessible SVG, from the machine's own configuration: the main path in order (done steps,
/// the current one highlighted, the rest ahead) and the side exits that several steps share, such as a cancellation.
/// Beside it the same steps as a vertical list, which a phone shows instead (site.css): the SVG's four boxes a row
/// would shrink to unreadable text on a narrow screen.
/// </summary>
public static class WorkflowDiagram
{
    private const int BoxWidth = 168, BoxHeight = 46, GapX = 36, GapY = 44, PerRow = 4, Margin = 8;

    public static IHtmlContent Render<TState>(StateMachineInfo info, TState current, string title) where TState : struct, Enum
    {
        var states = info.States.ToList();
        // The main path: from the first state, each step to the next state in the enum's order, as long as the
        // process has that transition. Every other state is an ending reached from the side (Avbruten, Tackat nej ...).
        var all = Enum.GetValues<TState>();
        var main = new List<TState> { all[0] };
        for (var i = 1; i < all.Length && Leads(states, all[i - 1], all[i]); i++) main.Add(all[i]);
        var side = all.Except(main).ToList();
        var currentIndex = main.IndexOf(current);

        var rows = (main.Count + PerRow - 1) / PerRow + (side.Count > 0 ? 1 : 0);
        var width = Margin * 2 + PerRow * BoxWidth + (PerRow - 1) * GapX;
        var height = Margin * 2 + rows * BoxHeight + (rows - 1) * GapY + (side.Count > 0 ? 18 : 0);
        var svg = new StringBuilder();
        var id = $"diagram-{typeof(TState).Name.ToLowerInvariant()}";
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">");
        svg.Append($"<title id=\"{id}-t\">{E(title)}</title>");
        svg.Append($"<desc id=\"{id}-d\">{E(Describe(main, side, current, states))}</desc>");
        svg.Append("<defs><marker id=\"pil\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a4f57\"/></marker></defs>");

        (int X, int Y) Pos(int i) => (Margin + i % PerRow * (BoxWidth + GapX), Margin + i / PerRow * (BoxHeight + GapY));
        for (var i = 0; i < main.Count - 1; i++)
        {
            var (x1, y1) = Pos(i);
            var (x2, y2) = Pos(i + 1);
            svg.Append(y1 == y2
                ? $"<line x1=\"{x1 + BoxWidth}\" y1=\"{y1 + BoxHeight / 2}\" x2=\"{x2 - 2}\" y2=\"{y2 + BoxHeight / 2}\" stroke=\"#4a4f57\" stroke-width=\"1.5\" marker-end=\"url(#pil)\"/>"
                : $"<path d=\"M{x1 + BoxWidth / 2},{y1 + BoxHeight} V{y1 + BoxHeight + GapY / 2} H{x2 + BoxWidth / 2} V{y2 - 2}\" fill=\"none\" stroke=\"#4a4f57\" stroke-width=\"1.5\" marker-end=\"url(#pil)\"/>");
        }
        for (var i = 0; i < main.Count; i++)
        {
            var (x, y) = Pos(i);
            var (fill, stroke, text) = i == currentIndex ? ("#1b3a63", "#1b3a63", "#ffffff")
                : currentIndex >= 0 && i < currentIndex ? ("#e6f2e9", "#1e6b34", "#14482a") : ("#ffffff", "#6b7280", "#1d1d1f");
            Box(svg, x, y, SwedishText.Of(main[i]), fill, stroke, text, dashed: false, bold: i == currentIndex);
        }
        if (side.Count > 0)
        {
            var y = Margin + (rows - 1) * (BoxHeight + GapY) + 18;
            svg.Append($"<text x=\"{Margin}\" y=\"{y - 8}\" font-size=\"12\" fill=\"#4a4f57\">Kan avslutas från flera steg:</text>");
            for (var i = 0; i < side.Count; i++)
            {
                var isCurrent = side[i].Equals(current);
                Box(svg, Margin + i * (BoxWidth + GapX), y, SwedishText.Of(side[i]),
                    isCurrent ? "#a4161a" : "#ffffff", isCurrent ? "#a4161a" : "#6b7280", isCurrent ? "#ffffff" : "#1d1d1f", dashed: !isCurrent, bold: isCurrent);
            }
        }
        svg.Append("</svg>");
        List(svg, main, side, current, currentIndex);
        return new HtmlString(svg.ToString());
    }

    /// <summary>The steps in order, each done one ticked, the current one marked in words as well as colour
    /// (aria-current="step"); the side exits after them, the current one marked the same way.</summary>
    private static void List<TState>(StringBuilder html, List<TState> main, List<TState> side, TState current, int currentIndex)
        where TState : struct, Enum
    {
        html.Append("<ol class=\"process-lista\">");
        for (var i = 0; i < main.Count; i++)
        {
            var (klass, markering) = i == currentIndex ? ("current", "") : currentIndex >= 0 && i < currentIndex ? ("done", Klart) : ("", "");
            Step(html, SwedishText.Of(main[i]), klass, markering, i == currentIndex);
        }
        html.Append("</ol>");
        if (side.Count == 0) return;
        html.Append("<p class=\"process-lista-sidor\">Kan avslutas från flera steg:</p><ul class=\"process-lista\">");
        foreach (var s in side) Step(html, SwedishText.Of(s), s.Equals(current) ? "current ended" : "", "", s.Equals(current));
        html.Append("</ul>");
    }

    private const string Klart = "<span aria-hidden=\"true\">✓ </span><span class=\"visually-hidden\">klart: </span>";

    private static void Step(StringBuilder html, string label, string klass, string markering, bool isCurrent) =>
        html.Append($"<li{(klass.Length > 0 ? $" class=\"{klass}\"" : "")}{(isCurrent ? " aria-current=\"step\"" : "")}>{markering}{E(label)}" +
                    $"{(isCurrent ? " <span class=\"process-nu\">nu</span>" : "")}</li>");

    private static void Box(StringBuilder svg, int x, int y, string label, string fill, string stroke, string textColor, bool dashed, bool bold)
    {
        svg.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{(dashed ? " stroke-dasharray=\"5 4\"" : "")}/>");
        svg.Append($"<text x=\"{x + BoxWidth / 2}\" y=\"{y + BoxHeight / 2 + 5}\" text-anchor=\"middle\" font-size=\"{(label.Length > 18 ? 12 : 14)}\" fill=\"{textColor}\"{(bold ? " font-weight=\"bold\"" : "")}>{E(label)}</text>");
    }

    private static string Describe<TState>(List<TState> main, List<TState> side, TState current, List<StateInfo> states) where TState : struct, Enum
    {
        var text = $"Stegen i ordning: {string.Join(", ", main.Select(s => SwedishText.Of(s)))}. Nu: {SwedishText.Of(current)}.";
        return side.Count == 0 ? text : text + $" Kan också avslutas som: {string.Join(", ", side.Select(s => SwedishText.Of(s)))}.";
    }

    private static bool Leads<TState>(List<StateInfo> states, TState from, TState to) =>
        states.Where(x => Equals(x.UnderlyingState, from)).SelectMany(x => x.FixedTransitions)
            .Any(t => Equals(t.DestinationState.UnderlyingState, to));

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
