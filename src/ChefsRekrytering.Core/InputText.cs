using System.Text;

namespace ChefsRekrytering;

/// <summary>
/// Text that comes in from outside (a form field, an uploaded file's name), made fit to store and to show to someone
/// else: no control characters (NUL, ESC, BEL, C1), no bidirectional embeddings, overrides or isolates (U+202A–U+202E,
/// U+2066–U+2069, with which "Anna\u202Egnp.exe" shows as "Annaexe.png"), no lone surrogates, and in Unicode NFC, so
/// "Å" typed as A + ring is stored as the one letter it looks like. Tabs stay. Line breaks (CR, LF, NEL, U+2028,
/// U+2029) stay in multi-line text as typed (NEL and the separators as LF); in one-line text each becomes a space.
/// </summary>
/// <remarks>
/// The directional marks U+200E, U+200F and U+061C stay: they are how correct Arabic or Hebrew text with Latin or
/// digits in it is written, and unlike an override they hold no state past themselves, so they cannot turn a run of
/// letters around. Other invisible formatting (zero-width joiners, soft hyphens) stays too: scripts and emoji need it.
/// Nothing is trimmed; callers trim as before.
/// </remarks>
public static class InputText
{
    /// <summary>An address a mail can be sent to as it stands: no display name, no angle brackets, a host with a dot.</summary>
    public static bool IsEmail(string text) =>
        System.Net.Mail.MailAddress.TryCreate(text, out var m) && m.Address == text && m.Host.Contains('.');

    /// <summary>One line: a name, a title, a place, an address.</summary>
    public static string SingleLine(string text) => Clean(text, multiLine: false);

    /// <summary>Several lines: what a textarea sends.</summary>
    public static string MultiLine(string text) => Clean(text, multiLine: true);

    public static string Clean(string text, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text, multiLine)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' && !multiLine)
            {
                sb.Append(' ');
                i++;
                continue;
            }
            if (IsLineBreak(c))
            {
                sb.Append(!multiLine ? ' ' : c is '\r' or '\n' ? c : '\n');
                continue;
            }
            if (IsUnwanted(c)) continue;
            sb.Append(c);
        }
        var cleaned = sb.ToString();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The common case, without allocating: nothing to remove and already NFC.</summary>
    private static bool IsClean(string text, bool multiLine)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c >= '\u007f') // everything outside printable ASCII is looked at closely
            {
                if (char.IsSurrogate(c) || IsUnwanted(c) || (IsLineBreak(c) && (!multiLine || c is not ('\r' or '\n')))) return false;
            }
        }
        return text.IsNormalized(NormalizationForm.FormC);
    }

    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsUnwanted(char c) =>
        (char.IsControl(c) && c != '\t' && !IsLineBreak(c)) // C0, DEL and C1
        || c is >= '\u202a' and <= '\u202e' // LRE, RLE, PDF, LRO, RLO
        || c is >= '\u2066' and <= '\u2069' // LRI, RLI, FSI, PDI
        || char.IsSurrogate(c); // a lone half of a pair (a whole pair is taken before this is asked)
}
