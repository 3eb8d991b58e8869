using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Rekryteringar;

public enum UrvalsfragaTyp
{
    [Display(Name = "Ja eller nej")] JaNej,
    [Display(Name = "Flerval (ett av alternativen)")] Flerval,
    [Display(Name = "Tal")] Tal,
    [Display(Name = "Fritext")] Fritext,
}

/// <summary>
/// A screening question every applicant to the recruitment answers on the application form. Written while the advert is
/// written and locked once it is published, so every applicant answered the same questions. A question may be a
/// requirement (<see cref="ArKrav"/>): for ja/nej the required answer, for a number the minimum, for flerval the accepted
/// options; the candidate list marks whoever does not meet it.
/// </summary>
public class Urvalsfraga : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public int Ordning { get; set; }
    public UrvalsfragaTyp Typ { get; set; }
    public required string Text { get; set; }
    /// <summary>Flerval's options, one per line.</summary>
    public string Alternativtext { get; set; } = "";
    public bool ArKrav { get; set; }
    /// <summary>The requirement: "Ja"/"Nej", the minimum number (invariant), or the accepted options one per line.</summary>
    public string? Kravvarde { get; set; }

    public const string Ja = "Ja";
    public const string Nej = "Nej";

    public IReadOnlyList<string> Alternativ => Typ switch
    {
        UrvalsfragaTyp.JaNej => [Ja, Nej],
        UrvalsfragaTyp.Flerval => Rader(Alternativtext),
        _ => [],
    };

    public IReadOnlyList<string> GodkandaAlternativ => Rader(Kravvarde);

    /// <summary>Whether the answer meets the requirement; true for a question that is no requirement.</summary>
    public bool Uppfylls(string? svar) => !ArKrav || svar is not null && Typ switch
    {
        UrvalsfragaTyp.JaNej => svar == Kravvarde,
        UrvalsfragaTyp.Tal => Tal(svar) is { } t && Tal(Kravvarde) is { } min && t >= min,
        UrvalsfragaTyp.Flerval => GodkandaAlternativ.Contains(svar),
        _ => true,
    };

    /// <summary>The requirement in words, for the list's mark and the question page.</summary>
    public string? Kravtext => !ArKrav ? null : Typ switch
    {
        UrvalsfragaTyp.JaNej => $"svaret ska vara {Kravvarde?.ToLowerInvariant()}",
        UrvalsfragaTyp.Tal => $"minst {Visa(Kravvarde)}",
        UrvalsfragaTyp.Flerval => $"ett av: {string.Join(", ", GodkandaAlternativ)}",
        _ => null,
    };

    /// <summary>A number as the applicant may write it (3, 3,5 or 3.5, with spaces between thousands); null when it is none.</summary>
    public static decimal? Tal(string? text) =>
        decimal.TryParse(new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.'),
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) ? t : null;

    /// <summary>A stored number the Swedish way (3,5).</summary>
    public static string Visa(string? varde) => Tal(varde) is { } t ? t.ToString("0.##", SwedishNumber) : varde ?? "";

    private static readonly CultureInfo SwedishNumber = CultureInfo.GetCultureInfo("sv-SE");

    internal static List<string> Rader(string? text) =>
        (text ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
}

/// <summary>One applicant's answer to one screening question, as the form sent it (a number stored invariant). Personal
/// data: part of the register extract and deleted with the rest at gallring.</summary>
public class Urvalssvar : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public int UrvalsfragaId { get; set; }
    public Urvalsfraga? Fraga { get; set; }
    public required string Varde { get; set; }
}

internal sealed class UrvalsfragaConfiguration : IEntityTypeConfiguration<Urvalsfraga>
{
    public void Configure(EntityTypeBuilder<Urvalsfraga> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Alternativtext).HasMaxLength(2000);
        b.Property(x => x.Kravvarde).HasMaxLength(2000);
        b.Ignore(x => x.Alternativ);
        b.Ignore(x => x.GodkandaAlternativ);
        b.Ignore(x => x.Kravtext);
        b.HasIndex(x => new { x.RekryteringId, x.Ordning });
    }
}

internal sealed class UrvalssvarConfiguration : IEntityTypeConfiguration<Urvalssvar>
{
    public void Configure(EntityTypeBuilder<Urvalssvar> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Varde).HasMaxLength(2000);
        b.HasIndex(x => new { x.KandidatId, x.UrvalsfragaId }).IsUnique();
        b.HasOne(x => x.Fraga).WithMany().HasForeignKey(x => x.UrvalsfragaId).OnDelete(DeleteBehavior.Restrict);
    }
}
