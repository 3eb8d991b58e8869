using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChefsRekrytering.Documents;

/// <summary>What a ZIP-based document (DOCX, ODT) may expand to: a CV or a letter is far below both.</summary>
public sealed record PackageLimits(long MaxExpandedBytes, int MaxParts)
{
    public const long DefaultMaxExpandedBytes = 100L * 1024 * 1024;
    // A Word document has a few dozen parts and an ODT a handful plus pictures; far more is not a letter or a CV.
    public const int DefaultMaxParts = 2000;

    public static readonly PackageLimits Default = new(DefaultMaxExpandedBytes, DefaultMaxParts);
}

internal enum ZipProblem { None, Invalid, TooManyParts, TooLarge }

/// <summary>The part names of a ZIP file, every part expanded once and counted, and the small parts the caller asked to keep.</summary>
internal sealed class ZipPackage(IReadOnlyList<string> names, IReadOnlyDictionary<string, byte[]> kept, long expandedBytes)
{
    public IReadOnlyList<string> Names => names;
    public long ExpandedBytes => expandedBytes;

    /// <summary>A kept part by name, compared without case as OPC part names are.</summary>
    public byte[]? Kept(string name) => kept.GetValueOrDefault(name);

    public IEnumerable<KeyValuePair<string, byte[]>> AllKept => kept;
}

/// <summary>
/// Reads a ZIP from its central directory without taking its word for anything. The declared sizes are added up
/// before anything is expanded, so an honest bomb costs nothing; then every part is expanded and counted, and one that
/// expands to more (or less) than it declared is refused after at most one byte too many. That matters because
/// System.IO.Compression stops silently at the declared size, so a part that lies would pass its count and still
/// unpack to a gigabyte in Word. No ZIP64, no encryption, only stored and deflated parts: a document of a few
/// megabytes needs none of the rest, and what cannot be read cannot be judged.
/// </summary>
internal static class ZipPackageReader
{
    /// <summary>The largest part kept for reading (content types, relationships, manifest).</summary>
    internal const int MaxKeptBytes = 4 * 1024 * 1024;

    private const uint LocalHeader = 0x04034b50, CentralHeader = 0x02014b50, EndOfCentralDirectory = 0x06054b50;
    private const int EndRecordLength = 22, CentralHeaderLength = 46, LocalHeaderLength = 30;

    private sealed record Entry(string Name, ushort Method, int Start, int CompressedLength, long DeclaredLength);

    public static ZipProblem Read(ArraySegment<byte> zip, PackageLimits limits, Func<string, bool> keep, out ZipPackage? package)
    {
        package = null;
        var problem = ReadDirectory(zip, limits, out var entries);
        if (problem != ZipProblem.None) return problem;

        var kept = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var scratch = new byte[81920];
        long expanded = 0;
        foreach (var entry in entries)
        {
            var keepThis = keep(entry.Name);
            if (keepThis && entry.DeclaredLength > MaxKeptBytes) return ZipProblem.Invalid;
            using var copy = keepThis ? new MemoryStream((int)entry.DeclaredLength) : null;
            // Equal to the declared length or refused: the declared total was checked against the limit already.
            if (Expand(zip, entry, scratch, copy) != entry.DeclaredLength) return ZipProblem.Invalid;
            expanded += entry.DeclaredLength;
            if (copy is not null) kept[entry.Name] = copy.ToArray();
        }
        package = new ZipPackage(entries.Select(e => e.Name).ToList(), kept, expanded);
        return ZipProblem.None;
    }

