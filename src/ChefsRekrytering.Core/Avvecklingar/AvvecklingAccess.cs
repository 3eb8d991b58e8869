using System.Security.Claims;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Avvecklingar;

/// <summary>
/// Confidentiality is the feature: a case is seen by the manager concerned, the responsible närmast högre chef and HR.
/// No role opens it otherwise: not other managers, not the jury, not Admin. Every command and query of
/// <see cref="AvvecklingService"/> asks here.
/// </summary>
public static class AvvecklingAccess
{
    public static bool IsHr(ClaimsPrincipal user) => user.IsInRole(Roller.HR);
    public static bool IsConcerned(ClaimsPrincipal user, AvvecklingsArende a) => user.PersonId() == a.ChefPersonId;
    public static bool IsResponsible(ClaimsPrincipal user, AvvecklingsArende a) => user.PersonId() is int me && a.AnsvarigPersonId == me;

    public static bool CanSee(ClaimsPrincipal user, AvvecklingsArende a) => IsHr(user) || IsConcerned(user, a) || IsResponsible(user, a);

    /// <summary>Draws up and carries the plan for the employer.</summary>
    public static bool CanDrive(ClaimsPrincipal user, AvvecklingsArende a) => IsHr(user) || IsResponsible(user, a);

    /// <summary>The employer starts a case about a manager: HR about any, a manager about those they are närmast högre chef
    /// for; never about themself (that is a request of one's own, <see cref="CanRequest"/>).</summary>
    public static bool CanStartFor(ClaimsPrincipal user, int chefId, OrgChart org) =>
        user.PersonId() != chefId && org.UnitsLedBy(chefId).Any() && (IsHr(user) || org.ChefFor(chefId) is int above && above == user.PersonId());

    /// <summary>A manager may ask, on their own, to leave their managership.</summary>
    public static bool CanRequest(ClaimsPrincipal user, OrgChart org) => user.PersonId() is int me && org.UnitsLedBy(me).Any();

    public static IQueryable<AvvecklingsArende> VisibleTo(this IQueryable<AvvecklingsArende> query, ClaimsPrincipal user)
    {
        if (IsHr(user)) return query;
        var me = user.PersonId() ?? -1;
        return query.Where(a => a.ChefPersonId == me || a.AnsvarigPersonId == me);
    }
}
