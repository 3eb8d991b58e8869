using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Renders policy Markdown to HTML. Raw HTML in the source is not passed through.</summary>
public static class PolicyHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    /// <summary>Renders with headings pushed down, so a section's ### sits under the page's own headings.</summary>
    public static IHtmlContent Render(string markdown, int headingOffset = 0)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + headingOffset);
        return new HtmlString(document.ToHtml(Pipeline));
    }
}
