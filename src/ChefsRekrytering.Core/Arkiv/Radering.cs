using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Arkiv;

/// <summary>
/// The record of an erasure on request: who erased what, when and why. It says what went (which applications, how many
/// documents), not whose: keeping the address would keep the personal data the erasure removed.
/// </summary>
public class Radering : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UtfordAv { get; set; }
    public required string Vad { get; set; }
    public required string Skal { get; set; }
}

internal sealed class RaderingConfiguration : IEntityTypeConfiguration<Radering>
{
    public void Configure(EntityTypeBuilder<Radering> b)
    {
        b.Property(r => r.KommunId).HasMaxLength(40);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.UtfordAv).HasMaxLength(200);
        b.Property(r => r.Vad).HasMaxLength(4000);
        b.Property(r => r.Skal).HasMaxLength(1000);
        b.HasIndex(r => r.AtUtc);
    }
}
