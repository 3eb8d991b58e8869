using System.Globalization;
using System.Text;
using CsvHelper;

namespace ChefsRekrytering.Organisation.Personalimport;

/// <summary>One row of the export as it was written, by its line number in the file (the header is row 1).</summary>
public sealed record Importrad(int Rad, string Anstallningsnummer, string Fornamn, string Efternamn, string Epost,
    string Enhetskod, string Enhetsnamn, string OverordnadEnhet, string ChefensAnstallningsnummer, string Slutdatum);

/// <summary>The rows of a file, or the reasons the whole file is refused.</summary>
public sealed record Importfil(IReadOnlyList<Importrad> Rader, IReadOnlyList<string> Hinder);

/// <summary>
/// Reads the HR system's personnel export: CSV separated by semicolons, in UTF-8 (with or without BOM) or, when the bytes
/// are not valid UTF-8, Windows-1252 (what Excel on a Swedish Windows saves). Headers are found by the municipality's
/// <see cref="Kolumnmappning"/>, case and surrounding spaces ignored.
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

        using var csv = CsvReader.FromText(Decode(bytes), new CsvReaderOptions
        {
            Separator = ';', HasHeader = true, TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        });
        IReadOnlyList<string> header;
        try { header = csv.Headers; }
        catch (CsvFormatException) { return new([], ["Filen går inte att läsa som CSV med semikolon."]); }
        if (header.Count == 0) return new([], ["Filen saknar rubrikrad."]);

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) index.TryAdd(header[i].Trim(), i);
        var saknas = mappning.Obligatoriska().Where(c => !index.ContainsKey(c)).ToList();
        if (saknas.Count > 0)
            return new([], saknas.Select(c => $"Kolumnen ”{c}” saknas i filen. Hela filen är avvisad.").ToList());

        string Cell(string column) => index.TryGetValue(column, out var i) && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
        var rows = new List<Importrad>();
        try
        {
        while (ReadRow(csv))
        {
            var rad = (int)csv.LineNumber;
            var row = new Importrad(rad, Cell(mappning.Anstallningsnummer), Cell(mappning.Fornamn), Cell(mappning.Efternamn), Cell(mappning.Epost),
                Cell(mappning.Enhetskod), Cell(mappning.Enhetsnamn), Cell(mappning.OverordnadEnhet), Cell(mappning.ChefensAnstallningsnummer),
                Cell(mappning.Slutdatum));
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
