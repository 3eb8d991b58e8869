using System.Security.Claims;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Ledarskap;

/// <summary>
/// The signed-in user's side in one manager's own records (uppdragskontrakt, self-assessment): the manager, the
/// employer (their närmast högre chef or HR), or neither. Nobody stands on both sides: an HR officer who is also a
/// manager acts as the manager in their own records, never as their own employer.
/// </summary>
public sealed record ChefParter(bool ArChefen, bool ForArbetsgivaren)
{
    public bool ArPart => ArChefen || ForArbetsgivaren;

    public static ChefParter For(ClaimsPrincipal user, int personId, OrgChart org)
    {
        var self = ChefAccess.IsSelf(user, personId);
        return new(self, !self && ChefAccess.ActsForEmployer(user, personId, org));
    }
}
