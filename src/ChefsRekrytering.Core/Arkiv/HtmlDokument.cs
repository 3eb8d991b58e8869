using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ChefsRekrytering.Arkiv;

/// <summary>
/// A self-contained HTML file for handing out (a public-record export, a register extract): styles in the head, no
/// scripts, no links to the portal, so it opens the same anywhere and can be printed or saved as PDF by the receiver.
/// Every text is encoded; the structure (headings, lists of facts, tables with captions) is what a screen reader needs.
/// </summary>
public sealed class HtmlDokument(string titel)
{
    private const string Stil =
        "body{font-family:'Segoe UI','Liberation Sans',Arial,sans-serif;line-height:1.5;color:#1d1d1f;max-width:60rem;margin:2rem auto;padding:0 1rem}" +
        "h1,h2,h3{color:#10253f;line-height:1.25}h2{margin-top:2rem;border-bottom:2px solid #1b3a63}" +
        "table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}" +
        "th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #c9ced6}thead th{background:#f5f6f8}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;white-space:pre-line}" +
        ".not{border-left:5px solid #1b3a63;background:#e8eef6;padding:.5rem 1rem}.text{white-space:pre-line}";

    private readonly StringBuilder _body = new();

    public HtmlDokument Rubrik(int niva, string text)
    {
        _body.Append($"<h{niva}>{E(text)}</h{niva}>\n");
        return this;
    }

    /// <summary>A paragraph; line breaks in the text are kept (someone typed it).</summary>
    public HtmlDokument Stycke(string text, bool not = false)
    {
        _body.Append($"<p class=\"{(not ? "not" : "text")}\">{E(text)}</p>\n");
        return this;
    }

    public HtmlDokument Fakta(IEnumerable<(string Namn, string? Varde)> rader)
    {
        _body.Append("<dl>\n");
        foreach (var (namn, varde) in rader) _body.Append($"<dt>{E(namn)}</dt><dd>{E(string.IsNullOrEmpty(varde) ? "–" : varde)}</dd>\n");
        _body.Append("</dl>\n");
        return this;
    }

    public HtmlDokument Tabell(string caption, IReadOnlyList<string> kolumner, IEnumerable<IReadOnlyList<string?>> rader)
    {
        _body.Append($"<table>\n<caption>{E(caption)}</caption>\n<thead><tr>");
        foreach (var k in kolumner) _body.Append($"<th scope=\"col\">{E(k)}</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var rad in rader)
            _body.Append("<tr>").AppendJoin("", rad.Select(c => $"<td>{E(string.IsNullOrEmpty(c) ? "–" : c)}</td>")).Append("</tr>\n");
        _body.Append("</tbody>\n</table>\n");
        return this;
    }

    public override string ToString() =>
        $"<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{E(titel)}</title>\n<style>{Stil}</style>\n</head>\n<body>\n<main>\n{_body}</main>\n</body>\n</html>\n";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>Encodes markup characters only: å, ä and ö stay readable in the file itself.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string s) => Encoder.Encode(s);
}