    private static ZipProblem ReadDirectory(ArraySegment<byte> zip, PackageLimits limits, out List<Entry> entries)
    {
        entries = [];
        ReadOnlySpan<byte> data = zip;
        var end = FindEndOfCentralDirectory(data);
        if (end < 0) return ZipProblem.Invalid;
        int disk = U16(data, end + 4), directoryDisk = U16(data, end + 6), onThisDisk = U16(data, end + 8), count = U16(data, end + 10);
        long directoryLength = U32(data, end + 12), directoryStart = U32(data, end + 16);
        // One disk and no ZIP64 (whose markers are the all-ones values).
        if (disk != 0 || directoryDisk != 0 || onThisDisk != count || count == ushort.MaxValue
            || directoryLength == uint.MaxValue || directoryStart == uint.MaxValue)
            return ZipProblem.Invalid;
        // Before a single entry is read: ten thousand empty parts cost nothing to refuse.
        if (count > limits.MaxParts) return ZipProblem.TooManyParts;
        // The directory ends where the end record starts: no records hidden between them.
        if (directoryStart + directoryLength != end) return ZipProblem.Invalid;

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long declared = 0;
        var at = (int)directoryStart;
        for (var i = 0; i < count; i++)
        {
            if (at + CentralHeaderLength > end || U32(data, at) != CentralHeader) return ZipProblem.Invalid;
            int flags = U16(data, at + 8), method = U16(data, at + 10);
            long compressed = U32(data, at + 20), length = U32(data, at + 24);
            int nameLength = U16(data, at + 28), extraLength = U16(data, at + 30), commentLength = U16(data, at + 32);
            long local = U32(data, at + 42);
            var next = at + CentralHeaderLength + nameLength + extraLength + commentLength;
            if (next > end) return ZipProblem.Invalid;
            // Encrypted parts cannot be judged; Deflate64, LZMA and the like are not what Word or LibreOffice write.
            if ((flags & 0x41) != 0 || method is not (0 or 8) || compressed == uint.MaxValue || length == uint.MaxValue)
                return ZipProblem.Invalid;
            if (method == 0 && compressed != length) return ZipProblem.Invalid;
            var nameBytes = data.Slice(at + CentralHeaderLength, nameLength);
            var name = ((flags & 0x800) != 0 ? Encoding.UTF8 : Encoding.Latin1).GetString(nameBytes);
            // Two parts whose names differ only in case: this check could read one and Word the other.
            if (name.Length == 0 || !names.Add(name)) return ZipProblem.Invalid;

            // The local header must name the same part with the same method, and the data lie before the directory:
            // a reader that walks the local headers sees what this one sees.
            if (local + LocalHeaderLength > directoryStart || U32(data, (int)local) != LocalHeader
                || U16(data, (int)local + 8) != method)
                return ZipProblem.Invalid;
            int localNameLength = U16(data, (int)local + 26), localExtraLength = U16(data, (int)local + 28);
            var start = local + LocalHeaderLength + localNameLength + localExtraLength;
            if (start + compressed > directoryStart
                || !data.Slice((int)local + LocalHeaderLength, localNameLength).SequenceEqual(nameBytes))
                return ZipProblem.Invalid;

            entries.Add(new Entry(name, (ushort)method, (int)start, (int)compressed, length));
            declared += length;
            at = next;
        }
        if (at != end) return ZipProblem.Invalid;
        return declared > limits.MaxExpandedBytes ? ZipProblem.TooLarge : ZipProblem.None;
    }

    /// <summary>The part's real length, reading at most one byte past what it declared; -1 when it is damaged.</summary>
    private static long Expand(ArraySegment<byte> zip, Entry entry, byte[] scratch, MemoryStream? copy)
    {
        if (entry.Method == 0)
        {
            copy?.Write(zip.Array!, zip.Offset + entry.Start, entry.CompressedLength);
            return entry.CompressedLength;
        }
        using var deflated = new DeflateStream(
            new MemoryStream(zip.Array!, zip.Offset + entry.Start, entry.CompressedLength, writable: false), CompressionMode.Decompress);
        long total = 0;
        try
        {
            int read;
            while ((read = deflated.Read(scratch, 0, (int)Math.Min(scratch.Length, entry.DeclaredLength - total + 1))) > 0)
            {
                total += read;
                if (total > entry.DeclaredLength) return -1;
                copy?.Write(scratch, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            return -1;
        }
        return total;
    }

    /// <summary>The end record, whose comment must end exactly at the end of the file (no trailing bytes).</summary>
    private static int FindEndOfCentralDirectory(ReadOnlySpan<byte> data)
    {
        for (var i = data.Length - EndRecordLength; i >= Math.Max(0, data.Length - EndRecordLength - ushort.MaxValue); i--)
            if (U32(data, i) == EndOfCentralDirectory && i + EndRecordLength + U16(data, i + 20) == data.Length)
                return i;
        return -1;
    }

    private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);
    private static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
}
