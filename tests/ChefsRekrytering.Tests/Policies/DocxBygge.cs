using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChefsRekrytering.Tests.Policies;

/// <summary>Writes a Word document the way Word does: headings by paragraph style ids defined in the styles part
/// (with their built-in names), lists by numbering definitions.</summary>
internal sealed class DocxBygge(string titelId = "Title", string rubrik1Id = "Heading1", string rubrik2Id = "Heading2")
{
    private const int Punktlista = 1, NumreradLista = 2;
    private readonly List<OpenXmlElement> _innehall = [];

    public DocxBygge Titel(string text) => Lagg(Stycke(text, titelId));
    public DocxBygge Rubrik1(string text) => Lagg(Stycke(text, rubrik1Id));
    public DocxBygge Rubrik2(string text) => Lagg(Stycke(text, rubrik2Id));
    public DocxBygge Rubrik3(string text) => Lagg(Stycke(text, "Heading3"));
    public DocxBygge Stycke(string text) => Lagg(Stycke(text, null));
    public DocxBygge Punkter(params IEnumerable<string> punkter) => Lista(Punktlista, punkter);
    public DocxBygge Numrerat(params IEnumerable<string> punkter) => Lista(NumreradLista, punkter);

    public DocxBygge Tabell(params string[][] rader)
    {
        _innehall.Add(new Table(rader.Select(r => new TableRow(r.Select(c => new TableCell(Stycke(c, null)))))));
        return this;
    }

    private DocxBygge Lista(int numId, IEnumerable<string> punkter)
    {
        foreach (var text in punkter)
        {
            var p = Stycke(text, "ListParagraph");
            p.ParagraphProperties!.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId });
            _innehall.Add(p);
        }
        return this;
    }

    private DocxBygge Lagg(OpenXmlElement e) { _innehall.Add(e); return this; }

    private static Paragraph Stycke(string text, string? stilId)
    {
        var p = new Paragraph(new ParagraphProperties(), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (stilId is not null) p.ParagraphProperties!.ParagraphStyleId = new ParagraphStyleId { Val = stilId };
        return p;
    }

    public byte[] Bytes(WordprocessingDocumentType typ = WordprocessingDocumentType.Document)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, typ))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(_innehall.Select(e => e.CloneNode(true))));
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                Stil("Normal", "Normal"),
                Stil(titelId, "Title"),
                Stil(rubrik1Id, "heading 1"),
                Stil(rubrik2Id, "heading 2"),
                Stil("Heading3", "heading 3"),
                Stil("ListParagraph", "List Paragraph"));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                AbstraktLista(0, NumberFormatValues.Bullet, "•"),
                AbstraktLista(1, NumberFormatValues.Decimal, "%1."),
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = Punktlista },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = NumreradLista });
        }
        return ms.ToArray();
    }

    private static Style Stil(string id, string namn) =>
        new(new StyleName { Val = namn }) { Type = StyleValues.Paragraph, StyleId = id };

    private static AbstractNum AbstraktLista(int id, NumberFormatValues format, string text) =>
        new(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = 0 })
        { AbstractNumberId = id };

    /// <summary>The same document with one more ZIP entry, as a tool that packs a file in would write it.</summary>
    public static byte[] MedExtraDel(byte[] docx, string namn, long storlek)
    {
        var ms = new MemoryStream();
        ms.Write(docx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var s = zip.CreateEntry(namn, CompressionLevel.Optimal).Open();
            var nollor = new byte[1024 * 1024];
            for (long skrivet = 0; skrivet < storlek; skrivet += nollor.Length)
                s.Write(nollor, 0, (int)Math.Min(nollor.Length, storlek - skrivet));
        }
        return ms.ToArray();
    }
}

/// <summary>A stream of zeros that tells how much of it was read.</summary>
internal sealed class NollStrom(long langd, bool sokbar) : Stream
{
    public long Last { get; private set; }
    public override bool CanRead => true;
    public override bool CanSeek => sokbar;
    public override bool CanWrite => false;
    public override long Length => sokbar ? langd : throw new NotSupportedException();
    public override long Position { get => Last; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, langd - Last);
        Array.Clear(buffer, offset, n);
        Last += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
