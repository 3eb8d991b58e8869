using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Documents;

public enum DokumentTyp
{
    [Display(Name = "CV")] CV,
    [Display(Name = "Personligt brev")] PersonligtBrev,
    [Display(Name = "Avtal")] Avtal,
    [Display(Name = "Bilaga")] Bilaga,
}

/// <summary>
/// One stored document (a CV, a letter, a signed agreement, an attachment) belonging to one record, named by
/// <see cref="OwnerType"/> and <see cref="OwnerId"/>. Who may read it is that record's rule (<see cref="IDocumentOwnerAccess"/>).
/// </summary>
public class Dokument : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>The kind of record it belongs to, e.g. "Kandidat".</summary>
    public required string OwnerType { get; set; }
    public int OwnerId { get; set; }
    public DokumentTyp Kind { get; set; }
    /// <summary>The name it was uploaded with, cleaned (see <see cref="DocumentService.SanitizeFileName"/>). Shown and offered on download only.</summary>
    public required string OriginalFileName { get; set; }
    /// <summary>Generated (<see cref="DocumentKey"/>); never derived from the file name.</summary>
    public required string StorageKey { get; set; }
    /// <summary>What the bytes turned out to be, not what the browser said.</summary>
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Lower-case hex SHA-256 of the bytes, to show that a signed agreement is unchanged.</summary>
    public required string Sha256 { get; set; }
    public DateTime UploadedUtc { get; set; }
    /// <summary>The uploader's user id ("system" for imports), not a name.</summary>
    public required string UploadedBy { get; set; }

    /// <summary>The uploaded name, ending in the extension of what the file really is so it opens in the right program.</summary>
    public string DownloadName => DocumentFileType.ForContentType(ContentType)?.Extension is { } ext
        && !OriginalFileName.EndsWith(ext, StringComparison.OrdinalIgnoreCase)
            ? OriginalFileName + ext
            : OriginalFileName;
}

/// <summary>
/// A stored document whose row is gone but whose bytes may not be yet. Written in the same SaveChanges that
/// removes the row, so a crash or a store outage between the two leaves a note instead of an orphan;
/// <see cref="DocumentService.RetryPendingDeletionsAsync"/> works through what is left.
/// </summary>
public class PendingBlobDeletion
{
    public long Id { get; set; }
    public required string StorageKey { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Attempts { get; set; }
}
