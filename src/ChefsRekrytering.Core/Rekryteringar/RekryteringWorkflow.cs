using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;
using T = ChefsRekrytering.Rekryteringar.RekryteringsHandelse;

namespace ChefsRekrytering.Rekryteringar;

public enum RekryteringsHandelse
{
    [Display(Name = "Skicka för behovsprövning"), Done("Behovet är skickat till HR för behovsprövning.")] SkickaForBehovsprovning,
    [Display(Name = "Godkänn behovet"), Done("Behovet är godkänt. Nästa steg är kravprofilen.")] GodkannBehov,
    [Display(Name = "Publicera annonsen"), Done("Annonsen är publicerad.")] PubliceraAnnons,
    [Display(Name = "Stäng ansökningstiden"), Done("Ansökningstiden är stängd, och urvalet kan börja.")] StangAnsokan,
    [Display(Name = "Starta intervjuer"), Done("Rekryteringen har gått vidare till intervjuer.")] StartaIntervjuer,
    [Display(Name = "Starta referenstagning"), Done("Rekryteringen har gått vidare till referenstagning.")] StartaReferenstagning,
    [Display(Name = "Gå till facklig samverkan"), Done("Rekryteringen har gått vidare till facklig samverkan.")] StartaFackligSamverkan,
    [Display(Name = "Gå till beslut"), Done("Rekryteringen har gått vidare till beslut.")] GaTillBeslut,
    [Display(Name = "Fatta anställningsbeslut"), Done("Anställningsbeslutet är fattat. Nu kan erbjudandet lämnas.")] FattaBeslut,
    [Display(Name = "Registrera tillsättning"), Done("Tjänsten är tillsatt.")] Tillsatt,
    [Display(Name = "Avbryt rekryteringen"), Done("Rekryteringen är avbruten.")] Avbryt,
    // Last, so the numbers of the triggers before it stay what they were.
    [Display(Name = "Skicka tillbaka behovet"), Done("Behovet är skickat tillbaka till den rekryterande chefen.")] ReturneraBehov,
}

