using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Platsbanken;

public enum Platsbanksstatus
{
    [Display(Name = "Ej skickad")] EjSkickad,
    [Display(Name = "Väntar")] Vantar,
    [Display(Name = "Publicerad i Platsbanken")] Publicerad,
    [Display(Name = "Avvisad")] Avvisad,
    [Display(Name = "Återkallad")] Aterkallad,
}

/// <summary>A recruitment's advert as sent to Platsbanken: where it stands there and Arbetsförmedlingen's id for it.
/// What is to be sent is decided when the job runs, from the recruitment as it then is.</summary>
public class PlatsbankenAnnons : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public Platsbanksstatus Status { get; set; } = Platsbanksstatus.EjSkickad;
    /// <summary>Arbetsförmedlingen's id of the advert, from its answer to the first POST.</summary>
    public string? PlatsbankenId { get; set; }
    /// <summary>Arbetsförmedlingen's own message when it refused the advert (status Avvisad).</summary>
    public string? Felmeddelande { get; set; }
    /// <summary>Why the last try did not reach Arbetsförmedlingen; cleared when it answers. No personal data.</summary>
    public string? SenasteForsok { get; set; }
    public DateTime? SkickadUtc { get; set; }
}

internal sealed class PlatsbankenAnnonsConfiguration : IEntityTypeConfiguration<PlatsbankenAnnons>
{
    public void Configure(EntityTypeBuilder<PlatsbankenAnnons> b)
    {
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.PlatsbankenId).HasMaxLength(100);
        b.Property(a => a.Felmeddelande).HasMaxLength(2000);
        b.Property(a => a.SenasteForsok).HasMaxLength(500);
        b.HasIndex(a => a.RekryteringId).IsUnique();
        b.HasOne<Rekryteringar.Rekrytering>().WithMany().HasForeignKey(a => a.RekryteringId).OnDelete(DeleteBehavior.Cascade);
    }
}
