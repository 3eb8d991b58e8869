using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Avvecklingar.AvvecklingTillstand;
using T = ChefsRekrytering.Avvecklingar.AvvecklingHandelse;

namespace ChefsRekrytering.Avvecklingar;

public enum AvvecklingHandelse
{
    [Display(Name = "Påbörja handlingsplanen")] UpprattaPlan,
    [Display(Name = "Starta genomförandet")] Genomfor,
    [Display(Name = "Gå till utvärdering")] Utvardera,
    [Display(Name = "Avsluta ärendet")] Avsluta,
}

/// <summary>The wind-down case: an action plan drawn up by the närmast högre chef, carried out, evaluated, closed with an outcome.</summary>
public sealed class AvvecklingWorkflow(AvvecklingsArende arende, IWorkflowJournal journal)
    : Workflow<AvvecklingsArende, S, T>(arende, journal)
{
    public override string Name => "Avveckling";

    protected override void Configure(StateMachine<S, T> m)
    {
        var a = Subject;
        m.Configure(S.Initierad).Permit(T.UpprattaPlan, S.Handlingsplan);
        m.Configure(S.Handlingsplan).PermitIf(T.Genomfor, S.Genomforande,
            () => a.Atgarder.Count > 0, "Handlingsplanen har inga åtgärder");
        m.Configure(S.Genomforande).PermitIf(T.Utvardera, S.Utvardering,
            () => a.Atgarder.All(x => x.GenomfordUtc is not null || x.Anteckningar.Count > 0), "Alla åtgärder är inte genomförda eller uppföljda");
        m.Configure(S.Utvardering).PermitIf(T.Avsluta, S.Avslutad,
            Guard(() => a.Utfall is not null, "Utfallet är inte valt"),
            Guard(() => !string.IsNullOrWhiteSpace(a.Utvardering), "Utvärderingen är inte skriven"),
            Guard(() => a.Utfall == AvvecklingUtfall.FortsattChefskap || a.SistaDagSomChef is not null, "Sista dag som chef saknas"));
        m.Configure(S.Avslutad).OnEntry(() => a.AvslutadUtc = Now);
    }
}
