namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Text that someone typed (an advert), shown as they wrote it: paragraphs at blank lines, line breaks kept, and lines
/// that begin with "- " (or "* ", "• ") as a list. Nothing is interpreted as markup: the page writes each line through
/// Razor's encoder (Shared/_Annonstext), never Html.Raw.
/// </summary>
public static class PlainText
{
    /// <summary>A paragraph of <see cref="Lines"/>, or (<see cref="List"/>) a list with one item per line.</summary>
    public sealed record Block(bool List, IReadOnlyList<string> Lines);

    private static readonly string[] Bullets = ["- ", "* ", "• "];

    public static IReadOnlyList<Block> Blocks(string? text)
    {
        var blocks = new List<Block>();
        var lines = new List<string>();
        var list = false;
        void Close()
        {
            if (lines.Count > 0) blocks.Add(new(list, lines.ToList()));
            lines.Clear();
        }
        // Browsers post CRLF; a line of only spaces is as blank as an empty one.
        foreach (var raw in (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Close();
                continue;
            }
            var item = Bullets.FirstOrDefault(b => line.StartsWith(b, StringComparison.Ordinal)) is { } bullet ? line[bullet.Length..].Trim() : null;
            if ((item is not null) != list) Close();
            list = item is not null;
            if (item is not { Length: 0 }) lines.Add(item ?? line);
        }
        Close();
        return blocks;
    }
}
