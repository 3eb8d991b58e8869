using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChefsRekrytering.Rapporter;

/// <summary>
/// A report table as an Excel workbook, with the Open XML SDK that already reads the HR import's workbooks: one sheet
/// named after the table, a bold header row that stays in view and filters, numbers as numbers (so Excel can sum
/// them), dates as real dates shown yyyy-mm-dd, and text always as text. No cell is ever written as a formula, so a
/// title such as "=Chef(1)" is shown as typed, without the apostrophe the CSV needs.
/// </summary>
public static class Xlsx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats in the stylesheet below, by index.
    private const uint Rubrik = 1, Datum = 2, Decimal = 3;

    public static byte[] Skriv(Rapporttabell tabell)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stilar();

            var data = new SheetData(new Row(tabell.Kolumner.Select((k, c) => TextCell(k, c, 1, Rubrik))) { RowIndex = 1 });
            uint r = 1;
            foreach (var rad in tabell.Rader)
            {
                r++;
                data.Append(new Row(rad.Select((value, c) => Cell(value, c, r)).OfType<Cell>()) { RowIndex = r });
            }

            var last = Kolumn(tabell.Kolumner.Count - 1);
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }),
                new Columns(tabell.Kolumner.Select((_, c) => new Column
                {
                    Min = (uint)c + 1, Max = (uint)c + 1, CustomWidth = true, Width = Bredd(tabell, c),
                })),
                data,
                new AutoFilter { Reference = $"A1:{last}{r}" });

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = Bladnamn(tabell.Rubrik) }));
            doc.PackageProperties.Title = tabell.Rubrik;
        }
        return stream.ToArray();
    }

    private static Cell? Cell(object? value, int c, uint r) => value switch
    {
        null => null,
        string s => TextCell(s, c, r),
        int i => Tal(i.ToString(CultureInfo.InvariantCulture), c, r),
        decimal d => Tal(d.ToString(CultureInfo.InvariantCulture), c, r, Decimal),
        double d => Tal(d.ToString("R", CultureInfo.InvariantCulture), c, r, Decimal),
        DateOnly d => Tal(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), c, r, Datum),
        _ => TextCell(Rapportformat.Text(value), c, r),
    };

    private static Cell TextCell(string text, int c, uint r, uint? stil = null) => new()
    {
        CellReference = Kolumn(c) + r, DataType = CellValues.InlineString, StyleIndex = stil,
        InlineString = new InlineString(new Text(Tecken(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Tal(string value, int c, uint r, uint? stil = null) =>
        new() { CellReference = Kolumn(c) + r, CellValue = new CellValue(value), StyleIndex = stil };

    /// <summary>0: normal, 1: bold header, 2: date yyyy-mm-dd, 3: a decimal with one place, as the page shows it.</summary>
    private static Stylesheet Stilar() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true }) { Count = 4 });

    /// <summary>A, B, …, Z, AA, …: enough for any table a report has.</summary>
    private static string Kolumn(int c) => c < 26 ? ((char)('A' + c)).ToString() : Kolumn(c / 26 - 1) + (char)('A' + c % 26);

    /// <summary>Wide enough for the longest cell, within reason.</summary>
    private static double Bredd(Rapporttabell t, int c) =>
        Math.Clamp(t.Rader.Select(r => Rapportformat.Text(r[c]).Length).Append(t.Kolumner[c].Length).Max() + 2, 8, 60);

    /// <summary>Excel's rules for a sheet's name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string Bladnamn(string rubrik)
    {
        var namn = new string(rubrik.Where(ch => !@":\/?*[]".Contains(ch)).ToArray()).Trim('\'', ' ');
        return namn.Length == 0 ? "Rapport" : namn[..Math.Min(31, namn.Length)];
    }

    /// <summary>XML cannot carry control characters other than tab and line breaks; a pasted one would break the file.</summary>
    private static string Tecken(string text) =>
        text.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\n' or '\r')) ? new string(text.Where(ch => !char.IsControl(ch) || ch is '\t' or '\n' or '\r').ToArray()) : text;
}
