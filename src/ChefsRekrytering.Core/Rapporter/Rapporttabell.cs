using System.Globalization;
using System.Text;
using ChefsRekrytering.Calendar;

namespace ChefsRekrytering.Rapporter;

/// <summary>The period a report covers: whole Swedish days from <see cref="Fran"/> to <see cref="Till"/>, both included.</summary>
public sealed record Rapportperiod(DateOnly Fran, DateOnly Till)
{
    public static Rapportperiod Ar(int ar) => new(new DateOnly(ar, 1, 1), new DateOnly(ar, 12, 31));

    public DateTime FranUtc => SwedishTime.ToUtc(Fran.ToDateTime(TimeOnly.MinValue));
    /// <summary>Exclusive: midnight after the last day.</summary>
    public DateTime TillUtc => SwedishTime.ToUtc(Till.AddDays(1).ToDateTime(TimeOnly.MinValue));
    public bool ArHeltAr => Fran.Month == 1 && Fran.Day == 1 && Till == new DateOnly(Fran.Year, 12, 31);

    public bool Omfattar(DateTime? utc) => utc >= FranUtc && utc < TillUtc;

    public string Text => ArHeltAr ? Fran.Year.ToString(CultureInfo.InvariantCulture) : $"{Fran:yyyy-MM-dd}–{Till:yyyy-MM-dd}";
    public string Filnamn => ArHeltAr ? Fran.Year.ToString(CultureInfo.InvariantCulture) : $"{Fran:yyyyMMdd}-{Till:yyyyMMdd}";
}

/// <summary>Which columns a table's chart draws: one label column and one or more value columns (stacked). The table
/// is the chart's text alternative, so the two can never disagree.</summary>
public sealed record Diagramval(int Etikett, IReadOnlyList<int> Varden, string Enhet);

/// <summary>
/// One report table: columns and rows of typed cells (text, whole numbers, decimals, dates, or null for "no value"),
/// shown on the page, drawn as a chart and exported as CSV from the same rows.
/// </summary>
public sealed record Rapporttabell(string Id, string Rubrik, string Beskrivning, IReadOnlyList<string> Kolumner,
    IReadOnlyList<IReadOnlyList<object?>> Rader, Diagramval? Diagram = null);

/// <summary>Cells as Swedish readers and Swedish Excel expect them: decimal comma, ISO dates.</summary>
public static class Rapportformat
{
    public static readonly CultureInfo Svenska = new("sv-SE");

    public static string Text(object? cell) => cell switch
    {
        null => "",
        decimal d => d.ToString("0.#", Svenska),
        double d => d.ToString("0.#", Svenska),
        int i => i.ToString(Svenska),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, Svenska) ?? "",
    };

    public static decimal Tal(object? cell) => cell switch { int i => i, decimal d => d, double d => (decimal)d, _ => 0 };

    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }
}

/// <summary>
/// CSV for Swedish Excel: UTF-8 with a byte order mark (else å, ä and ö come out wrong), semicolons between cells (the
/// comma is the decimal sign), CRLF between rows. A text cell that starts like a formula gets a leading apostrophe, so a
/// recruitment title cannot run as one in the receiver's spreadsheet.
/// </summary>
public static class Csv
{
    public static byte[] Skriv(Rapporttabell tabell)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', tabell.Kolumner.Select(Cell)).Append("\r\n");
        foreach (var rad in tabell.Rader) text.AppendJoin(';', rad.Select(Cell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(object? cell)
    {
        if (cell is not string s) return Rapportformat.Text(cell);
        if (s.Length > 0 && "=+-@\t\r".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
    }
}

/// <summary>
/// A part of the portal that adds its own tables to /rapporter (they get a chart, a table and a CSV like the others).
/// Årets chef adds its participation per year (AretsChefRapport).
/// </summary>
public interface IRapportBidrag
{
    Task<IReadOnlyList<Rapporttabell>> TabellerAsync(Rapportperiod period, CancellationToken ct);
}
