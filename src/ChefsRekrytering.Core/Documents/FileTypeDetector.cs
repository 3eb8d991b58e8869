using System.Text;
using System.Xml;

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

/// <summary>Why a file's bytes were refused; <see cref="DocumentService"/> gives each its Swedish sentence.</summary>
public enum FileRefusal
{
    /// <summary>Not a PDF, DOCX or ODT, or one too damaged to judge.</summary>
    WrongType,
    /// <summary>A package carrying macros, VBA, ActiveX or scripts.</summary>
    Macros,
    /// <summary>Expands to more than <see cref="PackageLimits.MaxExpandedBytes"/>.</summary>
    TooLargeExpanded,
    /// <summary>More parts than <see cref="PackageLimits.MaxParts"/>.</summary>
    TooManyParts,
}

/// <summary>The type the bytes turned out to be, or why they were refused.</summary>
public sealed record FileInspection(DocumentFileType? Type, FileRefusal? Refusal)
{
    public static FileInspection Accepted(DocumentFileType type) => new(type, null);
    public static FileInspection Refused(FileRefusal refusal) => new(null, refusal);
}

/// <summary>
/// Decides what a file is from its bytes alone; the name and the browser's declared type are the sender's word.
/// DOCX and ODT are ZIP packages: every part is expanded once and counted (<see cref="ZipPackageReader"/>), and the
/// package is judged by what it declares about itself (content types, relationships, manifest), whatever its parts
/// are called, since that is what Word and LibreOffice go by when they decide to run something.
/// </summary>
public static class FileTypeDetector
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ContentTypesPart = "[Content_Types].xml";
    private const string RootRelationships = "_rels/.rels";
    private const string OdtManifest = "META-INF/manifest.xml";
    private const string OdtMimetype = "mimetype";

    // Transitional and Strict OOXML name the main document this way.
    private static readonly string[] OfficeDocumentRelationships =
    [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    ];

    // Any content type or relationship naming one of these carries code Word can run: vbaProject, vbaData,
    // vbaProjectSignature, the macroEnabled main and template types, activeX controls and their binaries.
    private static readonly string[] CodeMarkers = ["vba", "macro", "activex"];
    // ActiveX controls are also attached by this plain relationship.
    private const string ControlRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/control";
    // Where LibreOffice keeps Basic macros and scripts (Python, JavaScript, BeanShell) inside a document.
    private static readonly string[] OdtCodeFolders = ["Basic", "Scripts"];

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The file's type, or null when it is none the portal accepts, judged with the default limits.</summary>
    public static DocumentFileType? Detect(Stream content) => Inspect(content, PackageLimits.Default).Type;

    /// <summary>The file's type or why it is refused. <paramref name="content"/> must be seekable; it is left at position 0.</summary>
    public static FileInspection Inspect(Stream content, PackageLimits limits)
    {
        if (!content.CanSeek) throw new ArgumentException("Innehållet måste gå att läsa flera gånger.", nameof(content));
        try
        {
            Span<byte> head = stackalloc byte[PdfMagic.Length];
            content.Position = 0;
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (read == PdfMagic.Length && head.SequenceEqual(PdfMagic)) return FileInspection.Accepted(DocumentFileType.Pdf);
            if (read >= ZipMagic.Length && head[..ZipMagic.Length].SequenceEqual(ZipMagic)) return InspectZip(Bytes(content), limits);
            return FileInspection.Refused(FileRefusal.WrongType);
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static ArraySegment<byte> Bytes(Stream content)
    {
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer)) return buffer;
        content.Position = 0;
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    private static FileInspection InspectZip(ArraySegment<byte> zip, PackageLimits limits)
    {
        var problem = ZipPackageReader.Read(zip, limits, KeepForReading, out var package);
        if (problem != ZipProblem.None || package is null)
            return FileInspection.Refused(problem switch
            {
                ZipProblem.TooLarge => FileRefusal.TooLargeExpanded,
                ZipProblem.TooManyParts => FileRefusal.TooManyParts,
                _ => FileRefusal.WrongType,
            });
        try
        {
            if (package.Kept(ContentTypesPart) is not null) return InspectWord(package);
            if (package.Kept(OdtMimetype) is not null) return InspectOdt(package);
            return FileInspection.Refused(FileRefusal.WrongType);
        }
        catch (XmlException)
        {
            return FileInspection.Refused(FileRefusal.WrongType); // a package whose own description does not parse
        }
    }

    private static bool KeepForReading(string name) =>
        name.Equals(ContentTypesPart, StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.Equals(OdtMimetype, StringComparison.OrdinalIgnoreCase)
        || name.Equals(OdtManifest, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A Word document is a package whose root relationship names one main part of exactly the Word document type,
    /// with no content type or relationship anywhere in it that names VBA, macros or ActiveX. Every part must have a
    /// content type, as OPC requires, so no part can slip by undeclared.
    /// </summary>
    private static FileInspection InspectWord(ZipPackage package)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (element, attributes) in Elements(package.Kept(ContentTypesPart)!, "Default", "Override"))
        {
            var (key, into) = element == "Default" ? (attributes.GetValueOrDefault("Extension"), defaults) : (attributes.GetValueOrDefault("PartName"), overrides);
            if (key is null || attributes.GetValueOrDefault("ContentType") is not { } type || !into.TryAdd(key, type))
                return FileInspection.Refused(FileRefusal.WrongType);
        }
        if (defaults.Values.Concat(overrides.Values).Any(NamesCode)) return FileInspection.Refused(FileRefusal.Macros);

        var relationships = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, bytes) in package.AllKept.Where(p => p.Key.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            relationships[name] = Elements(bytes, "Relationship").Select(r => r.Attributes).ToList();
        if (relationships.Values.SelectMany(r => r).Any(r => r.GetValueOrDefault("Type") is { } type
                && (NamesCode(type) || type.Equals(ControlRelationship, StringComparison.OrdinalIgnoreCase))))
            return FileInspection.Refused(FileRefusal.Macros);

        string? ContentTypeOf(string partName) =>
            overrides.GetValueOrDefault(partName) ?? defaults.GetValueOrDefault(Path.GetExtension(partName).TrimStart('.'));
        if (package.Names.Any(n => !n.EndsWith('/') && !n.Equals(ContentTypesPart, StringComparison.OrdinalIgnoreCase)
                && ContentTypeOf("/" + n) is null))
            return FileInspection.Refused(FileRefusal.WrongType);

        var main = relationships.GetValueOrDefault(RootRelationships)?
            .Where(r => OfficeDocumentRelationships.Contains(r.GetValueOrDefault("Type"), StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (main is not [var document] || document.GetValueOrDefault("TargetMode") is { } mode && mode != "Internal"
            || PartName(document.GetValueOrDefault("Target")) is not { } mainPart
            || !package.Names.Contains(mainPart[1..], StringComparer.OrdinalIgnoreCase)
            || !string.Equals(ContentTypeOf(mainPart), WordMain, StringComparison.OrdinalIgnoreCase))
            return FileInspection.Refused(FileRefusal.WrongType); // a template, a spreadsheet, or no main document at all
        return FileInspection.Accepted(DocumentFileType.Docx);
    }

    /// <summary>
    /// An OpenDocument text says so in its <c>mimetype</c> part (a template or a spreadsheet says something else), and
    /// has no macro or script folder, neither among its parts nor in its manifest.
    /// </summary>
    private static FileInspection InspectOdt(ZipPackage package)
    {
        if (Encoding.ASCII.GetString(package.Kept(OdtMimetype)!) != DocumentFileType.Odt.ContentType)
            return FileInspection.Refused(FileRefusal.WrongType);
        if (package.Names.Any(InCodeFolder)) return FileInspection.Refused(FileRefusal.Macros);
        if (package.Kept(OdtManifest) is { } manifest
            && Elements(manifest, "file-entry").Any(e => e.Attributes.GetValueOrDefault("full-path") is { } path && InCodeFolder(path)
                || e.Attributes.GetValueOrDefault("media-type") is { } type
                   && (type.Contains("script", StringComparison.OrdinalIgnoreCase) || type.Contains("basic", StringComparison.OrdinalIgnoreCase))))
            return FileInspection.Refused(FileRefusal.Macros);
        return FileInspection.Accepted(DocumentFileType.Odt);
    }

    private static bool NamesCode(string value) => CodeMarkers.Any(m => value.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>A path with a folder named Basic or Scripts anywhere above its last segment.</summary>
    private static bool InCodeFolder(string path)
    {
        var segments = path.TrimStart('/').Split('/');
        return segments[..^1].Any(s => OdtCodeFolders.Contains(s, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A relationship target as a part name ("/word/document.xml"), resolved from the package root.</summary>
    private static string? PartName(string? target)
    {
        var root = new Uri("http://package/");
        return target is not null && Uri.TryCreate(root, target, out var uri) && uri.Host == root.Host && uri.Scheme == root.Scheme
            ? uri.AbsolutePath
            : null;
    }

    /// <summary>
    /// The elements with one of the given local names (whatever their namespace, so a changed namespace hides nothing),
    /// with their attributes by local name. No DTDs and no external resolution; the bytes are already capped.
    /// </summary>
    private static IEnumerable<(string Element, Dictionary<string, string> Attributes)> Elements(byte[] xml, params string[] localNames)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ZipPackageReader.MaxKeptBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        var found = new List<(string, Dictionary<string, string>)>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !localNames.Contains(reader.LocalName)) continue;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                attributes.TryAdd(reader.LocalName, reader.Value);
            reader.MoveToElement();
            found.Add((reader.LocalName, attributes));
        }
        return found;
    }
}
