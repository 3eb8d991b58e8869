using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Notifications;

/// <summary>A mail template: a Razor component with one parameter, its model.</summary>
public interface IMailTemplate<TModel>
{
    TModel Model { get; set; }
}

/// <summary>Renders mail templates (Razor components) to HTML with HtmlRenderer, and derives the plain-text part.</summary>
public sealed class MailComposer(IServiceProvider services, ILoggerFactory loggers)
{
    private static readonly HtmlParser Parser = new();

    public async Task<(string Html, string Text)> RenderAsync<TTemplate, TModel>(TModel model)
        where TTemplate : IComponent, IMailTemplate<TModel>
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TTemplate>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(IMailTemplate<TModel>.Model)] = model }));
            return output.ToHtmlString();
        });
        return ("<!DOCTYPE html>\n" + html, ToText(html));
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
