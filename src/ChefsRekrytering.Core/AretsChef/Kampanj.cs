using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.AretsChef;

public enum KampanjTillstand
{
    Planerad,
    [Display(Name = "Nominering öppen")] NomineringOppen,
    [Display(Name = "Nominering stängd")] NomineringStangd,
    Juryarbete,
    Beslutad,
    [Display(Name = "Tillkännagiven")] Tillkannagiven,
}

/// <summary>
/// One municipality's Årets chef for one year (Älvsbyn: "Varje år utses årets chef ... Samtliga anställda har möjlighet
/// att nominera"). The nomination opens and closes by itself on its dates; the jury shortlists, scores and decides; HR
/// announces. Driven by <see cref="AretsChefWorkflow"/>.
/// </summary>
public class Kampanj : IWorkflowSubject<KampanjTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int Ar { get; set; }
    /// <summary>The policy version whose values are among the criteria.</summary>
    public Guid? PolicyversionId { get; set; }
    /// <summary>The version of the municipality's criteria template (<see cref="Notifications.Listmallar.AretsChef"/>) the
    /// nomination uses: fixed when it opens, so no nomination is written against criteria that later change; until then
    /// (null) the municipality's current version.</summary>
    public int? Kriterieversion { get; set; }
    public KampanjTillstand State { get; set; } = KampanjTillstand.Planerad;
    public Guid Version { get; set; }
    public DateTime SkapadUtc { get; set; }

    /// <summary>The nomination opens at midnight (Swedish time) starting this day ...</summary>
    public DateOnly Oppnar { get; set; }
    /// <summary>... and closes at midnight after this day, its last day.</summary>
    public DateOnly SistaDag { get; set; }

    /// <summary>Whether the jury sees who nominated. Fixed once the nomination opens, because a nominator was told which
    /// it is when nominating. The nominee never sees it either way.</summary>
    public bool JurynSerNominatorer { get; set; }
    /// <summary>Whether the announcement is also shown on a public page, without sign-in.</summary>
    public bool Offentlig { get; set; }

    /// <summary>The invitation mails go out in batches; the last person invited, so a retried job continues rather than
    /// inviting anyone twice.</summary>
    public int InbjudenTillOchMedPersonId { get; set; }
    /// <summary>Set when every employee has been invited.</summary>
    public DateTime? InbjudningarSkickadeUtc { get; set; }

    /// <summary>The jury's decision; name and unit are kept as they were, so the announcement stands after a reorganisation.</summary>
    public int? VinnarePersonId { get; set; }
    public string? VinnareNamn { get; set; }
    public string? VinnareEnhet { get; set; }
    public string? Motivering { get; set; }
    public DateTime? BeslutadUtc { get; set; }
    public string? BeslutadAv { get; set; }
    public DateTime? TillkannagivenUtc { get; set; }

    public List<Kortlistad> Kortlista { get; set; } = [];
    public List<JuryBedomning> Bedomningar { get; set; } = [];

    public DateTime OppnarUtc => SwedishTime.ToUtc(Oppnar.ToDateTime(TimeOnly.MinValue));
    public DateTime StangerUtc => SwedishTime.ToUtc(SistaDag.AddDays(1).ToDateTime(TimeOnly.MinValue));
    public bool ArKortlistad(int personId) => Kortlista.Any(k => k.ChefPersonId == personId);
}

/// <summary>
/// One employee's nomination of one manager, with a motivation per criterion. One per nominator and campaign (a unique
/// index): nominating again replaces it. Who nominated is never shown to the nominee.
/// </summary>
public class Nominering : IKommunEntity
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    public int KampanjId { get; set; }
    public int NominatorPersonId { get; set; }
    /// <summary>The nominee: a person who leads a unit.</summary>
    public int ChefPersonId { get; set; }
    public Organisation.Person? Chef { get; set; }
    /// <summary>The unit the nominee led when nominated, for the statistics per unit.</summary>
    public int? EnhetId { get; set; }
    /// <summary>The motivations with each criterion's heading as the nominator saw it, so a later template change does
    /// not change what was answered. Stored in the row as JSON: a nomination is written by one statement.</summary>
    public List<Motivering> Motiveringar { get; set; } = [];
    public DateTime SkapadUtc { get; set; }
    public DateTime AndradUtc { get; set; }
}

public sealed record Motivering(string KriteriumId, string Rubrik, string Text);

/// <summary>
/// An employee invited to nominate when the campaign opened, with the unit they belonged to then. The campaign's
/// participation is counted against these, so a closed campaign's "3 av 17" stays so when people come, go or move.
/// </summary>
public class Inbjuden : IKommunEntity
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    public int KampanjId { get; set; }
    public int PersonId { get; set; }
    public int? EnhetId { get; set; }
}

/// <summary>
/// An employee who asked to be mailed when this campaign's Årets chef is announced. Open to every employee, not only
/// nominees, so the wish says nothing about who was nominated; removed again when they change their mind.
/// </summary>
public class Bevakare : IKommunEntity
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    public int KampanjId { get; set; }
    public int PersonId { get; set; }
    public DateTime SkapadUtc { get; set; }
}

/// <summary>A nominee the jury has put on its shortlist.</summary>
public class Kortlistad : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KampanjId { get; set; }
    public int ChefPersonId { get; set; }
    public required string TillagdAv { get; set; }
    public DateTime TillagdUtc { get; set; }
}

/// <summary>One juror's score (1–5) and note for one shortlisted nominee; the juror may change it until the decision.</summary>
public class JuryBedomning : IKommunEntity
{
    public const int AnteckningMaxLangd = 2000;

    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KampanjId { get; set; }
    public int ChefPersonId { get; set; }
    public required string JurorUserId { get; set; }
    public required string JurorNamn { get; set; }
    public int Poang { get; set; }
    public string? Anteckning { get; set; }
    public DateTime AndradUtc { get; set; }
}
