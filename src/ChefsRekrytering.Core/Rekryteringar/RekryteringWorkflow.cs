using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;
using T = ChefsRekrytering.Rekryteringar.RekryteringsHandelse;

namespace ChefsRekrytering.Rekryteringar;

public enum RekryteringsHandelse
{
    [Display(Name = "Skicka för behovsprövning")] SkickaForBehovsprovning,
    [Display(Name = "Godkänn behovet")] GodkannBehov,
    [Display(Name = "Publicera annonsen")] PubliceraAnnons,
    [Display(Name = "Stäng ansökningstiden")] StangAnsokan,
    [Display(Name = "Starta intervjuer")] StartaIntervjuer,
    [Display(Name = "Starta referenstagning")] StartaReferenstagning,
    [Display(Name = "Gå till facklig samverkan")] StartaFackligSamverkan,
    [Display(Name = "Gå till beslut")] GaTillBeslut,
    [Display(Name = "Fatta anställningsbeslut")] FattaBeslut,
    [Display(Name = "Registrera tillsättning")] Tillsatt,
    [Display(Name = "Avbryt rekryteringen")] Avbryt,
}

/// <summary>
/// The recruitment process. Guards read only the loaded recruitment (with its profiles and candidates) and today's
/// date, and say in Swedish what is missing.
/// </summary>
public sealed class RekryteringWorkflow(Rekrytering rekrytering, IWorkflowJournal journal, DateOnly today)
    : Workflow<Rekrytering, S, T>(rekrytering, journal)
{
    public override string Name => "Rekrytering";

    /// <summary>Guards the page satisfies itself by telling the remaining applicants before it fires the trigger.</summary>
    public const string AllaBeskedTillsatt = "Alla sökande har inte fått besked om utfallet";
    public const string AllaBeskedAvbryt = "Alla sökande har inte fått besked om att rekryteringen avbryts";

    private static readonly S[] Open = [S.Utkast, S.Behovsprovning, S.Kravprofil, S.Annonserad, S.Urval, S.Intervjuer, S.Referenser, S.FackligSamverkan, S.Beslut, S.Erbjudande];

    protected override bool RequiresComment(T trigger) => trigger == T.Avbryt;

    protected override void Configure(StateMachine<S, T> m)
    {
        var r = Subject;
        m.Configure(S.Utkast).PermitIf(T.SkickaForBehovsprovning, S.Behovsprovning,
            Guard(() => !string.IsNullOrWhiteSpace(r.Titel), "Befattningen saknar titel"),
            Guard(() => r.Behovsbeskrivning.Trim().Length >= 20, "Beskriv behovet (minst 20 tecken)"));
        m.Configure(S.Behovsprovning).PermitIf(T.GodkannBehov, S.Kravprofil,
            () => r.LasKontrollerad, "Företrädesrätt enligt LAS 25 § är inte kontrollerad");
        m.Configure(S.Kravprofil).PermitIf(T.PubliceraAnnons, S.Annonserad,
            Guard(() => r.GallandeKravprofil is not null && r.Utkastprofil is null, "Kravprofilen är inte fastställd"),
            Guard(() => r.LasKontrollerad, "Företrädesrätt enligt LAS 25 § är inte kontrollerad"),
            Guard(() => r.Annonstext.Trim().Length >= 100, "Annonstexten saknas eller är kortare än 100 tecken"),
            Guard(() => r.SistaAnsokningsdag is { } d && d >= today, "Sista ansökningsdag saknas eller har redan passerat"),
            // Its closing is scheduled from it: a day far off is a typing error, not an advert open for years.
            Guard(() => r.SistaAnsokningsdag is not { } d || d <= RekryteringService.SistaAnsokningsdagar(today).Sist,
                "Sista ansökningsdag ligger mer än ett år fram"));
        m.Configure(S.Annonserad).PermitIf(T.StangAnsokan, S.Urval,
            () => r.SistaAnsokningsdag is { } d && today > d, "Ansökningstiden har inte gått ut");
        m.Configure(S.Urval).PermitIf(T.StartaIntervjuer, S.Intervjuer,
            () => r.Kandidater.Any(k => k.State >= KandidatTillstand.Granskad && !k.ArAvslutad), "Ingen sökande är granskad och kvar i urvalet");
        m.Configure(S.Intervjuer).PermitIf(T.StartaReferenstagning, S.Referenser,
            () => r.Kandidater.Any(k => k.State >= KandidatTillstand.Intervjuad && !k.ArAvslutad), "Ingen kandidat är intervjuad");
        m.Configure(S.Referenser).PermitIf(T.StartaFackligSamverkan, S.FackligSamverkan,
            () => r.Kandidater.Any(k => k.State == KandidatTillstand.Foreslagen), "Ingen kandidat är föreslagen");
        m.Configure(S.FackligSamverkan).PermitIf(T.GaTillBeslut, S.Beslut,
            () => r.MblRegistrerad, "Facklig samverkan enligt MBL 11 § är inte registrerad (datum, parter och utfall)");
        m.Configure(S.Beslut).PermitIf(T.FattaBeslut, S.Erbjudande,
            Guard(() => r.BeslutDatum is not null && !string.IsNullOrWhiteSpace(r.Beslutsfattare), "Beslutsdatum och beslutsfattare saknas"),
            Guard(() => r.Kandidater.Any(k => k.Id == r.ValdKandidatId && k.State == KandidatTillstand.Foreslagen), "Ingen föreslagen kandidat är vald"))
            .OnExit(() => r.BeslutUtc = Now);
        m.Configure(S.Erbjudande).PermitIf(T.Tillsatt, S.Tillsatt,
            Guard(() => r.Kandidater.Any(k => k.State == KandidatTillstand.Anstalld), "Ingen kandidat har tackat ja till erbjudandet"),
            Guard(AllOthersTold, AllaBeskedTillsatt));
        m.Configure(S.Tillsatt).OnEntry(() => r.TillsattUtc = Now);

        foreach (var state in Open)
            m.Configure(state).PermitIf(T.Avbryt, S.Avbruten, AllOthersTold, AllaBeskedAvbryt);
        m.Configure(S.Avbruten).OnEntry(t =>
        {
            r.AvbrottsSkal = FiringComment;
            r.AvbrutenUtc = Now;
        });
    }

    /// <summary>Every candidate except the one hired is closed and has been told.</summary>
    private bool AllOthersTold() => Subject.Kandidater
        .Where(k => k.State != KandidatTillstand.Anstalld)
        .All(k => k.ArAvslutad && k.UtfallMeddelatUtc is not null);
}
