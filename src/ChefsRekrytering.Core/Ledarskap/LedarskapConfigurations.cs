using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Ledarskap;

internal sealed class UppdragskontraktConfiguration : IEntityTypeConfiguration<Uppdragskontrakt>
{
    public void Configure(EntityTypeBuilder<Uppdragskontrakt> b)
    {
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.UppdragsgivareNamn).HasMaxLength(200);
        b.Property(k => k.Ansvar).HasMaxLength(4000);
        b.Property(k => k.Ataganden).HasMaxLength(4000);
        b.Property(k => k.Resultatkrav).HasMaxLength(4000);
        b.Property(k => k.ForvantningarKommentar).HasMaxLength(4000);
        b.Property(k => k.UppdragsgivareBekraftadAv).HasMaxLength(200);
        b.Ignore(k => k.ArBekraftatAvBada);
        // Two people starting the next version at once: one of them gets the number, the other a conflict.
        b.HasIndex(k => new { k.ChefPersonId, k.Versionsnummer }).IsUnique();
        b.HasIndex(k => new { k.State, k.OmprovasSenast });
        b.HasOne(k => k.Chef).WithMany().HasForeignKey(k => k.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(k => k.UppdragsgivarePersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(k => k.Krav).WithOne().HasForeignKey(x => x.UppdragskontraktId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(k => k.Omprovningar).WithOne().HasForeignKey(x => x.UppdragskontraktId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UppdragskontraktKravConfiguration : IEntityTypeConfiguration<UppdragskontraktKrav>
{
    public void Configure(EntityTypeBuilder<UppdragskontraktKrav> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.KravId).HasMaxLength(120);
        b.Property(x => x.Omrade).HasMaxLength(300);
        b.Property(x => x.Text).HasMaxLength(2000);
    }
}

internal sealed class UppdragskontraktOmprovningConfiguration : IEntityTypeConfiguration<UppdragskontraktOmprovning>
{
    public void Configure(EntityTypeBuilder<UppdragskontraktOmprovning> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Anteckning).HasMaxLength(4000);
        b.Property(x => x.RegistreradAv).HasMaxLength(200);
    }
}

internal sealed class SjalvskattningConfiguration : IEntityTypeConfiguration<Sjalvskattning>
{
    public void Configure(EntityTypeBuilder<Sjalvskattning> b)
    {
        b.Property(s => s.KommunId).HasMaxLength(40);
        b.Property(s => s.SamtalKommentar).HasMaxLength(4000);
        b.Property(s => s.DiskuteradAv).HasMaxLength(200);
        b.Ignore(s => s.Ordnade);
        b.HasIndex(s => new { s.ChefPersonId, s.Ar }).IsUnique();
        b.HasOne(s => s.Chef).WithMany().HasForeignKey(s => s.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Rader).WithOne().HasForeignKey(r => r.SjalvskattningId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SjalvskattningRadConfiguration : IEntityTypeConfiguration<SjalvskattningRad>
{
    public void Configure(EntityTypeBuilder<SjalvskattningRad> b)
    {
        b.Property(r => r.KommunId).HasMaxLength(40);
        b.Property(r => r.KravId).HasMaxLength(120);
        b.Property(r => r.OmradeId).HasMaxLength(120);
        b.Property(r => r.Omrade).HasMaxLength(300);
        b.Property(r => r.Text).HasMaxLength(2000);
        b.Property(r => r.Kommentar).HasMaxLength(SjalvskattningRad.KommentarMaxLangd);
        b.HasIndex(r => new { r.SjalvskattningId, r.KravId }).IsUnique();
    }
}
