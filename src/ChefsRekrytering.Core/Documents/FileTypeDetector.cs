using System.IO.Compression;
using System.Text;

namespace ChefsRekrytering.Documents;

/// <summary>The kinds of file the portal accepts, with the content type and extension it serves them under.</summary>
public sealed record DocumentFileType(string Name, string ContentType, string Extension)
{
    public static readonly DocumentFileType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly DocumentFileType Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly DocumentFileType Odt = new("OpenDocument", "application/vnd.oasis.opendocument.text", ".odt");

    public static readonly IReadOnlyList<DocumentFileType> All = [Pdf, Docx, Odt];

    public static DocumentFileType? ForContentType(string contentType) => All.FirstOrDefault(t => t.ContentType == contentType);
}

/// <summary>
/// Decides what a file is from its bytes alone; the name and the browser's declared type are the sender's word.
/// DOCX and ODT are ZIP files: only the central directory is read, and nothing is decompressed except the ODT
/// <c>mimetype</c> entry, capped at a few dozen bytes, so a ZIP bomb costs nothing.
/// </summary>
public static class FileTypeDetector
{
    // A Word document has a few dozen parts and an ODT a handful plus pictures; far more is not a letter or a CV.
    internal const int MaxZipEntries = 2000;
    private const int MaxMimetypeBytes = 100;
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The file's type, or null when it is none the portal accepts. <paramref name="content"/> must be seekable; it is left at position 0.</summary>
    public static DocumentFileType? Detect(Stream content)
    {
        if (!content.CanSeek) throw new ArgumentException("Innehållet måste gå att läsa flera gånger.", nameof(content));
        try
        {
            Span<byte> head = stackalloc byte[PdfMagic.Length];
            content.Position = 0;
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (read == PdfMagic.Length && head.SequenceEqual(PdfMagic)) return DocumentFileType.Pdf;
            if (read >= ZipMagic.Length && head[..ZipMagic.Length].SequenceEqual(ZipMagic)) return DetectZip(content);
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static DocumentFileType? DetectZip(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries) return null;
            if (IsWord(zip)) return DocumentFileType.Docx;
            if (MimetypeOf(zip) == DocumentFileType.Odt.ContentType) return DocumentFileType.Odt;
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not one
        }
    }

    // A macro-enabled document (vbaProject.bin) renamed to .docx is refused: the portal hands documents on to others.
    private static bool IsWord(ZipArchive zip) =>
        zip.GetEntry("[Content_Types].xml") is not null
        && zip.GetEntry("word/document.xml") is not null
        && zip.GetEntry("word/vbaProject.bin") is null;

    private static string? MimetypeOf(ZipArchive zip)
    {
        // The declared size is checked first and the read is capped anyway, since the declared size can lie.
        if (zip.GetEntry("mimetype") is not { Length: <= MaxMimetypeBytes } entry) return null;
        using var stream = entry.Open();
        var buffer = new byte[MaxMimetypeBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > MaxMimetypeBytes ? null : Encoding.ASCII.GetString(buffer, 0, read);
    }
}
