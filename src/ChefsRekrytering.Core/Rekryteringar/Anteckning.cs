using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A note on a candidate by someone who sees the recruitment (owner, HR, panel): free text, its author and when.
/// Part of the applicant's personal data: removed by gallring and included in their register extract.</summary>
public class Anteckning : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public required string Text { get; set; }
    public required string ForfattareUserId { get; set; }
    public required string ForfattareNamn { get; set; }
    public DateTime SkrivenUtc { get; set; }
}

/// <summary>A short label on a candidate ("Stark ledarerfarenhet", "Ring igen"). The recruitment's labels are those on its
/// candidates; the candidate list filters on them.</summary>
public class KandidatTagg : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public required string Text { get; set; }
}

internal sealed class AnteckningConfiguration : IEntityTypeConfiguration<Anteckning>
{
    public void Configure(EntityTypeBuilder<Anteckning> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(AnteckningService.TextMaxLangd);
        b.Property(x => x.ForfattareUserId).HasMaxLength(450);
        b.Property(x => x.ForfattareNamn).HasMaxLength(200);
        b.HasOne<Kandidat>().WithMany(k => k.Anteckningar).HasForeignKey(x => x.KandidatId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KandidatTaggConfiguration : IEntityTypeConfiguration<KandidatTagg>
{
    public void Configure(EntityTypeBuilder<KandidatTagg> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(AnteckningService.TaggMaxLangd);
        b.HasOne<Kandidat>().WithMany(k => k.Taggar).HasForeignKey(x => x.KandidatId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.KandidatId, x.Text }).IsUnique();
    }
}
