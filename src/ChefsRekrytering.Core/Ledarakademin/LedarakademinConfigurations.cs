using ChefsRekrytering.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Ledarakademin;

internal sealed class UtvecklingsaktivitetConfiguration : IEntityTypeConfiguration<Utvecklingsaktivitet>
{
    public void Configure(EntityTypeBuilder<Utvecklingsaktivitet> b)
    {
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.Beskrivning).HasMaxLength(500);
        b.Property(a => a.RegistreradAv).HasMaxLength(200);
        b.HasIndex(a => new { a.PersonId, a.Datum });
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KompetensvaxlingConfiguration : IEntityTypeConfiguration<Kompetensvaxling>
{
    public void Configure(EntityTypeBuilder<Kompetensvaxling> b)
    {
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.Anledning).HasMaxLength(200);
        b.Property(k => k.StartadAv).HasMaxLength(200);
        b.Ignore(k => k.ArKlar);
        b.HasIndex(k => k.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(k => k.Punkter).WithOne().HasForeignKey(p => p.KompetensvaxlingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KompetensvaxlingPunktConfiguration : IEntityTypeConfiguration<KompetensvaxlingPunkt>
{
    public void Configure(EntityTypeBuilder<KompetensvaxlingPunkt> b)
    {
        b.Property(p => p.KommunId).HasMaxLength(40);
        b.Property(p => p.Rubrik).HasMaxLength(300);
        b.Property(p => p.Beskrivning).HasMaxLength(2000);
        b.Property(p => p.KlarAv).HasMaxLength(200);
    }
}
