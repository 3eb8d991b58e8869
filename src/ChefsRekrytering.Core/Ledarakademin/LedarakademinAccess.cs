using System.Security.Claims;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>
/// Who may change a manager's track, on top of <see cref="ChefAccess"/> (who sees it). The yearly talks are held with
/// the närmast högre chef, so the employer side records them and a manager cannot certify their own; the other
/// activities are the manager's own development, which they record as well.
/// </summary>
public static class LedarakademinAccess
{
    /// <summary>HR follows every manager's track in the municipality; a manager sees only those <see cref="ChefAccess.CanSee"/> allows.</summary>
    public static bool SerHelaKommunen(ClaimsPrincipal user) => user.IsInRole(Roller.HR);

    public static bool KanRegistrera(ClaimsPrincipal user, int personId, OrgChart org, AktivitetTyp typ) =>
        Utvecklingsaktivitet.ArSamtal(typ)
            ? ChefAccess.ActsForEmployer(user, personId, org) && !ChefAccess.IsSelf(user, personId)
            : ChefAccess.CanSee(user, personId, org);

    /// <summary>Leaving is decided by the employer, not recorded by the manager themself.</summary>
    public static bool KanStartaKompetensvaxling(ClaimsPrincipal user, int personId, OrgChart org) =>
        ChefAccess.ActsForEmployer(user, personId, org) && !ChefAccess.IsSelf(user, personId);

    /// <summary>The hand-over is done together: the leaving manager and the employer side tick items.</summary>
    public static bool KanBocka(ClaimsPrincipal user, int personId, OrgChart org) => ChefAccess.CanSee(user, personId, org);

    /// <summary>The exit conversation is the leaving manager's own account, answered by them or recorded by HR who holds the
    /// conversation; the närmast högre chef, whose support it rates, neither reads nor writes it.</summary>
    public static bool KanBesvaraAvgangssamtal(ClaimsPrincipal user, int personId) =>
        ChefAccess.IsSelf(user, personId) || user.IsInRole(Roller.HR);
}
