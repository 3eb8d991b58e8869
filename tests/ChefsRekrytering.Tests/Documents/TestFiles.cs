using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ChefsRekrytering.Documents;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>Small real files of each kind, built in code so every byte a test feeds in is visible here.</summary>
internal static class TestFiles
{
    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// <summary>
    /// The EICAR anti-virus test string, put together at run time so that no file in the repository (nor the compiled
    /// tests, where the compiler would join literals) holds it and sets off a scanner on a developer's machine.
    /// </summary>
    public static string Eicar() => string.Join("", new[] { "X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-TEST-FILE!$H+H*" });

    /// <summary>A complete one-page PDF with a correct cross-reference table; <paramref name="stream"/> adds a stream object holding that text.</summary>
    public static byte[] Pdf(string? stream = null)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            .. stream is null ? Array.Empty<string>() : [$"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream"],
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var (body, number) in objects.Select((o, i) => (o, i + 1)))
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{number} 0 obj\n{body}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>The three parts Word needs to open a document, plus any <paramref name="extra"/> entries.</summary>
    public static byte[] Docx(params (string Name, string Text)[] extra) => Word(extra: extra);

    /// <summary>
    /// A Word package: the main document at <paramref name="main"/> with content type <paramref name="mainType"/>,
    /// <paramref name="types"/> added to <c>[Content_Types].xml</c> (Default or Override elements),
    /// <paramref name="relationships"/> (Relationship elements) in the main document's own relationships part, and
    /// <paramref name="extra"/> parts.
    /// </summary>
    public static byte[] Word(string mainType = WordMain, string main = "word/document.xml", string[]? types = null,
        string[]? relationships = null, string text = "Personligt brev", (string Name, string Text)[]? extra = null)
    {
        var mainRels = $"{Path.GetDirectoryName(main)!.Replace('\\', '/')}/_rels/{Path.GetFileName(main)}.rels";
        return Zip(
        [
            ("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{main}" ContentType="{mainType}"/>{string.Concat(types ?? [])}</Types>"""),
            ("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main}"/></Relationships>"""),
            (main, $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"""),
            .. relationships is null ? Array.Empty<(string, string)>()
                : [(mainRels, $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{string.Concat(relationships)}</Relationships>""")],
            .. extra ?? [],
        ]);
    }

    /// <summary>
    /// An OpenDocument file: <c>mimetype</c> first and uncompressed, as the standard asks; <paramref name="manifestEntries"/>
    /// are added to the manifest as (full path, media type), <paramref name="extra"/> as parts.
    /// </summary>
    public static byte[] Odt(string mimetype = "application/vnd.oasis.opendocument.text", (string Path, string Type)[]? manifestEntries = null,
        params (string Name, string Text)[] extra) => Zip(
    [
        ("mimetype", mimetype),
        ("META-INF/manifest.xml", $"""<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>{string.Concat((manifestEntries ?? []).Select(e => $"<manifest:file-entry manifest:full-path=\"{e.Path}\" manifest:media-type=\"{e.Type}\"/>"))}</manifest:manifest>"""),
        ("content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text><text:p>Avtal</text:p></office:text></office:body></office:document-content>"""),
        .. extra,
    ]);

    /// <summary>
    /// A Word document whose main part expands to <paramref name="expandedBytes"/> of zeros, a few hundred bytes per
    /// megabyte when packed. <paramref name="declaredBytes"/>, when given, is what the ZIP's headers claim instead:
    /// a bomb that lies about its size.
    /// </summary>
    public static byte[] WordBomb(long expandedBytes, uint? declaredBytes = null)
    {
        const string head = """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">""";
        const string tail = "</w:t></w:r></w:p></w:body></w:document>";
        using var source = new ZipArchive(new MemoryStream(Docx()), ZipArchiveMode.Read);
        using var bytes = new MemoryStream();
        // Written as a stream: ZipArchiveMode.Update would hold the whole expanded part in memory.
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in source.Entries.Where(e => e.FullName != "word/document.xml"))
            {
                using var from = part.Open();
                using var to = zip.CreateEntry(part.FullName).Open();
                from.CopyTo(to);
            }
            using var content = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            content.Write(Encoding.UTF8.GetBytes(head));
            var spaces = Enumerable.Repeat((byte)' ', 1024 * 1024).ToArray();
            for (long left = expandedBytes - head.Length - tail.Length; left > 0; left -= spaces.Length)
                content.Write(spaces, 0, (int)Math.Min(spaces.Length, left));
            content.Write(Encoding.UTF8.GetBytes(tail));
        }
        var zipBytes = bytes.ToArray();
        if (declaredBytes is { } lie) ClaimLength(zipBytes, "word/document.xml", lie);
        return zipBytes;
    }

    /// <summary>Rewrites the uncompressed length of one part in its local header and in the central directory.</summary>
    public static void ClaimLength(byte[] zip, string name, uint length)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 + nameBytes.Length <= zip.Length; i++)
        {
            if (zip[i] != 0x50 || zip[i + 1] != 0x4B) continue;
            if (zip[i + 2] == 3 && zip[i + 3] == 4 && zip.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), length);
            if (zip[i + 2] == 1 && zip[i + 3] == 2 && zip.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), length);
        }
    }

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var content = entry.Open();
                content.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return bytes.ToArray();
    }

    /// <summary>The start of a Windows program: "MZ" and the DOS stub.</summary>
    public static byte[] Exe() =>
        [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. "This program cannot be run in DOS mode."u8.ToArray()];

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>All of a stored document's bytes; fails when the store returned none.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream? stored)
    {
        Assert.NotNull(stored);
        await using (stored)
        {
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}

/// <summary>A PDF that never ends and has no length: only counting the bytes can stop it.</summary>
internal sealed class EndlessPdf : Stream
{
    private static readonly byte[] Head = "%PDF-1.4\n"u8.ToArray();

    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++)
            buffer[offset + i] = BytesRead + i < Head.Length ? Head[BytesRead + i] : (byte)'x';
        BytesRead += count;
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A real store, watched: remembers the keys saved through it and fails on demand, as a store outage would.</summary>
internal sealed class WatchedStore(IDocumentStore inner) : IDocumentStore
{
    public List<string> Saved { get; } = [];
    public bool FailSaves { get; init; }
    public bool FailDeletes { get; init; }
    /// <summary>Fails every save after this many have gone through: an outage in the middle of a request.</summary>
    public int SavesBeforeFailing { get; set; } = int.MaxValue;

    public Task SaveAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        if (FailSaves || Saved.Count >= SavesBeforeFailing) throw new IOException("Lagringen svarar inte (test).");
        Saved.Add(key);
        return inner.SaveAsync(key, content, contentType, ct);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default) =>
        FailDeletes ? throw new IOException("Lagringen svarar inte (test).") : inner.DeleteAsync(key, ct);

    public Task<Stream?> OpenAsync(string key, CancellationToken ct = default) => inner.OpenAsync(key, ct);
    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => inner.ExistsAsync(key, ct);
}
