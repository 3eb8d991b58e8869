using AngleSharp.Dom;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Jobb;

/// <summary>
/// An advert reads as it was written: paragraphs at blank lines, its line breaks, and lines that begin with "- " as a
/// list, on the public advert and in the recruiting manager's preview alike; what was typed is text, never markup.
/// </summary>
public class AnnonstextTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    // As a browser posts a textarea: CRLF line breaks.
    private const string Text =
        "Vill du leda hemtjänsten i Kalix? Vi söker en chef som delar kommunens syn på ledarskap.\r\n" +
        "Du blir en del av en engagerad ledningsgrupp.\r\n\r\n" +
        "Vi erbjuder:\r\n- Trygg anställning\r\n- Friskvård <b>varje vecka</b>\r\n\r\n" +
        "<script>alert('x')</script> & mer.";

    private static readonly string[] Struktur =
    [
        "p: Vill du leda hemtjänsten i Kalix? Vi söker en chef som delar kommunens syn på ledarskap. | Du blir en del av en engagerad ledningsgrupp.",
        "p: Vi erbjuder:",
        "ul: Trygg anställning | Friskvård <b>varje vecka</b>",
        "p: <script>alert('x')</script> & mer.",
    ];

    [Fact]
    public async Task DenPubliceradeAnnonsenOchForhandsvisningenBehallerStyckenRadbrytningarOchListor()
    {
        var id = await new RekryteringBuilder(portal).Annonstext(Text).AnnonseradAsync();

        var annons = await PortalClient.For(portal).PageAsync($"/jobb/{id}");
        Assert.Equal(Struktur, Block(annons.QuerySelector("section[aria-labelledby=annonstext]")!));

        var agare = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var sida = await agare.PageAsync($"/rekrytering/{id}");
        Assert.Equal(Struktur, Block(sida.QuerySelector(".annonstext")!));
    }

    [Fact]
    public async Task ForhandsvisningenUnderFormularetVisarAnnonsenSomDenKommerAttSe()
    {
        var id = await new RekryteringBuilder(portal).Annonstext(Text).KravprofilAsync();
        var agare = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var sida = await agare.PageAsync($"/rekrytering/{id}");
        Assert.NotNull(sida.QuerySelector("textarea[name='Annons.Text']"));
        Assert.Equal(Struktur, Block(sida.QuerySelector(".annonstext")!));
    }

    /// <summary>The advert's blocks as read: each paragraph with its lines, each list with its items; no element the text
    /// did not ask for (a typed &lt;b&gt; or &lt;script&gt; is text).</summary>
    private static List<string> Block(IElement container)
    {
        Assert.Empty(container.QuerySelectorAll("script, b"));
        return container.Children.Where(e => e.LocalName is "p" or "ul")
            .Select(e => e.LocalName == "ul"
                ? "ul: " + string.Join(" | ", e.QuerySelectorAll("li").Select(li => li.TextContent.Trim()))
                : "p: " + string.Join(" | ", e.ChildNodes.Where(n => n is not IElement { LocalName: "br" }).Select(n => n.TextContent.Trim()).Where(t => t.Length > 0)))
            .ToList();
    }
}
