using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Documents;

public sealed record UploadResult(Dokument? Dokument, string? Error)
{
    [MemberNotNullWhen(true, nameof(Dokument))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Dokument is not null;
}

/// <summary>
/// A file read into memory and checked (and scanned, when a scanner is configured): its type when accepted, else a
/// Swedish message and a short reason for the log. Only <see cref="DocumentService.CheckAsync"/> makes one, so an
/// accepted one can be stored without checking it again.
/// </summary>
public sealed class CheckedFile : IDisposable
{
    internal CheckedFile(MemoryStream bytes, DocumentFileType? type, string? error, string? reason) =>
        (Bytes, Type, Error, Reason) = (bytes, type, error, reason);

    public MemoryStream Bytes { get; }
    public DocumentFileType? Type { get; }
    public string? Error { get; }
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Type))]
    [MemberNotNullWhen(false, nameof(Error), nameof(Reason))]
    public bool Accepted => Type is not null;

    public void Dispose() => Bytes.Dispose();
}

/// <summary>
/// Uploads, opens and deletes documents, keeping the rows and the store in step: a failed upload leaves no
/// row, and a removed row leaves no stored bytes (at once, or on the next <see cref="RetryPendingDeletionsAsync"/>).
/// Logs ids only: file names are personal data.
/// </summary>
public sealed class DocumentService(
    AppDbContext db, IDocumentStore store, IMalwareScanner scanner, CurrentKommun kommun, TimeProvider clock, DocumentOptions options,
    DocumentAccess access, ILogger<DocumentService> log)
{
    public const int MaxFileNameLength = 200;
    public const string EmptyFile = "Filen är tom.";
    public const string WrongType = "Filen är inte en PDF-, Word- eller OpenDocument-fil. Filens innehåll avgör, inte namnet.";
    public const string StoreUnavailable = "Dokumentet kunde inte sparas just nu. Försök igen om en stund.";
    public const string Macros = "Filen innehåller makron eller andra program och har inte sparats. Spara den som ett vanligt Word-dokument (.docx), som OpenDocument-text (.odt) eller som PDF.";
    public const string Infected = "Filen innehåller skadlig kod och har inte sparats.";
    public const string ScannerUnavailable = "Filen kunde inte kontrolleras mot skadlig kod just nu och har inte sparats. Försök igen om en stund.";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public string TooLarge => $"Filen är för stor (högst {Filstorlek.Text(options.MaxBytes)}).";

    public string TooLargeExpanded =>
        $"Filen blir för stor när den packas upp (högst {Filstorlek.Text(options.MaxExpandedBytes)}) och har inte sparats.";

    public string TooManyParts => string.Create(Swedish, $"Filen består av för många delar (högst {options.MaxParts}) och har inte sparats.");

    /// <summary>
    /// Checks the file by size and content and stores it under a generated key for the record
    /// <paramref name="ownerType"/>/<paramref name="ownerId"/> in the current municipality.
    /// A refused file gives a Swedish message for the user; a failing database throws after the stored bytes are removed again.
    /// </summary>
    public async Task<UploadResult> UploadAsync(Stream content, string fileName, DokumentTyp kind, string ownerType, int ownerId,
        string uploadedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerType);
        using var file = await CheckAsync(content, ct);
        return await UploadAsync(file, fileName, kind, ownerType, ownerId, uploadedBy, ct);
    }

    /// <summary>
    /// Stores a file <see cref="CheckAsync"/> has already checked and scanned, without doing either again: a form
    /// checks its files before it opens its transaction, and waiting for the scanner inside one would hold it open.
    /// </summary>
    public async Task<UploadResult> UploadAsync(CheckedFile file, string fileName, DokumentTyp kind, string ownerType, int ownerId,
        string uploadedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerType);
        if (!file.Accepted) return Refused(file.Error, file.Reason, ownerType, ownerId);
        var (bytes, type) = (file.Bytes, file.Type);
        bytes.Position = 0;

        var now = clock.GetUtcNow().UtcDateTime;
        var doc = new Dokument
        {
            KommunId = kommun.Required,
            OwnerType = ownerType,
            OwnerId = ownerId,
            Kind = kind,
            OriginalFileName = SanitizeFileName(fileName),
            StorageKey = DocumentKey.New(kommun.Required, now),
            ContentType = type.ContentType,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length))),
            UploadedUtc = now,
            UploadedBy = uploadedBy,
        };

        // The bytes first: a row must never point at nothing.
        try
        {
            await store.SaveAsync(doc.StorageKey, bytes, type.ContentType, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Dokument till {OwnerType} {OwnerId} kunde inte lagras", ownerType, ownerId);
            return new(null, StoreUnavailable);
        }

        db.Dokument.Add(doc);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No row, so no stored bytes either; and a later SaveChanges in this scope must not try the row again.
            db.Entry(doc).State = EntityState.Detached;
            await DeleteStoredAsync(doc.StorageKey);
            throw;
        }
        log.LogInformation("Dokument {DokumentId} ({Kind}, {Bytes} byte) sparat till {OwnerType} {OwnerId}",
            doc.Id, kind, doc.SizeBytes, ownerType, ownerId);
        return new(doc, null);
    }

    /// <summary>
    /// Reads and checks a file exactly as <see cref="UploadAsync(Stream, string, DokumentTyp, string, int, string, CancellationToken)"/>
    /// does, storing nothing: for a form that must refuse a bad file before it changes anything. Every upload passes
    /// here: size, then content (type, macros, expansion), then, when configured, the malware scanner. An accepted
    /// file can go on to <see cref="UploadAsync(CheckedFile, string, DokumentTyp, string, int, string, CancellationToken)"/>.
    /// </summary>
    public async Task<CheckedFile> CheckAsync(Stream content, CancellationToken ct = default)
    {
        var bytes = await ReadAtMostAsync(content, options.MaxBytes + 1, ct);
        if (bytes.Length == 0) return new(bytes, null, EmptyFile, "tom");
        if (bytes.Length > options.MaxBytes) return new(bytes, null, TooLarge, "för stor");
        var inspection = FileTypeDetector.Inspect(bytes, options.PackageLimits);
        if (inspection.Type is not { } type)
        {
            return inspection.Refusal switch
            {
                FileRefusal.Macros => new(bytes, null, Macros, "makron"),
                FileRefusal.TooLargeExpanded => new(bytes, null, TooLargeExpanded, "för stor uppackad"),
                FileRefusal.TooManyParts => new(bytes, null, TooManyParts, "för många delar"),
                _ => new(bytes, null, WrongType, "okänd filtyp"),
            };
        }
        return await ScanAsync(bytes, type, ct);
    }

    /// <summary>Last, on exactly the bytes that would be stored. Fails closed: no answer from the scanner, no file.</summary>
    private async Task<CheckedFile> ScanAsync(MemoryStream bytes, DocumentFileType type, CancellationToken ct)
    {
        if (!scanner.Enabled) return new(bytes, type, null, null);
        MalwareScan scan;
        try
        {
            scan = await scanner.ScanAsync(bytes.GetBuffer().AsMemory(0, (int)bytes.Length), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Uppladdad fil ({Bytes} byte) kunde inte skannas efter skadlig kod och avvisas", bytes.Length);
            return new(bytes, null, ScannerUnavailable, "skanning misslyckades");
        }
        if (!scan.Infected) return new(bytes, type, null, null);
        // The signature's name says what was found; the file's name and owner are not known here and stay out of the log.
        log.LogWarning("Uppladdad fil ({Bytes} byte) avvisad: skadlig kod {Signature}", bytes.Length, scan.Signature);
        return new(bytes, null, Infected, "skadlig kod");
    }

    /// <summary>
    /// One document for download with its bytes, if this user may read it; null when it does not exist, is another
    /// municipality's (query filter), may not be read, or its bytes are lost: the same answer, so nobody learns which ids exist.
    /// </summary>
    public async Task<(Dokument Dokument, Stream Innehall)?> HamtaAsync(int id, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct = default)
    {
        var doc = await db.Dokument.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || !await access.CanReadAsync(user, doc)) return null;
        return await OpenAsync(doc, ct) is { } content ? (doc, content) : null;
    }

    /// <summary>The stored bytes, or null (and an error in the log) when the store has lost them.</summary>
    public async Task<Stream?> OpenAsync(Dokument doc, CancellationToken ct = default)
    {
        var stream = await store.OpenAsync(doc.StorageKey, ct);
        if (stream is null) log.LogError("Dokument {DokumentId} har en rad men inget lagrat innehåll", doc.Id);
        return stream;
    }

    public Task DeleteAsync(Dokument doc, CancellationToken ct = default) => DeleteAsync([doc], ct);

    /// <summary>
    /// Removes every document of one record. Whatever else is pending on the context (the record's own removal)
    /// is saved in the same SaveChanges, so the record and its documents go together.
    /// </summary>
    public Task DeleteAllForAsync(string ownerType, int ownerId, CancellationToken ct = default) =>
        DeleteAllForAsync(ownerType, [ownerId], ct);

    /// <summary>As <see cref="DeleteAllForAsync(string, int, CancellationToken)"/> for several records of one kind in one save
    /// (gallring of a recruitment's applicants). Returns how many documents went.</summary>
    public async Task<int> DeleteAllForAsync(string ownerType, IReadOnlyCollection<int> ownerIds, CancellationToken ct = default)
    {
        var docs = await db.Dokument.Where(d => d.OwnerType == ownerType && ownerIds.Contains(d.OwnerId)).ToListAsync(ct);
        await DeleteAsync(docs, ct);
        return docs.Count;
    }

    /// <summary>
    /// Deletes the stored bytes of rows removed earlier whose deletion failed, oldest first and at most 500 a run.
    /// For the scheduler; returns how many went.
    /// </summary>
    public async Task<int> RetryPendingDeletionsAsync(CancellationToken ct = default) =>
        await DeleteStoredAsync(await db.PendingBlobDeletions.AsNoTracking().OrderBy(p => p.Id).Take(500).ToListAsync(ct), ct);

    /// <summary>Saves even with no documents: the caller may count on this save for the record's own removal.</summary>
    private async Task DeleteAsync(IReadOnlyList<Dokument> docs, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = docs.Select(d => new PendingBlobDeletion { StorageKey = d.StorageKey, CreatedUtc = now }).ToList();
        db.Dokument.RemoveRange(docs);
        db.PendingBlobDeletions.AddRange(pending);
        await db.SaveChangesAsync(ct);
        foreach (var p in pending) db.Entry(p).State = EntityState.Detached; // from here on handled set-based
        await DeleteStoredAsync(pending, ct);
    }

    private async Task<int> DeleteStoredAsync(IReadOnlyList<PendingBlobDeletion> pending, CancellationToken ct)
    {
        var done = new List<long>();
        foreach (var p in pending)
        {
            try
            {
                await store.DeleteAsync(p.StorageKey, ct);
                done.Add(p.Id);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Lagrat dokument (borttagning {PendingId}) kunde inte tas bort; nytt försök senare", p.Id);
            }
        }
        // Set-based, so a note another instance already cleared is no error.
        var failed = pending.Select(p => p.Id).Except(done).ToList();
        if (done.Count > 0)
            await db.PendingBlobDeletions.Where(p => done.Contains(p.Id)).ExecuteDeleteAsync(ct);
        if (failed.Count > 0)
            await db.PendingBlobDeletions.Where(p => failed.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Attempts, p => p.Attempts + 1), ct);
        return done.Count;
    }

    /// <summary>Best effort after a failed row: if even this fails, the log has the key (which holds no personal data).</summary>
    private async Task DeleteStoredAsync(string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogError(e, "Lagrat dokument {StorageKey} utan rad kunde inte tas bort", key);
        }
    }

    private UploadResult Refused(string message, string reason, string ownerType, int ownerId)
    {
        log.LogInformation("Uppladdning till {OwnerType} {OwnerId} avvisad: {Reason}", ownerType, ownerId, reason);
        return new(null, message);
    }

    /// <summary>
    /// The declared length (Content-Length, IFormFile.Length) is the sender's word: count the bytes instead, and stop
    /// one past the limit. Held in memory because the type check needs to seek; the limit keeps that small.
    /// </summary>
    private static async Task<MemoryStream> ReadAtMostAsync(Stream content, long limit, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit
               && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>
    /// The last segment of what the browser sent (some send a whole Windows path), without control and invisible
    /// formatting characters (a right-to-left override can make "cv\u202Efdp.exe" read as "cvexe.pdf"), cleaned further as any
    /// text from outside (<see cref="InputText"/>: NFC, no lone surrogates), at most 200 characters with the extension kept.
    /// </summary>
    public static string SanitizeFileName(string? fileName)
    {
        var last = (fileName ?? "").Split('/', '\\')[^1];
        var name = InputText.SingleLine(new string(last.Where(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()))
            .Trim().Trim('.').Trim();
        if (name.Length == 0) return "dokument";
        if (name.Length <= MaxFileNameLength) return name;
        var ext = Path.GetExtension(name);
        if (ext.Length > 10) ext = "";
        var cut = MaxFileNameLength - ext.Length;
        if (char.IsHighSurrogate(name[cut - 1])) cut--; // never split a character in two
        return name[..cut].TrimEnd() + ext;
    }
}

/// <summary>Retries stored bytes whose deletion failed when their row was removed (the store was down, say).</summary>
public sealed class DocumentJanitor(DocumentService documents) : Scheduling.IRecurringJob
{
    public string JobType => "dokument-stadning";
    public TimeSpan Interval => TimeSpan.FromHours(1);
    public Task HandleAsync(Scheduling.ScheduledJob job, CancellationToken ct) => documents.RetryPendingDeletionsAsync(ct);
}
