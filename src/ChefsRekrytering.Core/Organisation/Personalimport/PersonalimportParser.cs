using System.Globalization;
using System.Text;
using CsvHelper;

namespace ChefsRekrytering.Organisation.Personalimport;

/// <summary>One row of the export as it was written, by its line number in the file (the header is row 1).</summary>
public sealed record Importrad(int Rad, string Anstallningsnummer, string Fornamn, string Efternamn, string Epost,
    string Enhetskod, string Enhetsnamn, string OverordnadEnhet, string ChefensAnstallningsnummer, string Slutdatum);

/// <summary>The rows of a file, or the reasons the whole file is refused; <see cref="SaknadeKolumner"/> names the headers
/// the municipality's <see cref="Kolumnmappning"/> looked for and did not find, so the page can point to the mapping.</summary>
public sealed record Importfil(IReadOnlyList<Importrad> Rader, IReadOnlyList<string> Hinder)
{
    public IReadOnlyList<string> SaknadeKolumner { get; init; } = [];
}

/// <summary>
/// Reads the HR system's personnel export: CSV separated by semicolons, in UTF-8 (with or without BOM) or, when the bytes
/// are not valid UTF-8, Windows-1252 (what Excel on a Swedish Windows saves); or the same table as an Excel workbook
/// (.xlsx, its first sheet, see <see cref="Kalkylblad"/>), told apart by the bytes and not by the name. Both give the same
/// rows. Headers are found by the municipality's <see cref="Kolumnmappning"/>, case and surrounding spaces ignored.
/// </summary>
public static class PersonalimportParser
{
    /// <summary>Larger files are refused before they are read.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    static PersonalimportParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Importfil Parse(byte[] bytes, Kolumnmappning mappning)
    {
        if (bytes.Length > MaxBytes)
            return new([], [$"Filen är för stor ({bytes.Length / (1024 * 1024)} MB). Största tillåtna storlek är {MaxBytes / (1024 * 1024)} MB."]);
        if (bytes.Length == 0) return new([], ["Filen är tom."]);

        if (Kalkylblad.ArZip(bytes))
        {
            var (rader, hinder) = Kalkylblad.Las(bytes);
            if (hinder is not null) return new([], [hinder]);
            using var rows = rader!.GetEnumerator();
            try
            {
                do { if (!rows.MoveNext()) return new([], ["Arbetsbokens första blad är tomt."]); }
                while (rows.Current.Celler.All(c => c.Length == 0));
            }
            catch (FormatException e) { return new([], [$"{e.Message} Hela filen är avvisad."]); }
            return Map(rows.Current.Celler, Rest(rows), mappning);
        }

        // Not text: no CSV has NUL bytes (an .xls, a PDF or an image with its name changed does), so say so rather than "column missing".
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return new([], ["Filen är en äldre Excel-fil (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV med semikolon."]);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)).Contains((byte)0))
            return new([], ["Filen är varken en CSV-fil eller en Excel-arbetsbok (.xlsx). Spara personalfilen i ett av de formaten."]);

        using var csv = CsvReader.FromText(Decode(bytes), new CsvReaderOptions
        {
            Separator = ';', HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        });
        IReadOnlyList<string> header;
        try { header = csv.Headers; }
        catch (CsvFormatException) { return new([], ["Filen går inte att läsa som CSV med semikolon."]); }
        if (header.Count == 0) return new([], ["Filen saknar rubrikrad."]);
        return Map(header, CsvRows(csv), mappning);
    }

    private static IEnumerable<(int Rad, string[] Celler)> Rest(IEnumerator<(int Rad, string[] Celler)> rows)
    {
        while (rows.MoveNext()) yield return rows.Current;
    }

    private static IEnumerable<(int Rad, string[] Celler)> CsvRows(CsvReader csv)
    {
        while (ReadRow(csv))
        {
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i).Trim();
            yield return ((int)csv.LineNumber, cells);
        }
    }

    /// <summary>The one way from a table (CSV or sheet) to rows: the mapping's headers found, each row's cells by them.</summary>
    private static Importfil Map(IReadOnlyList<string> header, IEnumerable<(int Rad, string[] Celler)> table, Kolumnmappning mappning)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) index.TryAdd(header[i].Trim(), i);
        var saknas = mappning.Obligatoriska().Where(c => !index.ContainsKey(c)).ToList();
        if (saknas.Count > 0)
            return new([], saknas.Select(c => $"Kolumnen ”{c}” saknas i filen. Hela filen är avvisad.").ToList()) { SaknadeKolumner = saknas };

        int Index(string column) => index.TryGetValue(column, out var i) ? i : -1;
        var (nr, fornamn, efternamn, epost, kod, namn, overordnad, chef, slut) = (Index(mappning.Anstallningsnummer), Index(mappning.Fornamn),
            Index(mappning.Efternamn), Index(mappning.Epost), Index(mappning.Enhetskod), Index(mappning.Enhetsnamn), Index(mappning.OverordnadEnhet),
            Index(mappning.ChefensAnstallningsnummer), Index(mappning.Slutdatum));
        var rows = new List<Importrad>();
        try
        {
            foreach (var (rad, cells) in table)
            {
                string Cell(int i) => i >= 0 && i < cells.Length ? cells[i] : "";
                var row = new Importrad(rad, Cell(nr), Cell(fornamn), Cell(efternamn), Cell(epost), Cell(kod), Cell(namn), Cell(overordnad),
                    Cell(chef), Cell(slut));
                if (row is { Anstallningsnummer: "", Fornamn: "", Efternamn: "", Epost: "", Enhetskod: "" }) continue;
                rows.Add(row);
            }
            return new(rows, []);
        }
        catch (FormatException e) { return new([], [$"{e.Message} Hela filen är avvisad."]); }
    }

    /// <summary>A malformed row refuses the whole file: read on past it, and everyone after it would look as if they had left.</summary>
    private static bool ReadRow(CsvReader csv)
    {
        try { return csv.Read(); }
        catch (CsvFormatException e) { throw new FormatException($"Filen går inte att läsa efter rad {e.LineNumber}.", e); }
    }

    /// <summary>Whether the file is read as an Excel workbook (by its bytes), e.g. to send it back with the right type.</summary>
    public static bool ArArbetsbok(byte[] bytes) => Kalkylblad.ArZip(bytes);

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252.</summary>
    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(span);
        }
    }
}
