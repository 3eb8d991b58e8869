using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Avvecklingar.AvvecklingTillstand;
using T = ChefsRekrytering.Avvecklingar.AvvecklingHandelse;

namespace ChefsRekrytering.Avvecklingar;

public enum AvvecklingHandelse
{
    [Display(Name = "Påbörja handlingsplanen"), Done("Arbetet med handlingsplanen har börjat.")] UpprattaPlan,
    [Display(Name = "Starta genomförandet"), Done("Handlingsplanen genomförs nu.")] Genomfor,
    [Display(Name = "Gå till utvärdering"), Done("Ärendet har gått vidare till utvärdering.")] Utvardera,
    [Display(Name = "Avsluta ärendet"), Done("Ärendet är avslutat.")] Avsluta,
}

/// <summary>The wind-down case: an action plan drawn up by the närmast högre chef, carried out, evaluated, closed with an outcome.</summary>
public sealed class AvvecklingWorkflow(AvvecklingsArende arende, IWorkflowJournal journal)
    : Workflow<AvvecklingsArende, S, T>(arende, journal)
{
    public const string PlanUtanAtgarder = "plan-utan-atgarder";
    public const string AtgarderEjUppfoljda = "atgarder-ej-uppfoljda";
    public const string UtfallSaknas = "utfall-saknas";
    public const string UtvarderingSaknas = "utvardering-saknas";
    public const string SistaDagSaknas = "sista-dag-saknas";

    /// <summary>While the plan is open, actions are added to it and followed up.</summary>
    public static readonly IReadOnlySet<S> PlanenOppen = new HashSet<S> { S.Initierad, S.Handlingsplan, S.Genomforande };

    /// <summary>From the evaluation on, the case shows its evaluation and outcome.</summary>
    public static readonly IReadOnlySet<S> UtvarderingOchUtfall = new HashSet<S> { S.Utvardering, S.Avslutad };

    public override string Name => "Avveckling";

    protected override void Configure(StateMachine<S, T> m)
    {
        var a = Subject;
        m.Configure(S.Initierad).Permit(T.UpprattaPlan, S.Handlingsplan);
        m.Configure(S.Handlingsplan).PermitIf(T.Genomfor, S.Genomforande,
            Guard(PlanUtanAtgarder, () => a.Atgarder.Count > 0, "Handlingsplanen har inga åtgärder"));
        m.Configure(S.Genomforande).PermitIf(T.Utvardera, S.Utvardering,
            Guard(AtgarderEjUppfoljda, () => a.Atgarder.All(x => x.GenomfordUtc is not null || x.Anteckningar.Count > 0),
                "Alla åtgärder är inte genomförda eller uppföljda"));
        m.Configure(S.Utvardering).PermitIf(T.Avsluta, S.Avslutad,
            Guard(UtfallSaknas, () => a.Utfall is not null, "Utfallet är inte valt"),
            Guard(UtvarderingSaknas, () => !string.IsNullOrWhiteSpace(a.Utvardering), "Utvärderingen är inte skriven"),
            Guard(SistaDagSaknas, () => a.Utfall == AvvecklingUtfall.FortsattChefskap || a.SistaDagSomChef is not null, "Sista dag som chef saknas"));
        m.Configure(S.Avslutad).OnEntry(() => a.AvslutadUtc = Now);
    }
}
