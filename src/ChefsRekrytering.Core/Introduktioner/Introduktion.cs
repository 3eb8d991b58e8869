using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Introduktioner;

public enum IntroduktionTillstand
{
    Planerad,
    [Display(Name = "Pågår")] Pagar,
    [Display(Name = "Uppföljning")] Uppfoljning,
    [Display(Name = "Genomförd")] Genomford,
    Avbruten,
}

public enum PunktAgare
{
    [Display(Name = "Den nya chefen")] NyChef,
    [Display(Name = "Anställande chef")] AnstallandeChef,
    HR,
}

public enum PunktTyp
{
    [Display(Name = "Ledarpolicyn")] Policyavsnitt,
    [Display(Name = "Möte")] Mote,
    Uppdragskontrakt,
    Ledarprogram,
    [Display(Name = "Uppföljningssamtal")] Uppfoljningssamtal,
    [Display(Name = "Övrigt")] Ovrigt,
}

/// <summary>A new manager's introduction: a checklist from the municipality's template and its policy, each item with
/// an owner and a due date relative to the start date (or to its creation, when the start date had passed). Driven by <see cref="IntroduktionWorkflow"/>.</summary>
public class Introduktion : IWorkflowSubject<IntroduktionTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>The new manager.</summary>
    public int ChefPersonId { get; set; }
    public Organisation.Person? Chef { get; set; }
    /// <summary>The policy version whose sections the new manager confirms having read.</summary>
    public Guid? PolicyversionId { get; set; }
    public required string ChefNamn { get; set; }
    public required string Befattning { get; set; }
    public int? EnhetId { get; set; }
    public DateOnly Startdatum { get; set; }
    /// <summary>The hiring manager, responsible for the introduction (Älvsbyn's policy).</summary>
    public string? AnstallandeChefUserId { get; set; }
    public required string AnstallandeChefNamn { get; set; }
    /// <summary>Set when created by a recruitment reaching Tillsatt; null when HR created it for someone hired outside the portal.</summary>
    public int? RekryteringId { get; set; }
    public IntroduktionTillstand State { get; set; } = IntroduktionTillstand.Planerad;
    public Guid Version { get; set; }
    public DateTime SkapadUtc { get; set; }
    public DateTime? GenomfordUtc { get; set; }
    /// <summary>When the welcome mail (and, for someone new, the account) went out.</summary>
    public DateTime? ValkomstUtc { get; set; }
    /// <summary>Why the welcome could not give the new manager an account (shown to HR), e.g. an address already used by an
    /// account of another municipality. Null when it went out as it should.</summary>
    public string? ValkomstHinder { get; set; }
    public List<IntroduktionPunkt> Punkter { get; set; } = [];

    public int Klara => Punkter.Count(p => p.KlarUtc is not null);
    public int Procent => Punkter.Count == 0 ? 0 : (int)Math.Round(100.0 * Klara / Punkter.Count);
}

/// <summary>One item of the checklist.</summary>
public class IntroduktionPunkt : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int IntroduktionId { get; set; }
    public PunktTyp Typ { get; set; }
    public required string Rubrik { get; set; }
    public string? Beskrivning { get; set; }
    public PunktAgare Agare { get; set; }
    public DateOnly Forfaller { get; set; }
    public bool Obligatorisk { get; set; } = true;
    /// <summary>For a policy section: the section's id, which the new manager confirms having read.</summary>
    public string? PolicyAvsnittId { get; set; }
    /// <summary>Follow-up talks are part of the Uppföljning phase; everything else belongs to the introduction proper.</summary>
    public bool ArUppfoljning => Typ == PunktTyp.Uppfoljningssamtal;
    public int Ordning { get; set; }
    public DateTime? KlarUtc { get; set; }
    public string? KlarAv { get; set; }
    public string? Kommentar { get; set; }
    public int PaminnelserSkickade { get; set; }
    public DateTime? SenastPaminndUtc { get; set; }
}
