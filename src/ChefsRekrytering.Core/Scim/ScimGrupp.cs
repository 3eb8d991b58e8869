using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Scim;

/// <summary>
/// A group the identity provider provisions (SCIM Group). Every group is accepted and kept, as Entra ID requires; a group
/// gives roles only where the municipality's role mapping (<see cref="Konton.OidcKommun.Roller"/>) names its id
/// (<see cref="ExternalId"/>, Entra's object id, as in the token's groups claim) or its name.
/// </summary>
public class ScimGrupp : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>Unique within the municipality: Entra ID matches groups by it.</summary>
    public required string DisplayName { get; set; }
    public string? ExternalId { get; set; }
    public List<ScimGruppMedlem> Medlemmar { get; set; } = [];
}

/// <summary>A provisioned user's membership of a group; goes with the user when the provider deletes the user.</summary>
public class ScimGruppMedlem : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int GruppId { get; set; }
    public ScimGrupp? Grupp { get; set; }
    public int KopplingId { get; set; }
    public ScimKoppling? Koppling { get; set; }
}

internal sealed class ScimGruppConfiguration : IEntityTypeConfiguration<ScimGrupp>
{
    public void Configure(EntityTypeBuilder<ScimGrupp> b)
    {
        b.Property(g => g.KommunId).HasMaxLength(40);
        b.Property(g => g.DisplayName).HasMaxLength(256);
        b.Property(g => g.ExternalId).HasMaxLength(256);
        b.HasIndex(g => new { g.KommunId, g.DisplayName }).IsUnique();
        b.HasMany(g => g.Medlemmar).WithOne(m => m.Grupp).HasForeignKey(m => m.GruppId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kommun>().WithMany().HasForeignKey(g => g.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScimGruppMedlemConfiguration : IEntityTypeConfiguration<ScimGruppMedlem>
{
    public void Configure(EntityTypeBuilder<ScimGruppMedlem> b)
    {
        b.Property(m => m.KommunId).HasMaxLength(40);
        b.HasIndex(m => new { m.GruppId, m.KopplingId }).IsUnique();
        b.HasOne(m => m.Koppling).WithMany().HasForeignKey(m => m.KopplingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kommun>().WithMany().HasForeignKey(m => m.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}
