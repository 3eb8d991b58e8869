using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Ledarskap;

public enum SjalvskattningTillstand
{
    Utkast,
    [Display(Name = "Inlämnad")] Inlamnad,
    Diskuterad,
}

/// <summary>Four steps, no middle: a manager must lean one way. Stored by name, so the scale can be reworded.</summary>
public enum Betyg
{
    [Display(Name = "Utvecklingsområde")] Utvecklingsomrade = 1,
    Delvis = 2,
    [Display(Name = "Väl")] Val = 3,
    [Display(Name = "Föredöme")] Foredome = 4,
}

/// <summary>
/// A manager's yearly self-assessment against every item of the municipality's policy (Kalix: "checklista för det egna
/// ledarskapet"), prepared by the manager and discussed with the närmast högre chef in the yearly talk. One per manager
/// and year; earlier years stay for comparison. Driven by <see cref="SjalvskattningWorkflow"/>.
/// </summary>
public class Sjalvskattning : IWorkflowSubject<SjalvskattningTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int ChefPersonId { get; set; }
    public Person? Chef { get; set; }
    public int Ar { get; set; }
    /// <summary>The policy version whose requirements are assessed.</summary>
    public Guid? PolicyversionId { get; set; }
    public SjalvskattningTillstand State { get; set; } = SjalvskattningTillstand.Utkast;
    public Guid Version { get; set; }
    public List<SjalvskattningRad> Rader { get; set; } = [];
    public DateTime SkapadUtc { get; set; }
    public DateTime? InlamnadUtc { get; set; }

    /// <summary>The employer side's summary of the talk.</summary>
    public string? SamtalKommentar { get; set; }
    public DateTime? DiskuteradUtc { get; set; }
    public string? DiskuteradAv { get; set; }

    public IEnumerable<SjalvskattningRad> Ordnade => Rader.OrderBy(r => r.Ordning);

    /// <summary>A new self-assessment with one row per requirement of the policy, its text as it is now.</summary>
    public static Sjalvskattning For(Person chef, int ar, LeadershipPolicy policy, DateTime nowUtc) => new()
    {
        KommunId = chef.KommunId, ChefPersonId = chef.Id, Ar = ar, SkapadUtc = nowUtc, PolicyversionId = policy.VersionId,
        Rader = policy.AllaKrav.Select((k, i) => new SjalvskattningRad
        {
            KommunId = chef.KommunId, KravId = k.Id, OmradeId = k.AreaId, Omrade = k.AreaNamn, Text = k.Text, Ordning = i,
        }).ToList(),
    };
}

/// <summary>One policy requirement, as its text was the year it was assessed, with the manager's rating and comment.</summary>
public class SjalvskattningRad : IKommunEntity
{
    public const int KommentarMaxLangd = 2000;

    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int SjalvskattningId { get; set; }
    /// <summary>The requirement's stable id in the policy: what links this year's row to last year's.</summary>
    public required string KravId { get; set; }
    public required string OmradeId { get; set; }
    public required string Omrade { get; set; }
    public required string Text { get; set; }
    public int Ordning { get; set; }
    public Betyg? Betyg { get; set; }
    public string? Kommentar { get; set; }
}
