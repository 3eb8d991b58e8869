using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Introduktioner.IntroduktionTillstand;
using T = ChefsRekrytering.Introduktioner.IntroduktionHandelse;

namespace ChefsRekrytering.Introduktioner;

public enum IntroduktionHandelse
{
    [Display(Name = "Starta introduktionen"), Done("Introduktionen har börjat.")] Starta,
    [Display(Name = "Gå över till uppföljning"), Done("Introduktionen har gått över till uppföljning.")] TillUppfoljning,
    [Display(Name = "Avsluta introduktionen som genomförd"), Done("Introduktionen är genomförd och avslutad.")] Avsluta,
    [Display(Name = "Avbryt introduktionen"), Done("Introduktionen är avbruten.")] Avbryt,
}

/// <summary>The introduction: started on (or after) the start date, followed up once the introduction proper is done,
/// and never closed while a required item is open.</summary>
public sealed class IntroduktionWorkflow(Introduktion intro, IWorkflowJournal journal, DateOnly today)
    : Workflow<Introduktion, S, T>(intro, journal)
{
    /// <summary>The start date is more than two weeks away.</summary>
    public const string ForTidigt = "for-tidigt";
    /// <summary>A required item of the introduction proper is open.</summary>
    public const string IntroduktionspunkterKvar = "introduktionspunkter-kvar";
    /// <summary>A required item, a follow-up talk included, is open.</summary>
    public const string PunkterKvar = "punkter-kvar";

    public override string Name => "Introduktion";

    protected override bool RequiresComment(T trigger) => trigger == T.Avbryt;

    protected override void Configure(StateMachine<S, T> m)
    {
        var i = Subject;
        m.Configure(S.Planerad)
            .PermitIf(T.Starta, S.Pagar,
                Guard(ForTidigt, () => today.AddDays(14) >= i.Startdatum, "Introduktionen startar tidigast två veckor före startdatum"))
            .Permit(T.Avbryt, S.Avbruten);
        m.Configure(S.Pagar)
            .PermitIf(T.TillUppfoljning, S.Uppfoljning,
                Guard(IntroduktionspunkterKvar, () => OpenRequired(uppfoljning: false) == 0, "Alla obligatoriska punkter i introduktionen är inte klara"))
            .Permit(T.Avbryt, S.Avbruten);
        m.Configure(S.Uppfoljning)
            .PermitIf(T.Avsluta, S.Genomford,
                Guard(PunkterKvar, () => OpenRequired(uppfoljning: null) == 0, "Alla obligatoriska punkter, också uppföljningssamtalen, är inte klara"))
            .Permit(T.Avbryt, S.Avbruten);
        m.Configure(S.Genomford).OnEntry(() => i.GenomfordUtc = Now);
    }

    /// <summary>Open required items: of the introduction proper (false), of the follow-up (true) or all (null).</summary>
    private int OpenRequired(bool? uppfoljning) => Subject.Punkter.Count(p =>
        p.Obligatorisk && p.KlarUtc is null && (uppfoljning is null || p.ArUppfoljning == uppfoljning));
}
