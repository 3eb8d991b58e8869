using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Organisation.Personalimport;

/// <summary>
/// Which header of the municipality's personnel export holds what. HR systems name their columns differently; the
/// defaults are the Swedish names most exports use. One per municipality; none stored means the defaults.
/// </summary>
public class Kolumnmappning : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public string Anstallningsnummer { get; set; } = "Anställningsnummer";
    public string Fornamn { get; set; } = "Förnamn";
    public string Efternamn { get; set; } = "Efternamn";
    public string Epost { get; set; } = "E-post";
    public string Enhetskod { get; set; } = "Enhetskod";
    public string Enhetsnamn { get; set; } = "Enhetsnamn";
    public string OverordnadEnhet { get; set; } = "Överordnad enhet";
    public string ChefensAnstallningsnummer { get; set; } = "Chefens anställningsnummer";
    public string Slutdatum { get; set; } = "Slutdatum";

    /// <summary>The columns a file must have (the end date may be missing: then no one in the file has an end date).</summary>
    public IEnumerable<string> Obligatoriska() =>
        [Anstallningsnummer, Fornamn, Efternamn, Epost, Enhetskod, Enhetsnamn, OverordnadEnhet, ChefensAnstallningsnummer];
}

internal sealed class KolumnmappningConfiguration : IEntityTypeConfiguration<Kolumnmappning>
{
    public void Configure(EntityTypeBuilder<Kolumnmappning> b)
    {
        b.ToTable("Kolumnmappningar");
        b.Property(k => k.KommunId).HasMaxLength(40);
        foreach (var p in new[] { nameof(Kolumnmappning.Anstallningsnummer), nameof(Kolumnmappning.Fornamn), nameof(Kolumnmappning.Efternamn),
                     nameof(Kolumnmappning.Epost), nameof(Kolumnmappning.Enhetskod), nameof(Kolumnmappning.Enhetsnamn),
                     nameof(Kolumnmappning.OverordnadEnhet), nameof(Kolumnmappning.ChefensAnstallningsnummer), nameof(Kolumnmappning.Slutdatum) })
            b.Property<string>(p).HasMaxLength(100);
        b.HasIndex(k => k.KommunId).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(k => k.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}
