using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Organisation.Personalimport;

/// <summary>One import that was carried out: who, when, which file (kept, so it can be downloaded again) and what it changed.</summary>
public class Personalimportlogg : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public required string UserId { get; set; }
    public required string Av { get; set; }
    public DateTime Utc { get; set; }
    public required string Filnamn { get; set; }
    public int Rader { get; set; }
    public int NyaPersoner { get; set; }
    public int AndradePersoner { get; set; }
    public int FlyttadePersoner { get; set; }
    public int NyaEnheter { get; set; }
    public int AndradeEnheter { get; set; }
    public int NyaChefer { get; set; }
    public int Lamnade { get; set; }
    public int Aterkomna { get; set; }
    public int Avvisade { get; set; }
    public required byte[] Fil { get; set; }
}

internal sealed class PersonalimportloggConfiguration : IEntityTypeConfiguration<Personalimportlogg>
{
    public void Configure(EntityTypeBuilder<Personalimportlogg> b)
    {
        b.ToTable("Personalimporter");
        b.Property(l => l.KommunId).HasMaxLength(40);
        b.Property(l => l.UserId).HasMaxLength(450);
        b.Property(l => l.Av).HasMaxLength(200);
        b.Property(l => l.Filnamn).HasMaxLength(260);
        b.HasIndex(l => new { l.KommunId, l.Utc });
        b.HasOne<Kommun>().WithMany().HasForeignKey(l => l.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}
