namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Text that someone typed (an advert), shown as they wrote it: paragraphs at blank lines, line breaks kept, and
/// nothing interpreted as markup. The page writes each line through Razor's encoder; no Html.Raw.
/// </summary>
public static class PlainText
{
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text) =>
        (text ?? "").Replace("\r\n", "\n").Split("\n\n")
            .Select(p => (IReadOnlyList<string>)p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            .Where(lines => lines.Count > 0)
            .ToList();
}
