using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChefsRekrytering.Tests.Organisation;

/// <summary>A formula in a test workbook: what Excel keeps (the formula) and the value it last computed.</summary>
public sealed record Formel(string Text, string Varde);

/// <summary>
/// Writes the .xlsx a person would save from Excel, with the Open XML SDK: one sheet, strings as inline text, numbers as
/// numbers, <see cref="DateOnly"/> as a real Excel date (a serial number with a date format), <see cref="Formel"/> as a
/// formula with a cached value.
/// </summary>
public static class Arbetsbok
{
    public static byte[] Skapa(IEnumerable<object?[]> rader)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true })); // 14: the built-in short date
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            foreach (var rad in rader)
            {
                var row = new Row { RowIndex = ++r };
                for (var c = 0; c < rad.Length; c++)
                {
                    if (rad[c] is not { } value) continue;
                    var cell = new Cell { CellReference = $"{(char)('A' + c)}{r}" };
                    switch (value)
                    {
                        case string s:
                            cell.DataType = CellValues.InlineString;
                            cell.InlineString = new InlineString(new Text(s));
                            break;
                        case int or long or double:
                            cell.CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case DateOnly d:
                            cell.CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate());
                            cell.StyleIndex = 1;
                            break;
                        case Formel f:
                            cell.CellFormula = new CellFormula(f.Text);
                            cell.CellValue = new CellValue(f.Varde);
                            cell.DataType = CellValues.String;
                            break;
                        default: throw new ArgumentException($"Ingen cell för {value.GetType()}");
                    }
                    row.Append(cell);
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Personal" });
        }
        return stream.ToArray();
    }
}
