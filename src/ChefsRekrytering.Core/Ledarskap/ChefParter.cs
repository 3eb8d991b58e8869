using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// The manager whose own records are asked for, and the user's side in them: through the municipality filter, only for
    /// the manager, their närmast högre chef and HR, and only for someone who leads a unit. Missing, not a manager and not
    /// allowed all give the same null, a 404, so nobody learns who has records.
    /// </summary>
    public static async Task<ChefOchParter?> FindAsync(AppDbContext db, ClaimsPrincipal user, int personId, CancellationToken ct = default)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var parter = For(user, personId, org);
        if (!parter.ArPart || !org.UnitsLedBy(personId).Any()) return null;
        var chef = await db.Personer.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        return chef is null ? null : new ChefOchParter(chef, org, parter);
    }
}

/// <summary>A manager whose own records are shown or changed, the org tree as it stands, and the user's side in them.</summary>
public sealed record ChefOchParter(Person Chef, OrgChart Org, ChefParter Parter);
