using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Ledarskap.SjalvskattningTillstand;
using T = ChefsRekrytering.Ledarskap.SjalvskattningHandelse;

namespace ChefsRekrytering.Ledarskap;

public enum SjalvskattningHandelse
{
    [Display(Name = "Lämna in inför samtalet")] LamnaIn,
    [Display(Name = "Öppna för ändring")] Ateroppna,
    [Display(Name = "Registrera samtalet")] Diskutera,
}

/// <summary>
/// The self-assessment: the manager fills it in and hands it in complete; the employer side (närmast högre chef or HR)
/// records the talk. Who the user is decides what they may do, so the guards say it in Swedish like any other condition.
/// </summary>
public sealed class SjalvskattningWorkflow(Sjalvskattning skattning, IWorkflowJournal journal, ChefParter parter)
    : Workflow<Sjalvskattning, S, T>(skattning, journal)
{
    public const string BaraChefen = "Bara chefen själv fyller i och lämnar in sin självskattning";
    public const string BaraArbetsgivaren = "Samtalet registreras av närmast högre chef eller HR";

    /// <summary>Guard codes: the user is not the manager; not the employer side; a requirement is not rated.</summary>
    public const string InteChefen = "inte-chefen", InteArbetsgivaren = "inte-arbetsgivaren", KravOskattade = "krav-oskattade";

    /// <summary>The steps in the order the process takes them, for showing where it stands (not the enum's order).</summary>
    public static readonly IReadOnlyList<S> Stegen = [S.Utkast, S.Inlamnad, S.Diskuterad];

    public override string Name => "Sjalvskattning";

    protected override bool RequiresComment(T trigger) => trigger == T.Diskutera;

    protected override void Configure(StateMachine<S, T> m)
    {
        var s = Subject;
        m.Configure(S.Utkast)
            .PermitIf(T.LamnaIn, S.Inlamnad,
                Guard(InteChefen, () => parter.ArChefen, BaraChefen),
                Guard(KravOskattade, () => s.Rader.All(r => r.Betyg is not null), "Alla krav är inte skattade"));
        m.Configure(S.Inlamnad)
            .OnEntry(() => s.InlamnadUtc = Now)
            .PermitIf(T.Ateroppna, S.Utkast, Guard(InteChefen, () => parter.ArChefen, BaraChefen))
            .PermitIf(T.Diskutera, S.Diskuterad, Guard(InteArbetsgivaren, () => parter.ForArbetsgivaren, BaraArbetsgivaren));
        m.Configure(S.Diskuterad).OnEntry(() =>
        {
            s.SamtalKommentar = FiringComment;
            s.DiskuteradUtc = Now;
        });
    }

    /// <summary>Records the talk: the employer side's comment, when and by whom.</summary>
    public WorkflowResult Diskutera(Actor actor, string? kommentar)
    {
        var result = Fire(T.Diskutera, actor, kommentar);
        if (result.Succeeded) Subject.DiskuteradAv = actor.Namn;
        return result;
    }
}
