using System.Security.Claims;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Ledarskap;

/// <summary>
/// A manager's own development records (introduction, Ledarakademin track, uppdragskontrakt, self-assessment) are
/// seen by the manager, by their närmast högre chef (derived from the org tree) and by HR; by nobody else.
/// </summary>
public static class ChefAccess
{
    public static bool IsSelf(ClaimsPrincipal user, int personId) => user.PersonId() == personId;

    public static bool IsNextHigherManager(ClaimsPrincipal user, int personId, OrgChart org) =>
        user.PersonId() is int me && org.ChefFor(personId) == me;

    public static bool CanSee(ClaimsPrincipal user, int personId, OrgChart org) =>
        user.IsInRole(Roller.HR) || IsSelf(user, personId) || IsNextHigherManager(user, personId, org);

    /// <summary>HR and the närmast högre chef act for the employer; the manager acts for themself.</summary>
    public static bool ActsForEmployer(ClaimsPrincipal user, int personId, OrgChart org) =>
        user.IsInRole(Roller.HR) || IsNextHigherManager(user, personId, org);
}
