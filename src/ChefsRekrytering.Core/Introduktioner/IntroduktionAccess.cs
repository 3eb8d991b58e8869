using System.Security.Claims;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Introduktioner;

/// <summary>
/// Who may do what with an introduction, used by every command and query of <see cref="IntroduktionService"/>. It is seen
/// by the new manager, their närmast högre chef, HR (<see cref="ChefAccess"/>) and the hiring manager who answers for it;
/// the employer side (all of them but the new manager) runs it; each item is ticked by its owner.
/// </summary>
public static class IntroduktionAccess
{
    /// <summary>The states in which items are still ticked off: before the start, during it and in the follow-up.</summary>
    public static readonly IReadOnlySet<IntroduktionTillstand> Oppen = new HashSet<IntroduktionTillstand>
    {
        IntroduktionTillstand.Planerad, IntroduktionTillstand.Pagar, IntroduktionTillstand.Uppfoljning,
    };

    public static bool ArAnstallandeChef(ClaimsPrincipal user, Introduktion intro) =>
        intro.AnstallandeChefUserId is not null && intro.AnstallandeChefUserId == user.UserId();

    public static bool KanSe(ClaimsPrincipal user, Introduktion intro, OrgChart org) =>
        ChefAccess.CanSee(user, intro.ChefPersonId, org) || ArAnstallandeChef(user, intro);

    public static bool ArSjalv(ClaimsPrincipal user, Introduktion intro) => ChefAccess.IsSelf(user, intro.ChefPersonId);

    /// <summary>HR, the hiring manager and the närmast högre chef run the introduction for the employer.</summary>
    public static bool ForArbetsgivaren(ClaimsPrincipal user, Introduktion intro, OrgChart org) =>
        ChefAccess.ActsForEmployer(user, intro.ChefPersonId, org) || ArAnstallandeChef(user, intro);

    /// <summary>HR starts an introduction for a manager hired outside the portal.</summary>
    public static bool KanSkapa(ClaimsPrincipal user) => user.IsInRole(Roller.HR) && user.KommunId() is not null;

    /// <summary>An open item of an open introduction, ticked by its owner: the policy sections only by the new manager,
    /// who confirms having read them.</summary>
    public static bool KanMarkera(ClaimsPrincipal user, Introduktion intro, IntroduktionPunkt punkt, OrgChart org) =>
        Oppen.Contains(intro.State) && punkt.KlarUtc is null && punkt.Typ switch
        {
            PunktTyp.Policyavsnitt => ArSjalv(user, intro),
            _ => punkt.Agare switch
            {
                PunktAgare.NyChef => ArSjalv(user, intro) || user.IsInRole(Roller.HR),
                PunktAgare.HR => user.IsInRole(Roller.HR),
                _ => ForArbetsgivaren(user, intro, org),
            },
        };
}
