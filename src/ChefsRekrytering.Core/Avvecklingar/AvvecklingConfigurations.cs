using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Avvecklingar;

internal sealed class AvvecklingsArendeConfiguration : IEntityTypeConfiguration<AvvecklingsArende>
{
    public void Configure(EntityTypeBuilder<AvvecklingsArende> b)
    {
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.ChefNamn).HasMaxLength(200);
        b.Property(a => a.AnsvarigNamn).HasMaxLength(200);
        b.Property(a => a.InitieradAvNamn).HasMaxLength(200);
        b.Property(a => a.Bakgrund).HasMaxLength(4000);
        b.Property(a => a.Utvardering).HasMaxLength(4000);
        b.HasIndex(a => a.ChefPersonId);
        b.HasIndex(a => a.AnsvarigPersonId);
        b.HasMany(a => a.Atgarder).WithOne().HasForeignKey(x => x.ArendeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AtgardConfiguration : IEntityTypeConfiguration<Atgard>
{
    public void Configure(EntityTypeBuilder<Atgard> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Beskrivning).HasMaxLength(2000);
        b.Property(x => x.Ansvarig).HasMaxLength(200);
        b.HasMany(x => x.Anteckningar).WithOne().HasForeignKey(n => n.AtgardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UppfoljningsanteckningConfiguration : IEntityTypeConfiguration<Uppfoljningsanteckning>
{
    public void Configure(EntityTypeBuilder<Uppfoljningsanteckning> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Av).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
    }
}
