using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Ledarakademin;

public enum AktivitetTyp
{
    Medarbetarsamtal,
    [Display(Name = "Lönesamtal")] Lonesamtal,
    Utbildning,
    Ledarprogram,
    Coachning,
    [Display(Name = "Chefsnätverk")] Natverk,
    Annat,
}

/// <summary>One development activity of a manager: a yearly talk with their närmast högre chef, a course, a network
/// meeting. Ledarakademin's third step (kompetensutveckling) is read from these.</summary>
public class Utvecklingsaktivitet : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>The manager whose development this is.</summary>
    public int PersonId { get; set; }
    public AktivitetTyp Typ { get; set; }
    public DateOnly Datum { get; set; }
    public string? Beskrivning { get; set; }
    public required string RegistreradAv { get; set; }
    public DateTime RegistreradUtc { get; set; }

    /// <summary>The yearly talks the policy requires with the närmast högre chef ("medarbetarsamtal och lönesamtal").</summary>
    public static bool ArSamtal(AktivitetTyp typ) => typ is AktivitetTyp.Medarbetarsamtal or AktivitetTyp.Lonesamtal;
}
