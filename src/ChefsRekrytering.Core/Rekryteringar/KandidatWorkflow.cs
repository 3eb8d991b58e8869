using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using K = ChefsRekrytering.Rekryteringar.KandidatTillstand;
using R = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;
using T = ChefsRekrytering.Rekryteringar.KandidatHandelse;

namespace ChefsRekrytering.Rekryteringar;

public enum KandidatHandelse
{
    [Display(Name = "Markera som granskad")] Granska,
    [Display(Name = "Boka intervju")] BokaIntervju,
    [Display(Name = "Markera som intervjuad")] MarkeraIntervjuad,
    [Display(Name = "Markera referenser som tagna")] ReferenserTagna,
    [Display(Name = "Föreslå för anställning")] Foresla,
    [Display(Name = "Lämna erbjudande")] Erbjud,
    [Display(Name = "Registrera ja till erbjudandet")] Acceptera,
    [Display(Name = "Registrera nej till erbjudandet")] TackaNej,
    [Display(Name = "Meddela att ansökan inte går vidare")] EjAktuell,
    [Display(Name = "Återta ansökan")] Aterta,
}

/// <summary>
/// One application's way through the recruitment. Candidate steps follow the recruitment's phase: no interview
/// before interviews have started, no offer before the hiring decision.
/// </summary>
public sealed class KandidatWorkflow(Kandidat kandidat, Rekrytering rekrytering, IWorkflowJournal journal)
    : Workflow<Kandidat, K, T>(kandidat, journal)
{
    public override string Name => "Kandidat";

    /// <summary>The offer form supplies the start date, so the page offers the form while this is the only reason.</summary>
    public const string StartdatumSaknas = "Startdatum saknas";

    private static readonly K[] Open = [K.Inkommen, K.Granskad, K.IntervjuBokad, K.Intervjuad, K.ReferenserTagna, K.Foreslagen, K.Erbjuden];

    protected override bool RequiresComment(T trigger) => false;

    protected override void Configure(StateMachine<K, T> m)
    {
        var k = Subject;
        var r = rekrytering;
        m.Configure(K.Inkommen).PermitIf(T.Granska, K.Granskad,
            () => r.State >= R.Urval && r.ArOppen, "Ansökningar granskas när ansökningstiden har gått ut");
        m.Configure(K.Granskad).PermitIf(T.BokaIntervju, K.IntervjuBokad,
            () => r.State == R.Intervjuer, "Intervjuer bokas när rekryteringen är i fasen Intervjuer");
        m.Configure(K.IntervjuBokad).PermitIf(T.MarkeraIntervjuad, K.Intervjuad,
            () => k.Bedomningar.Count > 0, "Ingen intervjubedömning är registrerad");
        m.Configure(K.Intervjuad).PermitIf(T.ReferenserTagna, K.ReferenserTagna,
            Guard(() => r.State == R.Referenser, "Referenser tas när rekryteringen är i fasen Referenser"),
            Guard(() => k.Referenser.Count > 0, "Ingen referens är registrerad"));
        m.Configure(K.ReferenserTagna).PermitIf(T.Foresla, K.Foreslagen,
            () => r.State == R.Referenser, "Kandidater föreslås i fasen Referenser");
        m.Configure(K.Foreslagen).PermitIf(T.Erbjud, K.Erbjuden,
            Guard(() => r.State == R.Erbjudande && r.ValdKandidatId == k.Id, "Erbjudande lämnas till den kandidat som anställningsbeslutet gäller"),
            Guard(() => k.Startdatum is not null, StartdatumSaknas))
            .OnExit(() => k.ErbjudetUtc = Now);
        m.Configure(K.Erbjuden)
            .Permit(T.Acceptera, K.Anstalld)
            .Permit(T.TackaNej, K.TackatNej)
            .OnExit(() => k.SvarUtc = Now);

        foreach (var state in Open)
        {
            // Turning down the chosen one would leave the decision without a candidate; she declines herself instead.
            if (state != K.Erbjuden)
                m.Configure(state).PermitIf(T.EjAktuell, K.EjAktuell, () => r.ValdKandidatId != k.Id || r.State < R.Erbjudande,
                    "Kandidaten har anställningsbeslutet; registrera i stället ett nej till erbjudandet");
            m.Configure(state).Permit(T.Aterta, K.Atertagen);
        }
    }
}
