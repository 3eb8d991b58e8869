using System.Text.Json;
using ChefsRekrytering.Ledarskap;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Aterkoppling;

internal sealed class AterkopplingsomgangConfiguration : IEntityTypeConfiguration<Aterkopplingsomgang>
{
    public void Configure(EntityTypeBuilder<Aterkopplingsomgang> b)
    {
        b.ToTable("Aterkopplingsomgangar");
        b.Property(o => o.KommunId).HasMaxLength(40);
        // One round per municipality and year: the pages and the answer name it by year.
        b.HasIndex(o => new { o.KommunId, o.Ar }).IsUnique();
    }
}

internal sealed class AterkopplingDeltagandeConfiguration : IEntityTypeConfiguration<AterkopplingDeltagande>
{
    public void Configure(EntityTypeBuilder<AterkopplingDeltagande> b)
    {
        b.ToTable("AterkopplingDeltagande");
        b.Property(x => x.KommunId).HasMaxLength(40);
        // One answer per employee and round: the guarantee behind "Du har redan svarat".
        b.HasIndex(x => new { x.OmgangId, x.PersonId }).IsUnique();
        b.HasOne<Aterkopplingsomgang>().WithMany().HasForeignKey(x => x.OmgangId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AterkopplingSvarConfiguration : IEntityTypeConfiguration<AterkopplingSvar>
{
    private static readonly JsonSerializerOptions Json = new();

    public void Configure(EntityTypeBuilder<AterkopplingSvar> b)
    {
        b.ToTable("AterkopplingSvar");
        // A random key, made by the portal, never by the database: no order of insertion to join the participation by.
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Fritext).HasMaxLength(AterkopplingSvar.FritextMaxLangd);
        // The ratings in the row, by requirement id and step name: one row per answer, so no child rows with ids of their own.
        b.Property(x => x.Betyg).HasConversion(
            v => JsonSerializer.Serialize(v.ToDictionary(p => p.Key, p => p.Value.ToString()), Json),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, Json)!.ToDictionary(p => p.Key, p => Enum.Parse<Betyg>(p.Value)),
            new ValueComparer<Dictionary<string, Betyg>>((a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)), v => v.ToDictionary(p => p.Key, p => p.Value)));
        b.HasIndex(x => new { x.OmgangId, x.ChefPersonId });
        b.HasOne<Aterkopplingsomgang>().WithMany().HasForeignKey(x => x.OmgangId).OnDelete(DeleteBehavior.Cascade);
        // The chef the answer is about: restricted, a chef's feedback is not lost with a mistaken delete.
        b.HasOne<Organisation.Person>().WithMany().HasForeignKey(x => x.ChefPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