/// <summary>
/// The recruitment process. Guards read only the loaded recruitment (with its profiles and candidates) and today's
/// date, and carry a code for the program and a Swedish sentence for the person. What follows from a step is stored
/// here when it is the record's own (times, the reason for cancelling); what needs other services (scheduling the
/// closing, telling the applicants, the new manager's introduction) is done beside the firing, in
/// <see cref="RekryteringService"/>, the one place that fires.
/// </summary>
public sealed class RekryteringWorkflow(Rekrytering rekrytering, IWorkflowJournal journal, DateOnly today)
    : Workflow<Rekrytering, S, T>(rekrytering, journal)
{
    public override string Name => "Rekrytering";

    /// <summary>The guards that only wait for the remaining applicants to be told: the service tells them first, so a
    /// step blocked by nothing else is offered.</summary>
    public const string BeskedSaknasTillsatt = "alla-besked-tillsatt";
    public const string BeskedSaknasAvbryt = "alla-besked-avbryt";
    public static readonly string[] VantarBaraPaBesked = [BeskedSaknasTillsatt, BeskedSaknasAvbryt];

    /// <summary>The wished start date of the need lies before today.</summary>
    public const string TilltradePasserat = "tilltrade-passerat";

    protected override bool RequiresComment(T trigger) => trigger is T.Avbryt or T.ReturneraBehov;

    protected override void Configure(StateMachine<S, T> m)
    {
        var r = Subject;
        // A wished start that has passed since the need was written is stale: it is changed before the need is assessed.
        var tilltradePasserat = Guard(TilltradePasserat, () => r.OnskatTilltrade is not { } d || d >= today,
            "Önskat tillträde har redan passerat: ändra datumet i behovet");
        m.Configure(S.Utkast).PermitIf(T.SkickaForBehovsprovning, S.Behovsprovning,
            Guard("titel-saknas", () => !string.IsNullOrWhiteSpace(r.Titel), "Befattningen saknar titel"),
            Guard("behov-obeskrivet", () => r.Behovsbeskrivning.Trim().Length >= 20, "Beskriv behovet (minst 20 tecken)"),
            tilltradePasserat);
        m.Configure(S.Behovsprovning).PermitIf(T.GodkannBehov, S.Kravprofil,
                Guard("las-ej-kontrollerad", () => r.LasKontrollerad, "Företrädesrätt enligt LAS 25 § är inte kontrollerad"),
                tilltradePasserat)
            // HR sends a need back to the recruiting manager with what to change; the comment is the message.
            .Permit(T.ReturneraBehov, S.Utkast);
        m.Configure(S.Kravprofil).PermitIf(T.PubliceraAnnons, S.Annonserad,
            Guard("kravprofil-ej-faststalld", () => r.GallandeKravprofil is not null && r.Utkastprofil is null, "Kravprofilen är inte fastställd"),
            Guard("las-ej-kontrollerad", () => r.LasKontrollerad, "Företrädesrätt enligt LAS 25 § är inte kontrollerad"),
            Guard("annonstext-saknas", () => r.Annonstext.Trim().Length >= 100, "Annonstexten saknas eller är kortare än 100 tecken"),
            Guard("sista-ansokningsdag-saknas", () => r.SistaAnsokningsdag is { } d && d >= today, "Sista ansökningsdag saknas eller har redan passerat"),
            // Its closing is scheduled from it: a day far off is a typing error, not an advert open for years.
            Guard("sista-ansokningsdag-for-langt-fram", () => r.SistaAnsokningsdag is not { } d || d <= RekryteringService.SistaAnsokningsdagar(today).Sist,
                "Sista ansökningsdag ligger mer än ett år fram"));
        m.Configure(S.Annonserad)
            .OnEntryFrom(T.PubliceraAnnons, () => r.PubliceradUtc = Now, "Publiceringen dateras")
            .PermitIf(T.StangAnsokan, S.Urval,
                Guard("ansokningstiden-pagar", () => r.SistaAnsokningsdag is { } d && today > d, "Ansökningstiden har inte gått ut"));
        m.Configure(S.Urval).PermitIf(T.StartaIntervjuer, S.Intervjuer,
            Guard("ingen-granskad", () => r.Kandidater.Any(k => Kandidat.GranskadOchKvar.Contains(k.State)), "Ingen sökande är granskad och kvar i urvalet"));
        m.Configure(S.Intervjuer).PermitIf(T.StartaReferenstagning, S.Referenser,
            Guard("ingen-intervjuad", () => r.Kandidater.Any(k => Kandidat.IntervjuadOchKvar.Contains(k.State)), "Ingen kandidat är intervjuad"));
        m.Configure(S.Referenser).PermitIf(T.StartaFackligSamverkan, S.FackligSamverkan,
            Guard("ingen-foreslagen", () => r.Kandidater.Any(k => k.State == KandidatTillstand.Foreslagen), "Ingen kandidat är föreslagen"));
        m.Configure(S.FackligSamverkan).PermitIf(T.GaTillBeslut, S.Beslut,
            Guard("mbl-ej-registrerad", () => r.MblRegistrerad, "Facklig samverkan enligt MBL 11 § är inte registrerad (datum, parter och utfall)"));
        m.Configure(S.Beslut).PermitIf(T.FattaBeslut, S.Erbjudande,
            Guard("beslut-ej-registrerat", () => r.BeslutDatum is not null && !string.IsNullOrWhiteSpace(r.Beslutsfattare), "Beslutsdatum och beslutsfattare saknas"),
            Guard("ingen-vald-kandidat", () => r.Kandidater.Any(k => k.Id == r.ValdKandidatId && k.State == KandidatTillstand.Foreslagen), "Ingen föreslagen kandidat är vald"))
            .OnExit(() => r.BeslutUtc = Now);
        m.Configure(S.Erbjudande).PermitIf(T.Tillsatt, S.Tillsatt,
            Guard("ingen-har-tackat-ja", () => r.Kandidater.Any(k => k.State == KandidatTillstand.Anstalld), "Ingen kandidat har tackat ja till erbjudandet"),
            Guard(BeskedSaknasTillsatt, AllOthersTold, "Alla sökande har inte fått besked om utfallet"));
        m.Configure(S.Tillsatt).OnEntry(() => r.TillsattUtc = Now);

        foreach (var state in Enum.GetValues<S>().Where(Rekrytering.Oppna.Contains))
            m.Configure(state).PermitIf(T.Avbryt, S.Avbruten,
                Guard(BeskedSaknasAvbryt, AllOthersTold, "Alla sökande har inte fått besked om att rekryteringen avbryts"));
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
