using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Ledarskap;

public enum UppdragskontraktTillstand
{
    Utkast,
    [Display(Name = "Bekräftat")] Bekraftat,
    Ersatt,
}

public enum OmprovningsUtfall
{
    [Display(Name = "Kontraktet fortsätter gälla")] FortsatterGalla,
    [Display(Name = "En ny version behövs")] NyVersionBehovs,
}

/// <summary>
/// One version of a manager's uppdragskontrakt (Ljusnarsberg): the agreement between the manager and the principal
/// (uppdragsgivaren) of responsibility, commitments and required results, with the policy's expectations as its base.
/// Each version is its own row: a confirmed version never changes, an edit makes the next one, and the earlier version
/// stays, marked Ersatt, once the next is confirmed by both sides. Driven by <see cref="UppdragskontraktWorkflow"/>.
/// </summary>
public class Uppdragskontrakt : IWorkflowSubject<UppdragskontraktTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int ChefPersonId { get; set; }
    public Person? Chef { get; set; }
    /// <summary>The policy version its requirements and expectations were copied from.</summary>
    public Guid? PolicyversionId { get; set; }

    /// <summary>The contract's own version: 1, 2, 3 ... per manager, shown to people.</summary>
    public int Versionsnummer { get; set; }

    /// <summary>Optimistic concurrency token (changes on every save), not the contract's version; see <see cref="Versionsnummer"/>.</summary>
    public Guid Version { get; set; }

    public UppdragskontraktTillstand State { get; set; } = UppdragskontraktTillstand.Utkast;

    /// <summary>The principal: by default the manager's närmast högre chef; null person for a principal outside the org
    /// tree, such as the municipal board for the kommunchef.</summary>
    public int? UppdragsgivarePersonId { get; set; }
    public required string UppdragsgivareNamn { get; set; }

    public string Ansvar { get; set; } = "";
    public string Ataganden { get; set; } = "";
    public string Resultatkrav { get; set; } = "";

    /// <summary>Snapshot of the policy's "what the manager may expect from the employer" when the version was written,
    /// so a later change of the policy does not change what was agreed.</summary>
    public List<string> Forvantningar { get; set; } = [];
    /// <summary>How the employer meets those expectations in this assignment (support, dialogue, development).</summary>
    public string? ForvantningarKommentar { get; set; }
    /// <summary>The policy requirements this contract emphasises, with their text as it was.</summary>
    public List<UppdragskontraktKrav> Krav { get; set; } = [];

    public DateTime? ChefBekraftadUtc { get; set; }
    public DateTime? UppdragsgivareBekraftadUtc { get; set; }
    /// <summary>Who confirmed for the employer: the principal or HR.</summary>
    public string? UppdragsgivareBekraftadAv { get; set; }

    public DateOnly? GiltigFran { get; set; }
    /// <summary>One year after confirmation, moved on by each re-assessment that lets the contract continue.</summary>
    public DateOnly? OmprovasSenast { get; set; }
    public DateTime? OmprovningPaminndUtc { get; set; }
    public DateTime? ErsattUtc { get; set; }
    public List<UppdragskontraktOmprovning> Omprovningar { get; set; } = [];

    public DateTime SkapadUtc { get; set; }

    public bool ArBekraftatAvBada => ChefBekraftadUtc is not null && UppdragsgivareBekraftadUtc is not null;

    /// <summary>A change after one side confirmed means that side has not confirmed what the contract now says.</summary>
    public void ClearConfirmations()
    {
        ChefBekraftadUtc = null;
        UppdragsgivareBekraftadUtc = null;
        UppdragsgivareBekraftadAv = null;
    }
}

/// <summary>A policy requirement the contract emphasises.</summary>
public class UppdragskontraktKrav : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int UppdragskontraktId { get; set; }
    /// <summary>The requirement's stable id in the policy.</summary>
    public required string KravId { get; set; }
    public required string Omrade { get; set; }
    public required string Text { get; set; }
    public int Ordning { get; set; }
}

/// <summary>A yearly re-assessment of a confirmed contract (the policy: "regelbundet bedömas innehålls- och resultatmässigt").</summary>
public class UppdragskontraktOmprovning : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int UppdragskontraktId { get; set; }
    public DateOnly Datum { get; set; }
    public required string Anteckning { get; set; }
    public OmprovningsUtfall Utfall { get; set; }
    public required string RegistreradAv { get; set; }
    public DateTime RegistreradUtc { get; set; }
}
