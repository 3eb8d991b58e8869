using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Avvecklingar;

public enum AvvecklingTillstand
{
    Initierad,
    Handlingsplan,
    [Display(Name = "Genomförande")] Genomforande,
    [Display(Name = "Utvärdering")] Utvardering,
    Avslutad,
}

public enum Initiering
{
    [Display(Name = "Arbetsgivarens bedömning")] Arbetsgivaren,
    [Display(Name = "Chefens egen begäran")] EgenBegaran,
}

/// <summary>The outcomes Älvsbyn's policy names: staying, a new role, back to the base profession, or an agreement.</summary>
public enum AvvecklingUtfall
{
    [Display(Name = "Fortsatt chefskap")] FortsattChefskap,
    [Display(Name = "Ny roll")] NyRoll,
    [Display(Name = "Återgång till grundprofession")] Grundprofession,
    [Display(Name = "Överenskommelse")] Overenskommelse,
}

/// <summary>
/// A confidential case about winding down a managership. Seen only by the manager concerned, the responsible
/// närmast högre chef (fixed when the case starts) and HR; every read and change is audit-logged.
/// </summary>
public class AvvecklingsArende : IWorkflowSubject<AvvecklingTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int ChefPersonId { get; set; }
    public required string ChefNamn { get; set; }
    /// <summary>The närmast högre chef when the case started; keeps responsibility (and access) if the org changes.</summary>
    public int? AnsvarigPersonId { get; set; }
    public required string AnsvarigNamn { get; set; }
    public Initiering Initiering { get; set; }
    public required string InitieradAvNamn { get; set; }
    public required string Bakgrund { get; set; }
    public AvvecklingTillstand State { get; set; } = AvvecklingTillstand.Initierad;
    public Guid Version { get; set; }
    public DateTime SkapadUtc { get; set; }
    public AvvecklingUtfall? Utfall { get; set; }
    public string? Utvardering { get; set; }
    public DateOnly? SistaDagSomChef { get; set; }
    public DateTime? AvslutadUtc { get; set; }
    public List<Atgard> Atgarder { get; set; } = [];
}

/// <summary>A dated action of the action plan, with an owner and a follow-up date; support such as coaching is an action.</summary>
public class Atgard : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int ArendeId { get; set; }
    public required string Beskrivning { get; set; }
    public required string Ansvarig { get; set; }
    public bool ArStod { get; set; }
    public DateOnly Datum { get; set; }
    public DateOnly Uppfoljning { get; set; }
    public DateTime? GenomfordUtc { get; set; }
    public DateTime? PaminndUtc { get; set; }
    public List<Uppfoljningsanteckning> Anteckningar { get; set; } = [];
}

public class Uppfoljningsanteckning : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int AtgardId { get; set; }
    public DateTime SkrivenUtc { get; set; }
    public required string Av { get; set; }
    public required string Text { get; set; }
}
