using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Introduktioner;

internal sealed class IntroduktionConfiguration : IEntityTypeConfiguration<Introduktion>
{
    public void Configure(EntityTypeBuilder<Introduktion> b)
    {
        b.Property(i => i.KommunId).HasMaxLength(40);
        b.Property(i => i.ChefNamn).HasMaxLength(200);
        b.Property(i => i.Befattning).HasMaxLength(200);
        b.Property(i => i.AnstallandeChefUserId).HasMaxLength(450);
        b.Property(i => i.AnstallandeChefNamn).HasMaxLength(200);
        b.Ignore(i => i.Klara);
        b.Ignore(i => i.Procent);
        b.HasIndex(i => i.ChefPersonId);
        b.HasOne(i => i.Chef).WithMany().HasForeignKey(i => i.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(i => i.Punkter).WithOne().HasForeignKey(p => p.IntroduktionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntroduktionPunktConfiguration : IEntityTypeConfiguration<IntroduktionPunkt>
{
    public void Configure(EntityTypeBuilder<IntroduktionPunkt> b)
    {
        b.Property(p => p.KommunId).HasMaxLength(40);
        b.Property(p => p.Rubrik).HasMaxLength(300);
        b.Property(p => p.Beskrivning).HasMaxLength(2000);
        b.Property(p => p.PolicyAvsnittId).HasMaxLength(120);
        b.Property(p => p.KlarAv).HasMaxLength(200);
        b.Property(p => p.Kommentar).HasMaxLength(2000);
        b.Ignore(p => p.ArUppfoljning);
    }
}
