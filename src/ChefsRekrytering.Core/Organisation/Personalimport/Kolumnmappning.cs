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

    /// <summary>Longest header a municipality may name (the columns' length in the database).</summary>
    public const int MaxLangd = 100;

    /// <summary>Each column by its property, with what it means in Swedish: the mapping page's labels and its reasons.</summary>
    public static IReadOnlyList<(string Egenskap, string Betydelse)> Falt { get; } =
    [
        (nameof(Anstallningsnummer), "Anställningsnummer"),
        (nameof(Fornamn), "Förnamn"),
        (nameof(Efternamn), "Efternamn"),
        (nameof(Epost), "E-postadress"),
        (nameof(Enhetskod), "Enhetens kod"),
        (nameof(Enhetsnamn), "Enhetens namn"),
        (nameof(OverordnadEnhet), "Den överordnade enhetens kod"),
        (nameof(ChefensAnstallningsnummer), "Chefens anställningsnummer"),
        (nameof(Slutdatum), "Sista anställningsdag (kolumnen får saknas i filen)"),
    ];

    /// <summary>The header this municipality's export uses for the column <paramref name="egenskap"/> (one of <see cref="Falt"/>).</summary>
    public string Rubrik(string egenskap) => egenskap switch
    {
        nameof(Anstallningsnummer) => Anstallningsnummer,
        nameof(Fornamn) => Fornamn,
        nameof(Efternamn) => Efternamn,
        nameof(Epost) => Epost,
        nameof(Enhetskod) => Enhetskod,
        nameof(Enhetsnamn) => Enhetsnamn,
        nameof(OverordnadEnhet) => OverordnadEnhet,
        nameof(ChefensAnstallningsnummer) => ChefensAnstallningsnummer,
        nameof(Slutdatum) => Slutdatum,
        _ => throw new ArgumentOutOfRangeException(nameof(egenskap), egenskap, null),
    };

    internal void SattRubrik(string egenskap, string rubrik)
    {
        switch (egenskap)
        {
            case nameof(Anstallningsnummer): Anstallningsnummer = rubrik; break;
            case nameof(Fornamn): Fornamn = rubrik; break;
            case nameof(Efternamn): Efternamn = rubrik; break;
            case nameof(Epost): Epost = rubrik; break;
            case nameof(Enhetskod): Enhetskod = rubrik; break;
            case nameof(Enhetsnamn): Enhetsnamn = rubrik; break;
            case nameof(OverordnadEnhet): OverordnadEnhet = rubrik; break;
            case nameof(ChefensAnstallningsnummer): ChefensAnstallningsnummer = rubrik; break;
            case nameof(Slutdatum): Slutdatum = rubrik; break;
            default: throw new ArgumentOutOfRangeException(nameof(egenskap), egenskap, null);
        }
    }

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
            b.Property<string>(p).HasMaxLength(Kolumnmappning.MaxLangd);
        b.HasIndex(k => k.KommunId).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(k => k.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}
