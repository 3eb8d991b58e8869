using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>The outcome an applicant was told, which their answer about the recruitment is counted under.</summary>
public enum Utfallsslag
{
    [Display(Name = "Ej aktuell")] EjAktuell,
    [Display(Name = "Tjänsten tillsatt")] Tillsatt,
    [Display(Name = "Rekryteringen avbruten")] Avbruten,
    [Display(Name = "Anställd")] Anstalld,
}

/// <summary>
/// One applicant's answer to "Hur upplevde du rekryteringen?", kept apart from the application so that no report and no
/// reader can tell whose it is: the recruitment, the outcome kind, the score, the comment and the day, never the candidate.
/// That the applicant has answered is marked on their <see cref="Upplevelseinbjudan"/>, without time or link to this row.
/// </summary>
public class Kandidatupplevelse : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public Utfallsslag Utfall { get; set; }
    /// <summary>1 (poorly) to 5 (very well).</summary>
    public int Betyg { get; set; }
    public string? Kommentar { get; set; }
    /// <summary>The Swedish day of the answer (no time of day: the reports count by period, and a time would point at a person).</summary>
    public DateOnly Datum { get; set; }

    public const int KommentarMaxLangd = 2000;
}

/// <summary>
/// The offer of the experience question to one applicant, made when they are told the outcome: the outcome kind, the hash
/// of the link in the outcome mail (it opens their own page like the private link) and whether they have answered.
/// </summary>
public class Upplevelseinbjudan : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public Utfallsslag Utfall { get; set; }
    public required string AtkomstHash { get; set; }
    public bool Besvarad { get; set; }

    /// <summary>The outcome an applicant may be asked about: the one they were told, else hired; null before any outcome
    /// (and for a withdrawal or a declined offer, which are the applicant's own steps, not an outcome they were given).</summary>
    public static Utfallsslag? UtfallFor(Kandidat k, Upplevelseinbjudan? inbjudan) =>
        inbjudan?.Utfall ?? (k.State == KandidatTillstand.Anstalld ? Utfallsslag.Anstalld : null);
}

internal sealed class KandidatupplevelseConfiguration : IEntityTypeConfiguration<Kandidatupplevelse>
{
    public void Configure(EntityTypeBuilder<Kandidatupplevelse> b)
    {
        b.Property(u => u.KommunId).HasMaxLength(40);
        b.Property(u => u.Utfall).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.Kommentar).HasMaxLength(Kandidatupplevelse.KommentarMaxLangd);
        b.HasIndex(u => new { u.RekryteringId, u.Datum });
        b.HasOne<Rekrytering>().WithMany().HasForeignKey(u => u.RekryteringId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UpplevelseinbjudanConfiguration : IEntityTypeConfiguration<Upplevelseinbjudan>
{
    public void Configure(EntityTypeBuilder<Upplevelseinbjudan> b)
    {
        b.Property(i => i.KommunId).HasMaxLength(40);
        b.Property(i => i.Utfall).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.AtkomstHash).HasMaxLength(64);
        b.HasIndex(i => i.AtkomstHash).IsUnique();
        b.HasIndex(i => i.KandidatId).IsUnique(); // one offer per applicant: answered once
        b.Property(i => i.Besvarad).IsConcurrencyToken(); // two answers in the same instant: the second saves nothing
        b.HasOne<Kandidat>().WithMany().HasForeignKey(i => i.KandidatId).OnDelete(DeleteBehavior.Cascade);
    }
}
