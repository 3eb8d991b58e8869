using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Rekryteringar;

public enum RekryteringsTillstand
{
    Utkast,
    [Display(Name = "Behovsprövning")] Behovsprovning,
    Kravprofil,
    Annonserad,
    Urval,
    Intervjuer,
    Referenser,
    [Display(Name = "Facklig samverkan (MBL)")] FackligSamverkan,
    Beslut,
    Erbjudande,
    Tillsatt,
    Avbruten,
}

public enum Anstallningsform { [Display(Name = "Tillsvidare")] Tillsvidare, [Display(Name = "Visstid")] Visstid }

public enum LasUtfall
{
    [Display(Name = "Ingen har företrädesrätt till tjänsten")] IngenForetradesratt,
    [Display(Name = "Företrädesrätt finns och har erbjudits – avböjd")] ForetradesrattAvbojd,
}

/// <summary>One hiring of a manager, from the first need to a signed offer. Its state is driven by <see cref="RekryteringWorkflow"/>.</summary>
public class Rekrytering : IWorkflowSubject<RekryteringsTillstand>
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public required string Diarienummer { get; set; }
    public required string Titel { get; set; }
    public int EnhetId { get; set; }
    public Enhet? Enhet { get; set; }
    /// <summary>The recruiting manager, who owns the recruitment.</summary>
    public required string AgareUserId { get; set; }
    public required string AgareNamn { get; set; }
    public RekryteringsTillstand State { get; set; } = RekryteringsTillstand.Utkast;
    public Guid Version { get; set; }
    public DateTime SkapadUtc { get; set; }

    // Behovsprövning
    public string Behovsbeskrivning { get; set; } = "";
    public Anstallningsform Anstallningsform { get; set; } = Anstallningsform.Tillsvidare;
    public int Omfattning { get; set; } = 100;
    public DateOnly? OnskatTilltrade { get; set; }
    public DateTime? BehovGodkantUtc { get; set; }
    public string? BehovGodkantAv { get; set; }

    // LAS 25 §: former employees' priority right, checked before the post is advertised.
    public LasUtfall? LasUtfall { get; set; }
    public string? LasKommentar { get; set; }
    public DateTime? LasKontrolleradUtc { get; set; }
    public string? LasKontrolleradAv { get; set; }

    // Annons
    public string Annonstext { get; set; } = "";
    public DateOnly? SistaAnsokningsdag { get; set; }
    public DateTime? PubliceradUtc { get; set; }
    // What Platsbanken needs (JobTech taxonomy concept ids, see Platsbanken.Platsbankstaxonomi) and the workplace address.
    public string? YrkeBegrepp { get; set; }
    public string? KommunBegrepp { get; set; }
    public string? AnstallningstypBegrepp { get; set; }
    public string? VaraktighetBegrepp { get; set; }
    public string? ArbetstidBegrepp { get; set; }
    public string? LonetypBegrepp { get; set; }
    public string? ArbetsplatsGatuadress { get; set; }
    public string? ArbetsplatsPostnummer { get; set; }
    public string? ArbetsplatsOrt { get; set; }

    // MBL 11 §
    public DateOnly? MblDatum { get; set; }
    public string? MblParter { get; set; }
    public string? MblUtfall { get; set; }
    public string? MblRegistreradAv { get; set; }

    // Anställningsbeslut
    public DateOnly? BeslutDatum { get; set; }
    public string? Beslutsfattare { get; set; }
    public int? ValdKandidatId { get; set; }
    public string? BeslutMotivering { get; set; }

    public DateTime? TillsattUtc { get; set; }
    public string? AvbrottsSkal { get; set; }
    /// <summary>When the hiring decision was taken: gallring of applicants' data counts from here.</summary>
    public DateTime? BeslutUtc { get; set; }
    /// <summary>When the recruitment was cancelled: a cancelled recruitment's applicants are kept as long, counted from here.
    /// Null for one cancelled before this was recorded; the journal has the time (see <see cref="Arkiv.Gallring"/>).</summary>
    public DateTime? AvbrutenUtc { get; set; }
    /// <summary>A hold (e.g. a discrimination claim) stops gallring of this recruitment; set and lifted by HR, with a reason.</summary>
    public bool GallringsStopp { get; set; }
    public string? GallringsStoppSkal { get; set; }
    public string? GallringsStoppAv { get; set; }
    public DateTime? GallringsStoppUtc { get; set; }

    // Urval: screening questions and the anonymised first screening, both chosen before the advert is published.
    /// <summary>The screeners see "Sökande 7" and the answers, not who applied, until the applicant is called to interview
    /// or the anonymity is lifted (<see cref="RekryteringAccess.ArAnonym"/>).</summary>
    public bool AnonymtUrval { get; set; }
    /// <summary>When the owner or HR lifted the anonymity for every applicant, who and why (also in the audit log).</summary>
    public DateTime? AnonymitetHavdUtc { get; set; }
    public string? AnonymitetHavdAv { get; set; }
    public string? AnonymitetHavdSkal { get; set; }

    public List<Urvalsfraga> Urvalsfragor { get; set; } = [];
    public List<Kravprofil> Kravprofiler { get; set; } = [];
    public List<Kandidat> Kandidater { get; set; } = [];
    public List<PanelMedlem> Panel { get; set; } = [];

    public Kravprofil? GallandeKravprofil => Kravprofiler.Where(k => k.Faststalld).MaxBy(k => k.Version);
    public Kravprofil? Utkastprofil => Kravprofiler.Where(k => !k.Faststalld).MaxBy(k => k.Version);
    public bool LasKontrollerad => LasUtfall is not null && LasKontrolleradUtc is not null;
    public bool MblRegistrerad => MblDatum is not null && !string.IsNullOrWhiteSpace(MblParter) && !string.IsNullOrWhiteSpace(MblUtfall);
    public bool ArOppen => Oppna.Contains(State);
    /// <summary>The applicant's stable number in this recruitment (1 for the first application), for "Sökande 7".</summary>
    public int Lopnummer(Kandidat k) => Kandidater.Count(x => x.Id <= k.Id);

    // The phases by what they mean, so no rule depends on the order the states are declared in.
    /// <summary>Every phase but the two that end it (Tillsatt, Avbruten).</summary>
    public static readonly FrozenSet<RekryteringsTillstand> Oppna = Set(
        RekryteringsTillstand.Utkast, RekryteringsTillstand.Behovsprovning, RekryteringsTillstand.Kravprofil, RekryteringsTillstand.Annonserad,
        RekryteringsTillstand.Urval, RekryteringsTillstand.Intervjuer, RekryteringsTillstand.Referenser, RekryteringsTillstand.FackligSamverkan,
        RekryteringsTillstand.Beslut, RekryteringsTillstand.Erbjudande);
    /// <summary>Before the need is approved: the need may still be changed.</summary>
    /// <summary><see cref="Oppna"/> as an array, for queries: EF translates an array's Contains, not a frozen set's.</summary>
    public static readonly RekryteringsTillstand[] OppnaIFragor = [.. Oppna];
    public static readonly FrozenSet<RekryteringsTillstand> BehovetProvas = Set(RekryteringsTillstand.Utkast, RekryteringsTillstand.Behovsprovning);
    /// <summary>Before the advert is published: the LAS priority right is checked and the kravprofil built (a fixed one gets a new version).</summary>
    public static readonly FrozenSet<RekryteringsTillstand> ForeAnnonseringen = Set(
        RekryteringsTillstand.Utkast, RekryteringsTillstand.Behovsprovning, RekryteringsTillstand.Kravprofil);
    /// <summary>From the approved need to the publishing: the advert is written.</summary>
    public static readonly FrozenSet<RekryteringsTillstand> AnnonsenSkrivs = Set(RekryteringsTillstand.Behovsprovning, RekryteringsTillstand.Kravprofil);
    /// <summary>The open phases after the application period: applications are reviewed.</summary>
    public static readonly FrozenSet<RekryteringsTillstand> EfterAnsokningstiden = Set(
        RekryteringsTillstand.Urval, RekryteringsTillstand.Intervjuer, RekryteringsTillstand.Referenser, RekryteringsTillstand.FackligSamverkan,
        RekryteringsTillstand.Beslut, RekryteringsTillstand.Erbjudande);
    /// <summary>Every phase before the offer: the one chosen by a decision may still be turned down.</summary>
    public static readonly FrozenSet<RekryteringsTillstand> ForeErbjudandet = Set(
        RekryteringsTillstand.Utkast, RekryteringsTillstand.Behovsprovning, RekryteringsTillstand.Kravprofil, RekryteringsTillstand.Annonserad,
        RekryteringsTillstand.Urval, RekryteringsTillstand.Intervjuer, RekryteringsTillstand.Referenser, RekryteringsTillstand.FackligSamverkan,
        RekryteringsTillstand.Beslut);
    /// <summary>From the union negotiation on, as long as it is not cancelled: the MBL record belongs to the recruitment.</summary>
    public static readonly FrozenSet<RekryteringsTillstand> FranFackligSamverkan = Set(
        RekryteringsTillstand.FackligSamverkan, RekryteringsTillstand.Beslut, RekryteringsTillstand.Erbjudande, RekryteringsTillstand.Tillsatt);
    /// <summary>From the hiring decision on, as long as it is not cancelled: the decision belongs to the recruitment.</summary>
    public static readonly FrozenSet<RekryteringsTillstand> FranBeslutet = Set(
        RekryteringsTillstand.Beslut, RekryteringsTillstand.Erbjudande, RekryteringsTillstand.Tillsatt);

    private static FrozenSet<RekryteringsTillstand> Set(params RekryteringsTillstand[] states) => states.ToFrozenSet();
}

