using ChefsRekrytering.Calendar;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Ledarskap;

namespace ChefsRekrytering.Aterkoppling;

/// <summary>
/// One municipality's yearly round of feedback from below: every employee rates their own chef against the policy's
/// requirements, anonymously. HR opens it (every employee with a chef is mailed a link) and it closes after its last day,
/// or earlier when HR closes it. One per municipality and year.
/// </summary>
public class Aterkopplingsomgang : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int Ar { get; set; }
    /// <summary>The policy version whose requirements are rated: fixed when the round opens, so every answer rates the same.</summary>
    public Guid? PolicyversionId { get; set; }
    public DateOnly SistaDag { get; set; }
    public DateTime OppnadUtc { get; set; }
    /// <summary>Set when HR closed the round before its last day had passed.</summary>
    public DateTime? StangdUtc { get; set; }
    /// <summary>How many employees were invited when it opened: the participation is counted against them.</summary>
    public int AntalInbjudna { get; set; }

    /// <summary>When the round closed, or closes: HR's closing, or midnight after the last day.</summary>
    public DateTime StangerUtc => StangdUtc ?? SwedishTime.ToUtc(SistaDag.AddDays(1).ToDateTime(TimeOnly.MinValue));
    public bool ArOppen(DateTime nuUtc) => nuUtc < StangerUtc;
}

/// <summary>
/// WHO answered: that this employee has answered this round, and nothing else: not for whom, not what, not when. It
/// refuses a second answer and counts the participation; it is personal data, and goes with gallring some months after
/// the round closed (<see cref="AterkopplingOptions.GallraDeltagandeEfterManader"/>).
/// </summary>
public class AterkopplingDeltagande : IKommunEntity
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    public int OmgangId { get; set; }
    public int PersonId { get; set; }
}

/// <summary>
/// WHAT was answered, with nothing that leads back to who answered it: a random key (no order to join by), no person but
/// the chef it is about, no time (only the round), no link to the <see cref="AterkopplingDeltagande"/> row, which is written
/// in the same transaction so the two cannot be told apart by time either. Shown only in aggregate above the threshold.
/// </summary>
public class AterkopplingSvar : IKommunEntity
{
    public const int FritextMaxLangd = 2000;

    /// <summary>Random (<see cref="Guid.NewGuid"/>), never sequential.</summary>
    public Guid Id { get; set; }
    public required string KommunId { get; set; }
    public int OmgangId { get; set; }
    /// <summary>The chef the answer is about (the subject, never the one who answered).</summary>
    public int ChefPersonId { get; set; }
    /// <summary>The förvaltning the chef's unit belonged to when answered, for HR's aggregate; null outside every förvaltning.</summary>
    public int? ForvaltningId { get; set; }
    /// <summary>The rating of each requirement (by its stable id), on the self-assessment's scale.</summary>
    public Dictionary<string, Betyg> Betyg { get; set; } = [];
    public string? Fritext { get; set; }
}
