using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Rekryteringar;

public enum KandidatTillstand
{
    Inkommen,
    Granskad,
    [Display(Name = "Intervju bokad")] IntervjuBokad,
    Intervjuad,
    [Display(Name = "Referenser tagna")] ReferenserTagna,
    [Display(Name = "Föreslagen")] Foreslagen,
    Erbjuden,
    [Display(Name = "Anställd")] Anstalld,
    [Display(Name = "Ej aktuell")] EjAktuell,
    [Display(Name = "Återtagen")] Atertagen,
    [Display(Name = "Tackat nej")] TackatNej,
}

/// <summary>One application to one recruitment. Driven by <see cref="KandidatWorkflow"/>.</summary>
public class Kandidat : IWorkflowSubject<KandidatTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public Rekrytering? Rekrytering { get; set; }
    public required string Fornamn { get; set; }
    public required string Efternamn { get; set; }
    public required string Epost { get; set; }
    public string? Telefon { get; set; }
    public KandidatTillstand State { get; set; } = KandidatTillstand.Inkommen;
    public Guid Version { get; set; }
    public DateTime InkomUtc { get; set; }
    /// <summary>The version of the information about personal data the form showed (<see cref="Personuppgiftsinformation"/>),
    /// and when the application came in; named from when the form asked for consent.</summary>
    public required string SamtyckeVersion { get; set; }
    public DateTime SamtyckeUtc { get; set; }
    /// <summary>SHA-256 of the private link's token: the token itself is only in the applicant's mail.</summary>
    public required string AtkomstHash { get; set; }
    /// <summary>Same e-mail, or same name and phone, as another application to this recruitment: flagged to HR.</summary>
    public int? MojligDubblettAvId { get; set; }
    /// <summary>When the applicant was told the outcome (an e-mail through the outbox).</summary>
    public DateTime? UtfallMeddelatUtc { get; set; }
    /// <summary>The refusal reason the recruiting side chose (its key and its name then); internal: the applicant sees only the mail.</summary>
    public string? AvslagsskalNyckel { get; set; }
    public string? AvslagsskalNamn { get; set; }
    public DateOnly? Startdatum { get; set; }
    public string? Erbjudandevillkor { get; set; }
    public DateTime? ErbjudetUtc { get; set; }
    public DateTime? SvarUtc { get; set; }
    /// <summary>The language the applicant applied in ("sv" or "en"): their page and every mail to them follow it.</summary>
    public string Sprak { get; set; } = ChefsRekrytering.Sprak.Svenska;
    /// <summary>Whom a mail to the applicant goes to, in the applicant's language.</summary>
    public Notifications.MailRecipient Mottagare => new(Epost, Namn, Sprak);
    /// <summary>Set when the applicant's personal data has been deleted (gallring); the row stays for statistics.</summary>
    public DateTime? GallradUtc { get; set; }

    /// <summary>When this applicant's name was shown in an anonymised screening: called to interview (logged).</summary>
    public DateTime? AnonymitetHavdUtc { get; set; }

    public List<Urvalssvar> Urvalssvar { get; set; } = [];
    public List<Bedomning> Bedomningar { get; set; } = [];
    public List<Referens> Referenser { get; set; } = [];
    /// <summary>Notes and labels by those who run the recruitment (<see cref="AnteckningService"/>).</summary>
    public List<Anteckning> Anteckningar { get; set; } = [];
    public List<KandidatTagg> Taggar { get; set; } = [];

    /// <summary>Shown wherever an applicant whose personal data is deleted would have been named.</summary>
    public const string GallradNamn = "Gallrad sökande";

    /// <summary>The name, or <see cref="GallradNamn"/> once gallring has blanked it, so no page needs to remember the rule.</summary>
    public string Namn => GallradUtc is null ? $"{Fornamn} {Efternamn}" : GallradNamn;
    public bool ArAvslutad => !Oppna.Contains(State);

    /// <summary>What the recruitment's pages call the applicant: "Sökande 7" while the screening is anonymous for them
    /// (<see cref="RekryteringAccess.ArAnonym"/>), else <see cref="Namn"/>. Needs <see cref="Rekrytering"/> with its
    /// applicants loaded, as every recruitment page has it; without it nothing is named.</summary>
    public string Visningsnamn => Rekrytering is not { } r ? throw new InvalidOperationException("Visningsnamn behöver rekryteringen.")
        : RekryteringAccess.ArAnonym(r, this) ? $"Sökande {r.Lopnummer(this)}" : Namn;

    /// <summary>The states from the interview booking on: the applicant has been called, so is no longer anonymous.</summary>
    public static readonly FrozenSet<KandidatTillstand> KalladTillIntervju = Set(
        KandidatTillstand.IntervjuBokad, KandidatTillstand.Intervjuad, KandidatTillstand.ReferenserTagna, KandidatTillstand.Foreslagen,
        KandidatTillstand.Erbjuden, KandidatTillstand.Anstalld, KandidatTillstand.TackatNej);

    // The states by what they mean, so no rule depends on the order the states are declared in.
    /// <summary>Still in the recruitment: every state but the four that end an application.</summary>
    public static readonly FrozenSet<KandidatTillstand> Oppna = Set(
        KandidatTillstand.Inkommen, KandidatTillstand.Granskad, KandidatTillstand.IntervjuBokad, KandidatTillstand.Intervjuad,
        KandidatTillstand.ReferenserTagna, KandidatTillstand.Foreslagen, KandidatTillstand.Erbjuden);
    /// <summary>Reviewed and still in: interviews can start.</summary>
    public static readonly FrozenSet<KandidatTillstand> GranskadOchKvar = Set(
        KandidatTillstand.Granskad, KandidatTillstand.IntervjuBokad, KandidatTillstand.Intervjuad, KandidatTillstand.ReferenserTagna,
        KandidatTillstand.Foreslagen, KandidatTillstand.Erbjuden);
    /// <summary>Interviewed and still in: references can be taken.</summary>
    public static readonly FrozenSet<KandidatTillstand> IntervjuadOchKvar = Set(
        KandidatTillstand.Intervjuad, KandidatTillstand.ReferenserTagna, KandidatTillstand.Foreslagen, KandidatTillstand.Erbjuden);

    private static FrozenSet<KandidatTillstand> Set(params KandidatTillstand[] states) => states.ToFrozenSet();
}

/// <summary>One interviewer's score for one competence of one candidate (1–5, with a comment).</summary>
public class Bedomning : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public int KompetensId { get; set; }
    public required string BedomareUserId { get; set; }
    public required string BedomareNamn { get; set; }
    public int Poang { get; set; }
    public string? Kommentar { get; set; }
    public DateTime SparadUtc { get; set; }
}

/// <summary>A reference taken for a candidate.</summary>
public class Referens : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public required string Namn { get; set; }
    public required string Relation { get; set; }
    public string? Kontakt { get; set; }
    public required string Anteckningar { get; set; }
    public DateTime TagenUtc { get; set; }
    public required string TagenAv { get; set; }
}
