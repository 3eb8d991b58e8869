using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ExcelDataReader;

namespace ChefsRekrytering.Organisation.Personalimport;

/// <summary>
/// The personnel export saved as an Excel workbook (.xlsx): the first sheet, read as a table of text cells so it goes the
/// same way as the CSV. Recognised by its bytes (a ZIP that opens as a workbook), never by the file's name. A cell with a
/// formula is read as its formula ("=…"), not as the value Excel last computed, so the rows' formula guard refuses it.
/// Dates typed as Excel dates come out as ÅÅÅÅ-MM-DD, the same text the CSV carries.
/// </summary>
/// <remarks>ExcelDataReader reads the values (shared strings, number formats, dates); it does not expose formulas, so the
/// first sheet's XML is scanned once for its &lt;f&gt; elements beside it.</remarks>
internal static class Kalkylblad
{
    /// <summary>What the workbook may unpack to: a 20 MB upload of text compresses ten to one, a bomb much more.</summary>
    private const long MaxUppackat = 400L * 1024 * 1024;

    private const string EjArbetsbok = "Filen är en ZIP-fil men går inte att öppna som en Excel-arbetsbok (.xlsx). Spara den som .xlsx eller CSV med semikolon.";

    /// <summary>The local file header that every ZIP, and so every .xlsx, starts with.</summary>
    public static bool ArZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>The first sheet's rows by their row number (1 is the top row), every cell as trimmed text; or why not.</summary>
    public static (IEnumerable<(int Rad, string[] Celler)>? Rader, string? Hinder) Las(byte[] bytes)
    {
        Dictionary<(int Rad, int Kolumn), string> formler;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxUppackat)
                return (null, $"Arbetsboken är för stor uppackad (mer än {MaxUppackat / (1024 * 1024)} MB). Spara den som CSV med semikolon.");
            if (ForstaBladet(zip) is not { } blad) return (null, EjArbetsbok);
            formler = Formler(blad);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or FormatException or OverflowException)
        {
            return (null, EjArbetsbok);
        }

        IExcelDataReader reader;
        try { reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes, writable: false)); }
        catch (Exception) { return (null, EjArbetsbok); } // ExcelDataReader throws its own types, and more than one
        return (Rows(reader, formler), null);
    }

    private static IEnumerable<(int Rad, string[] Celler)> Rows(IExcelDataReader reader, Dictionary<(int, int), string> formler)
    {
        using var _ = reader;
        var rad = 0;
        while (Read(reader))
        {
            rad++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = formler.TryGetValue((rad, i), out var formel) ? "=" + formel : Text(reader.GetValue(i));
            yield return (rad, cells);
        }
    }

    private static bool Read(IExcelDataReader reader)
    {
        try { return reader.Read(); }
        catch (Exception e) when (e is not OperationCanceledException) { throw new FormatException("Arbetsboken går inte att läsa till slut.", e); }
    }

    /// <summary>A cell as the CSV would have it: numbers without grouping or decimals they do not have, dates as ÅÅÅÅ-MM-DD.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    /// <summary>The first sheet in the workbook's order, which is the one ExcelDataReader reads first.</summary>
    private static ZipArchiveEntry? ForstaBladet(ZipArchive zip)
    {
        ZipArchiveEntry? Entry(string name) => zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
        if (Entry("xl/workbook.xml") is not { } workbook || Entry("xl/_rels/workbook.xml.rels") is not { } rels) return null;
        string? rid = null;
        using (var r = XmlReader.Create(workbook.Open()))
            while (rid is null && r.Read())
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "sheet")
                    rid = r.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        if (rid is null) return null;
        using (var r = XmlReader.Create(rels.Open()))
            while (r.Read())
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") == rid
                    && r.GetAttribute("Target") is { } target)
                    return Entry(target.StartsWith('/') ? target[1..] : "xl/" + target);
        return null;
    }

    /// <summary>Every cell of the sheet that holds a formula, by row (1-based) and column (0-based), with the formula's text
    /// (empty for a cell that shares another cell's formula).</summary>
    private static Dictionary<(int, int), string> Formler(ZipArchiveEntry sheet)
    {
        var found = new Dictionary<(int, int), string>();
        using var r = XmlReader.Create(sheet.Open());
        int row = 0, col = -1;
        r.Read();
        while (!r.EOF)
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                switch (r.LocalName)
                {
                    case "row":
                        row = r.GetAttribute("r") is { } nr ? int.Parse(nr, CultureInfo.InvariantCulture) : row + 1;
                        col = -1;
                        break;
                    case "c":
                        col = r.GetAttribute("r") is { } reference ? Kolumn(reference) : col + 1;
                        break;
                    case "f":
                        found[(row, col)] = r.ReadElementContentAsString().Trim();
                        continue; // already on the next node
                }
            }
            r.Read();
        }
        return found;
    }

    /// <summary>"AB12" → 27.</summary>
    private static int Kolumn(string reference)
    {
        var col = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }
}
