using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.AretsChef;

internal sealed class KampanjConfiguration : IEntityTypeConfiguration<Kampanj>
{
    public void Configure(EntityTypeBuilder<Kampanj> b)
    {
        b.ToTable("AretsChefKampanjer");
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.VinnareNamn).HasMaxLength(200);
        b.Property(k => k.VinnareEnhet).HasMaxLength(1000);
        b.Property(k => k.Motivering).HasMaxLength(4000);
        b.Property(k => k.BeslutadAv).HasMaxLength(200);
        // One campaign per municipality and year: the scheduled jobs and the URLs name it by year.
        b.HasIndex(k => new { k.KommunId, k.Ar }).IsUnique();
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(k => k.VinnarePersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(k => k.Kortlista).WithOne().HasForeignKey(x => x.KampanjId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(k => k.Bedomningar).WithOne().HasForeignKey(x => x.KampanjId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NomineringConfiguration : IEntityTypeConfiguration<Nominering>
{
    public void Configure(EntityTypeBuilder<Nominering> b)
    {
        b.ToTable("AretsChefNomineringar");
        b.Property(n => n.KommunId).HasMaxLength(40);
        b.Property(n => n.Motiveringar).HasConversion(m => NomineringService.SkrivMotiveringar(m), s => NomineringService.LasMotiveringar(s),
            new ValueComparer<List<Motivering>>((a, c) => a!.SequenceEqual(c!), m => m.Aggregate(0, (h, x) => HashCode.Combine(h, x)), m => m.ToList()));
        // The guarantee behind "one nomination per person and year": the upsert's conflict target.
        b.HasIndex(n => new { n.KampanjId, n.NominatorPersonId }).IsUnique();
        b.HasIndex(n => new { n.KampanjId, n.ChefPersonId });
        b.HasOne<Kampanj>().WithMany().HasForeignKey(n => n.KampanjId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(n => n.NominatorPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(n => n.Chef).WithMany().HasForeignKey(n => n.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InbjudenConfiguration : IEntityTypeConfiguration<Inbjuden>
{
    public void Configure(EntityTypeBuilder<Inbjuden> b)
    {
        b.ToTable("AretsChefInbjudna");
        b.Property(x => x.KommunId).HasMaxLength(40);
        // Invited once per campaign: a retried batch cannot count anyone twice.
        b.HasIndex(x => new { x.KampanjId, x.PersonId }).IsUnique();
        b.HasOne<Kampanj>().WithMany().HasForeignKey(x => x.KampanjId).OnDelete(DeleteBehavior.Cascade);
        // No key to the person: the row is what was true at the invitation, whatever becomes of the person.
    }
}

internal sealed class BevakareConfiguration : IEntityTypeConfiguration<Bevakare>
{
    public void Configure(EntityTypeBuilder<Bevakare> b)
    {
        b.ToTable("AretsChefBevakare");
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.HasIndex(x => new { x.KampanjId, x.PersonId }).IsUnique();
        b.HasOne<Kampanj>().WithMany().HasForeignKey(x => x.KampanjId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KortlistadConfiguration : IEntityTypeConfiguration<Kortlistad>
{
    public void Configure(EntityTypeBuilder<Kortlistad> b)
    {
        b.ToTable("AretsChefKortlista");
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.TillagdAv).HasMaxLength(200);
        b.HasIndex(x => new { x.KampanjId, x.ChefPersonId }).IsUnique();
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(x => x.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JuryBedomningConfiguration : IEntityTypeConfiguration<JuryBedomning>
{
    public void Configure(EntityTypeBuilder<JuryBedomning> b)
    {
        b.ToTable("AretsChefJurybedomningar");
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.JurorUserId).HasMaxLength(450);
        b.Property(x => x.JurorNamn).HasMaxLength(200);
        b.Property(x => x.Anteckning).HasMaxLength(JuryBedomning.AnteckningMaxLangd);
        b.HasIndex(x => new { x.KampanjId, x.ChefPersonId, x.JurorUserId }).IsUnique();
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(x => x.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
