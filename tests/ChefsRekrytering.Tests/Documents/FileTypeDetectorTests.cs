using System.IO.Compression;
using System.Text;
using ChefsRekrytering.Documents;

namespace ChefsRekrytering.Tests.Documents;

public class FileTypeDetectorTests
{
    private static DocumentFileType? Detect(byte[] bytes) => FileTypeDetector.Detect(new MemoryStream(bytes));

    [Fact]
    public void PdfKannsIgen() => Assert.Same(DocumentFileType.Pdf, Detect(TestFiles.Pdf()));

    [Fact]
    public void WorddokumentKannsIgen() => Assert.Same(DocumentFileType.Docx, Detect(TestFiles.Docx()));

    [Fact]
    public void OpenDocumentTextKannsIgen() => Assert.Same(DocumentFileType.Odt, Detect(TestFiles.Odt()));

    public static TheoryData<string, byte[]> Avvisade => new()
    {
        { "tom fil", [] },
        { "program (exe)", TestFiles.Exe() },
        { "bild (png)", TestFiles.Png() },
        { "webbsida", TestFiles.Text("<!DOCTYPE html><html><script>alert(1)</script></html>") },
        { "text som kallas .docx", TestFiles.Text("Mitt CV\nErfarenhet: ...") },
        { "början av en pdf", TestFiles.Text("%PD") },
        { "zip med annat", TestFiles.Zip(("hej.txt", "hej"), ("bild.png", "...")) },
        { "kalkylark (ods)", TestFiles.Odt("application/vnd.oasis.opendocument.spreadsheet") },
        { "worddokument med makron", TestFiles.Docx(("word/vbaProject.bin", "makro")) },
        { "trasig zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00] },
    };

    [Theory]
    [MemberData(nameof(Avvisade))]
    public void AnnatInnehallAvvisas(string vad, byte[] bytes) => Assert.True(Detect(bytes) is null, vad);

    [Fact]
    public void StorMimetypPackasInteUpp()
    {
        // A ZIP bomb in the only entry that is ever decompressed: 5 MB of "a" is a few kB packed.
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        using (var mimetype = zip.CreateEntry("mimetype", CompressionLevel.SmallestSize).Open())
            mimetype.Write(Encoding.ASCII.GetBytes(DocumentFileType.Odt.ContentType + new string('a', 5_000_000)));
        Assert.True(bomb.Length < 50_000);
        Assert.Null(FileTypeDetector.Detect(bomb));
    }

    [Fact]
    public void ZipMedTusentalsPosterAvvisas()
    {
        var many = Enumerable.Range(0, FileTypeDetector.MaxZipEntries).Select(i => ($"word/media/bild{i}.png", "")).ToArray();
        Assert.Null(Detect(TestFiles.Docx(many)));
    }

    [Fact]
    public void StrommenLamnasIBorjan()
    {
        var stream = new MemoryStream(TestFiles.Docx());
        FileTypeDetector.Detect(stream);
        Assert.Equal(0, stream.Position);
    }
}