/// <summary>A member of the interview panel: sees the candidates and records interview assessments, nothing more.</summary>
public class PanelMedlem : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public required string UserId { get; set; }
    public required string Namn { get; set; }
}

/// <summary>The requirement profile of a post, built from the municipality's policy. Once fixed it never changes:
/// a change makes a new version.</summary>
public class Kravprofil : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public int Version { get; set; }
    /// <summary>The policy version its requirements were taken from.</summary>
    public Guid? PolicyversionId { get; set; }
    public bool Faststalld { get; set; }
    public DateTime? FaststalldUtc { get; set; }
    public string? FaststalldAv { get; set; }
    public List<KravprofilKompetens> Kompetenser { get; set; } = [];
}

/// <summary>One competence of a profile: a requirement from the policy (with its id) or one the manager added for the role.</summary>
public class KravprofilKompetens : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KravprofilId { get; set; }
    /// <summary>The policy requirement's stable id; null for a role-specific competence.</summary>
    public string? PolicyKravId { get; set; }
    public required string Omrade { get; set; }
    public required string Text { get; set; }
    /// <summary>1 (bra att ha) – 5 (avgörande).</summary>
    public int Vikt { get; set; } = 3;
    /// <summary>The behaviour-based question asked of every candidate for this competence.</summary>
    public required string Intervjufraga { get; set; }
    public int Ordning { get; set; }
}

/// <summary>The series of registration numbers per municipality and year.</summary>
public class DiarieSerie : IKommunEntity, IVersioned
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int Ar { get; set; }
    public int Senaste { get; set; }
    public Guid Version { get; set; }
}
