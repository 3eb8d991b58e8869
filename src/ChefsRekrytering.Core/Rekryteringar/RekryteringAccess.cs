using System.Security.Claims;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// Who may do what with a recruitment. Its candidates are visible to the recruiting manager who owns it, to HR and
/// to the members of its interview panel only; the panel may record interview assessments and nothing else.
/// </summary>
public static class RekryteringAccess
{
    public static bool IsHr(ClaimsPrincipal user) => user.IsInRole(Roller.HR);

    public static bool IsOwner(ClaimsPrincipal user, Rekrytering r) => user.UserId() is { } id && r.AgareUserId == id;

    public static bool IsPanel(ClaimsPrincipal user, Rekrytering r) => user.UserId() is { } id && r.Panel.Any(p => p.UserId == id);

    /// <summary>Sees the recruitment, its candidates and their documents. Needs <see cref="Rekrytering.Panel"/> loaded.</summary>
    public static bool CanView(ClaimsPrincipal user, Rekrytering r) => IsHr(user) || IsOwner(user, r) || IsPanel(user, r);

    /// <summary>Runs the recruitment: every step except those kept for HR.</summary>
    public static bool CanManage(ClaimsPrincipal user, Rekrytering r) => IsHr(user) || IsOwner(user, r);

    /// <summary>Records one's own interview assessments.</summary>
    public static bool CanAssess(ClaimsPrincipal user, Rekrytering r) => CanView(user, r);

    /// <summary>Approving the need is HR's check (with the LAS priority right), not the owner's own.</summary>
    public static bool CanApproveNeed(ClaimsPrincipal user) => IsHr(user);

    /// <summary>The recruitments a user may see, as a query: all for HR, else own and panel ones.</summary>
    public static IQueryable<Rekrytering> VisibleTo(this IQueryable<Rekrytering> query, ClaimsPrincipal user)
    {
        if (IsHr(user)) return query;
        var id = user.UserId() ?? "";
        return query.Where(r => r.AgareUserId == id || r.Panel.Any(p => p.UserId == id));
    }
}
