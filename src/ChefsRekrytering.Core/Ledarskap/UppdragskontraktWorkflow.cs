using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Workflows;
using Stateless;
using S = ChefsRekrytering.Ledarskap.UppdragskontraktTillstand;
using T = ChefsRekrytering.Ledarskap.UppdragskontraktHandelse;

namespace ChefsRekrytering.Ledarskap;

public enum UppdragskontraktHandelse
{
    [Display(Name = "Gör kontraktet gällande")] Bekrafta,
    [Display(Name = "Ersätt med en ny version")] Ersatt,
}

/// <summary>One version of an uppdragskontrakt: a draft takes effect only when both sides have confirmed it, is valid a
/// year before it must be re-assessed, and is replaced when a later version takes effect.</summary>
public sealed class UppdragskontraktWorkflow(Uppdragskontrakt kontrakt, IWorkflowJournal journal, DateOnly today)
    : Workflow<Uppdragskontrakt, S, T>(kontrakt, journal)
{
    public const string ChefenHarInteBekraftat = "chefen-har-inte-bekraftat";
    public const string UppdragsgivarenHarInteBekraftat = "uppdragsgivaren-har-inte-bekraftat";

    public override string Name => "Uppdragskontrakt";

    protected override void Configure(StateMachine<S, T> m)
    {
        var k = Subject;
        m.Configure(S.Utkast)
            .PermitIf(T.Bekrafta, S.Bekraftat,
                Guard(ChefenHarInteBekraftat, () => k.ChefBekraftadUtc is not null, "Chefen har inte bekräftat den här versionen"),
                Guard(UppdragsgivarenHarInteBekraftat, () => k.UppdragsgivareBekraftadUtc is not null, "Uppdragsgivaren har inte bekräftat den här versionen"));
        m.Configure(S.Bekraftat)
            .OnEntry(() =>
            {
                k.GiltigFran = today;
                k.OmprovasSenast = today.AddYears(1);
            })
            .Permit(T.Ersatt, S.Ersatt);
        m.Configure(S.Ersatt).OnEntry(() => k.ErsattUtc = Now);
    }
}
