using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Scim;

/// <summary>
/// The bearer token with which a municipality's identity provider (Entra ID) provisions its people over SCIM. Only the
/// token's SHA-256 is stored; the token itself is shown once, to the Admin who created it. The municipality of every
/// SCIM request is this row's, never anything the request says.
/// </summary>
public class ScimToken : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }
    public DateTime SkapadUtc { get; set; }
    public required string SkapadAv { get; set; }
    /// <summary>After this it opens nothing: a token copied into the identity provider is not a key for ever.</summary>
    public DateTime GiltigTillUtc { get; set; }
    /// <summary>When an Admin revoked it; a revoked token opens nothing.</summary>
    public DateTime? AterkalladUtc { get; set; }
    public bool Aterkallad => AterkalladUtc is not null;
}

/// <summary>
/// A person the identity provider provisions: SCIM's userName and externalId beside the <see cref="Organisation.Person"/>
/// they name. A person without one was not provisioned (typed in by Admin, imported) and is not a SCIM resource until
/// the identity provider creates a user with the same employee number or e-mail, which links them.
/// </summary>
public class ScimKoppling : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int PersonId { get; set; }
    public Organisation.Person? Person { get; set; }
    /// <summary>Lower case: SCIM compares userName without regard to case.</summary>
    public required string UserName { get; set; }
    public string? ExternalId { get; set; }
}

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> b)
    {
        b.Property(t => t.KommunId).HasMaxLength(40);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.SkapadAv).HasMaxLength(200);
        b.Ignore(t => t.Aterkallad);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(t => t.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScimKopplingConfiguration : IEntityTypeConfiguration<ScimKoppling>
{
    public void Configure(EntityTypeBuilder<ScimKoppling> b)
    {
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.UserName).HasMaxLength(256);
        b.Property(k => k.ExternalId).HasMaxLength(256);
        b.HasIndex(k => new { k.KommunId, k.UserName }).IsUnique();
        b.HasIndex(k => k.PersonId).IsUnique();
        b.HasOne(k => k.Person).WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kommun>().WithMany().HasForeignKey(k => k.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}
