using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Granskning;

public enum AuditAction
{
    [Display(Name = "Läste")] Last,
    [Display(Name = "Ändrade")] Andrade,
    [Display(Name = "Laddade ned")] LaddadeNed,
    Skapade,
    Raderade,
}

/// <summary>One read or change of confidential data: who, when, what. Written in the same save as a change, or on its
/// own for a read, so HR can always answer "who has seen this".</summary>
public class AuditEvent : IKommunEntity
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>One of <see cref="Granskningsobjekt"/>, e.g. "Avveckling", "Kandidatdokument".</summary>
    public required string ObjectType { get; set; }
    public int ObjectId { get; set; }
    /// <summary>What was read or changed, in words; never the confidential content itself.</summary>
    public string? Detail { get; set; }
}

internal sealed class AuditEventConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(200);
        b.Property(a => a.ObjectType).HasMaxLength(60);
        b.Property(a => a.Detail).HasMaxLength(500);
        b.HasIndex(a => new { a.ObjectType, a.ObjectId, a.AtUtc });
        b.HasIndex(a => a.AtUtc);
    }
}
