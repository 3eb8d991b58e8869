using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using K = ChefsRekrytering.Rekryteringar.KandidatTillstand;
using R = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;
using T = ChefsRekrytering.Rekryteringar.KandidatHandelse;

namespace ChefsRekrytering.Rekryteringar;

public enum KandidatHandelse
{
    [Display(Name = "Markera som granskad"), Done("Ansökan är granskad.")] Granska,
    [Display(Name = "Boka intervju"), Done("Intervjun är bokad.")] BokaIntervju,
    [Display(Name = "Markera som intervjuad"), Done("Kandidaten är intervjuad.")] MarkeraIntervjuad,
    [Display(Name = "Markera referenser som tagna"), Done("Referenserna är tagna.")] ReferenserTagna,
    [Display(Name = "Föreslå för anställning"), Done("Kandidaten är föreslagen för anställning.")] Foresla,
    [Display(Name = "Lämna erbjudande"), Done("Erbjudandet är lämnat.")] Erbjud,
    [Display(Name = "Registrera ja till erbjudandet"), Done("Kandidaten har tackat ja till erbjudandet.")] Acceptera,
    [Display(Name = "Registrera nej till erbjudandet"), Done("Kandidaten har tackat nej till erbjudandet.")] TackaNej,
    [Display(Name = "Meddela att ansökan inte går vidare"), Done("Ansökan går inte vidare, och den sökande får besked per e-post.")] EjAktuell,
    [Display(Name = "Återta ansökan"), Done("Ansökan är återtagen.")] Aterta,
}

/// <summary>What the offer says: the start date and the terms, sent to the candidate and kept on the application.</summary>
public sealed record Anstallningserbjudande(DateOnly Startdatum, string? Villkor);

/// <summary>
/// One application's way through the recruitment. Candidate steps follow the recruitment's phase: no interview
/// before interviews have started, no offer before the hiring decision. The offer carries its start date and terms as
/// the trigger's payload (<see cref="Erbjud"/>), stored on entering Erbjuden; nothing is written before it is allowed.
/// </summary>
public sealed class KandidatWorkflow(Kandidat kandidat, Rekrytering rekrytering, IWorkflowJournal journal)
    : Workflow<Kandidat, K, T>(kandidat, journal)
{
    public override string Name => "Kandidat";

    /// <summary>Steps that need details only their own form supplies (the time and place, the offer, the refusal reason):
    /// never a plain button.</summary>
    public static readonly FrozenSet<T> MedFormular = new[] { T.BokaIntervju, T.Erbjud, T.EjAktuell }.ToFrozenSet();

    private StateMachine<K, T>.TriggerWithParameters<Anstallningserbjudande> _erbjud = null!;

    protected override bool RequiresComment(T trigger) => false;

    /// <summary>Offers the post with its start date and terms.</summary>
    public WorkflowResult Erbjud(Anstallningserbjudande erbjudande, Actor actor) => Fire(_erbjud, erbjudande, actor);

    protected override void Configure(StateMachine<K, T> m)
    {
        var k = Subject;
        var r = rekrytering;
        _erbjud = m.SetTriggerParameters<Anstallningserbjudande>(T.Erbjud);
        m.Configure(K.Inkommen).PermitIf(T.Granska, K.Granskad,
            Guard("ansokningstiden-pagar", () => Rekrytering.EfterAnsokningstiden.Contains(r.State), "Ansökningar granskas när ansökningstiden har gått ut"));
        m.Configure(K.Granskad).PermitIf(T.BokaIntervju, K.IntervjuBokad,
            Guard("inte-intervjufasen", () => r.State == R.Intervjuer, "Intervjuer bokas när rekryteringen är i fasen Intervjuer"));
        m.Configure(K.IntervjuBokad).PermitIf(T.MarkeraIntervjuad, K.Intervjuad,
            Guard("bedomning-saknas", () => k.Bedomningar.Count > 0, "Ingen intervjubedömning är registrerad"));
        m.Configure(K.Intervjuad).PermitIf(T.ReferenserTagna, K.ReferenserTagna,
            Guard("inte-referensfasen", () => r.State == R.Referenser, "Referenser tas när rekryteringen är i fasen Referenser"),
            Guard("referens-saknas", () => k.Referenser.Count > 0, "Ingen referens är registrerad"));
        m.Configure(K.ReferenserTagna).PermitIf(T.Foresla, K.Foreslagen,
            Guard("foreslas-i-referensfasen", () => r.State == R.Referenser, "Kandidater föreslås i fasen Referenser"));
        m.Configure(K.Foreslagen).PermitIf(T.Erbjud, K.Erbjuden,
            Guard("erbjudande-till-vald-kandidat", () => r.State == R.Erbjudande && r.ValdKandidatId == k.Id,
                "Erbjudande lämnas till den kandidat som anställningsbeslutet gäller"));
        m.Configure(K.Erbjuden)
            .OnEntryFrom(_erbjud, erbjudande =>
            {
                k.Startdatum = erbjudande.Startdatum;
                k.Erbjudandevillkor = erbjudande.Villkor;
                k.ErbjudetUtc = Now;
            }, "Startdatum och villkor sparas")
            .Permit(T.Acceptera, K.Anstalld)
            .Permit(T.TackaNej, K.TackatNej)
            .OnExit(() => k.SvarUtc = Now);
        // The candidate gave the answer: nothing is left to tell them.
        m.Configure(K.Anstalld).OnEntry(() => k.UtfallMeddelatUtc = Now);
        m.Configure(K.TackatNej).OnEntry(() => k.UtfallMeddelatUtc = Now);

        foreach (var state in Enum.GetValues<K>().Where(Kandidat.Oppna.Contains))
        {
            // Turning down the chosen one would leave the decision without a candidate; she declines herself instead.
            if (state != K.Erbjuden)
                m.Configure(state).PermitIf(T.EjAktuell, K.EjAktuell,
                    Guard("kandidaten-har-beslutet", () => r.ValdKandidatId != k.Id || Rekrytering.ForeErbjudandet.Contains(r.State),
                        "Kandidaten har anställningsbeslutet; registrera i stället ett nej till erbjudandet"));
            m.Configure(state).Permit(T.Aterta, K.Atertagen);
        }
    }
}
