using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ChefsRekrytering.Documents;
using Xunit.Abstractions;

namespace ChefsRekrytering.Tests.Documents;

public class FileTypeDetectorTests(ITestOutputHelper output)
{
    private const string VbaProject = "application/vnd.ms-office.vbaProject";
    private const string VbaRelationship = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

    private static DocumentFileType? Detect(byte[] bytes) => FileTypeDetector.Detect(new MemoryStream(bytes));

    private static FileInspection Inspect(byte[] bytes) => FileTypeDetector.Inspect(new MemoryStream(bytes), PackageLimits.Default);

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
        var many = Enumerable.Range(0, PackageLimits.DefaultMaxParts).Select(i => ($"word/media/bild{i}.png", "")).ToArray();
        Assert.Null(Detect(TestFiles.Docx(many)));
        Assert.Equal(FileRefusal.TooManyParts, Inspect(TestFiles.Docx(many)).Refusal);
    }

    public static TheoryData<string, byte[]> Makrodokument => new()
    {
        // The macro project under a name of its own: the content types and relationships say what it is.
        {
            "VBAPROJECT.BIN i versaler",
            TestFiles.Word(types: [$"""<Override PartName="/word/VBAPROJECT.BIN" ContentType="{VbaProject}"/>"""],
                relationships: [$"""<Relationship Id="rId9" Type="{VbaRelationship}" Target="VBAPROJECT.BIN"/>"""],
                extra: [("word/VBAPROJECT.BIN", "makro")])
        },
        {
            "macros.bin med vbaProject i Override",
            TestFiles.Word(types: [$"""<Override PartName="/word/macros.bin" ContentType="{VbaProject}"/>"""], extra: [("word/macros.bin", "makro")])
        },
        {
            "bin som vbaProject i Default",
            TestFiles.Word(types: [$"""<Default Extension="BIN" ContentType="{VbaProject.ToUpperInvariant()}"/>"""], extra: [("word/macros.bin", "makro")])
        },
        {
            "vbaProject-relation till en del med oskyldig typ",
            TestFiles.Word(types: ["""<Default Extension="dat" ContentType="application/octet-stream"/>"""],
                relationships: [$"""<Relationship Id="rId9" Type="{VbaRelationship.ToUpperInvariant()}" Target="data.dat"/>"""],
                extra: [("word/data.dat", "makro")])
        },
        {
            "vbaData",
            TestFiles.Word(types: ["""<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/>"""],
                relationships: ["""<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/wordVbaData" Target="vbaData.xml"/>"""],
                extra: [("word/vbaData.xml", """<wne:vbaSuppData xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml"/>""")])
        },
        { "docm: huvuddelen är makroaktiverad", TestFiles.Word(mainType: "application/vnd.ms-word.document.macroEnabled.main+xml") },
        {
            "ActiveX-kontroll",
            TestFiles.Word(types: ["""<Override PartName="/word/activeX/activeX1.xml" ContentType="application/vnd.ms-office.activeX+xml"/>"""],
                relationships: ["""<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/control" Target="activeX/activeX1.xml"/>"""],
                extra: [("word/activeX/activeX1.xml", """<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX"/>""")])
        },
        { "odt med Basic-makron", TestFiles.Odt(extra: [("Basic/Standard/Module1.xml", "<script:module/>")]) },
        { "odt med Python-skript", TestFiles.Odt(extra: [("scripts/python/hej.py", "import os")]) },
        { "odt vars manifest nämner Basic", TestFiles.Odt(manifestEntries: [("Basic/", "application/binary")]) },
        { "odt vars manifest nämner skript", TestFiles.Odt(manifestEntries: [("makro.bin", "application/vnd.sun.star.basic-script")]) },
    };

    [Theory]
    [MemberData(nameof(Makrodokument))]
    public void MakronAvvisasVadDelenAnHeter(string vad, byte[] bytes) => Assert.True(Inspect(bytes).Refusal == FileRefusal.Macros, vad);

    public static TheoryData<string, byte[]> Paketfel => new()
    {
        { "mall (dotx)", TestFiles.Word(mainType: "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml") },
        { "kalkylark (xlsx)", TestFiles.Word(mainType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") },
        { "del utan innehållstyp", TestFiles.Docx(("word/okand.bin", "vad som helst")) },
        { "två delar med samma namn i olika skiftläge", TestFiles.Docx(("WORD/DOCUMENT.XML", "<annan/>")) },
        {
            "innehållstyper med DTD (miljarder skratt)",
            TestFiles.Zip(("[Content_Types].xml", """<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="&b;"/></Types>"""),
                ("word/document.xml", "<w:document/>"))
        },
        {
            "ingen relation till huvuddokumentet",
            TestFiles.Zip(("[Content_Types].xml", $"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{TestFiles.WordMain}"/></Types>"""),
                ("word/document.xml", "<w:document/>"))
        },
    };

    [Theory]
    [MemberData(nameof(Paketfel))]
    public void PaketSomInteArEttWorddokumentAvvisas(string vad, byte[] bytes) => Assert.True(Inspect(bytes).Refusal == FileRefusal.WrongType, vad);

    [Fact]
    public void HuvuddokumentetFinnsDarRelationenPekarOavsettNamn() =>
        Assert.Same(DocumentFileType.Docx, Detect(TestFiles.Word(main: "dokument/brev.xml", relationships: [])));

    [Fact]
    public void ZipbombOmEnGigabyteAvvisasGenastUtanAttPackasUpp()
    {
        var bomb = Bomb.Value;
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"bomben är {bomb.Length} byte");

        var (inspection, elapsed, allocated) = Measure(bomb);

        Assert.Equal(FileRefusal.TooLargeExpanded, inspection.Refusal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{elapsed.TotalMilliseconds} ms");
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated} byte");
    }

    [Fact]
    public void ZipbombSomLjugerOmSinStorlekAvvisasEfterDetDenUppgav()
    {
        // The headers say 1 kB; System.IO.Compression would stop there and never see the gigabyte behind it.
        var lying = (byte[])Bomb.Value.Clone();
        TestFiles.ClaimLength(lying, "word/document.xml", 1000);

        var (inspection, elapsed, allocated) = Measure(lying);

        Assert.Equal(FileRefusal.WrongType, inspection.Refusal);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{elapsed.TotalMilliseconds} ms");
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated} byte");
    }

    [Fact]
    public void UppackatOverGransenAvvisasMenUnderGransenTasEmot()
    {
        var limits = new PackageLimits(MaxExpandedBytes: 2 * 1024 * 1024, MaxParts: 100);
        Assert.Equal(FileRefusal.TooLargeExpanded, FileTypeDetector.Inspect(new MemoryStream(TestFiles.WordBomb(3 * 1024 * 1024)), limits).Refusal);
        Assert.Same(DocumentFileType.Docx, FileTypeDetector.Inspect(new MemoryStream(TestFiles.WordBomb(1024 * 1024)), limits).Type);
    }

    // Built once for both bomb tests: packing a gigabyte takes a few seconds.
    private static readonly Lazy<byte[]> Bomb = new(() => TestFiles.WordBomb(1024L * 1024 * 1024));

    private (FileInspection Inspection, TimeSpan Elapsed, long Allocated) Measure(byte[] bytes)
    {
        var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var inspection = FileTypeDetector.Inspect(stream, PackageLimits.Default);
        var (elapsed, allocated) = (clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        output.WriteLine($"{bytes.Length} byte: {inspection.Refusal} efter {elapsed.TotalMilliseconds:0.0} ms, {allocated} byte allokerade");
        return (inspection, elapsed, allocated);
    }

    [Fact]
    public void StrommenLamnasIBorjan()
    {
        var stream = new MemoryStream(TestFiles.Docx());
        FileTypeDetector.Detect(stream);
        Assert.Equal(0, stream.Position);
    }
}
