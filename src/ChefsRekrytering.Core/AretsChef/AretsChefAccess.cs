using System.Security.Claims;
using ChefsRekrytering.Konton;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.AretsChef;

/// <summary>
/// Who may do what with Årets chef: one rule, used by every command and query of <see cref="AretsChefService"/> and
/// <see cref="NomineringService"/>. Everything is within the user's own municipality (the query filter sees no other).
/// </summary>
public static class AretsChefAccess
{
    /// <summary>A campaign is only ever its own municipality's: the query filter already sees no other, and a command
    /// asks again, so a user of one municipality never acts on another's whatever the context was set to.</summary>
    public static bool ArEgen(ClaimsPrincipal user, Kampanj k) => user.KommunId() is { } kommun && kommun == k.KommunId;

    /// <summary>Every employee with an account tied to an employee record nominates.</summary>
    public static bool KanNominera(ClaimsPrincipal user) => user.KommunId() is not null && user.PersonId() is not null;

    /// <summary>HR plans the campaigns and reads the statistics.</summary>
    public static bool KanPlanera(ClaimsPrincipal user) => user.IsInRole(Roller.HR) && user.KommunId() is not null;

    /// <summary>The jury, and HR beside it, read the nominations, shortlist, score and decide.</summary>
    public static bool KanGoraJuryarbete(ClaimsPrincipal user) => (user.IsInRole(Roller.Jury) || user.IsInRole(Roller.HR)) && user.KommunId() is not null;

    /// <summary>HR or Admin publishes the jury's decision.</summary>
    public static bool KanTillkannage(ClaimsPrincipal user) => (user.IsInRole(Roller.HR) || user.IsInRole(Roller.Admin)) && user.KommunId() is not null;

    /// <summary>The announcement is everyone's once published; before that only the ones who publish see it, as a preview.
    /// For everyone else the year does not exist yet.</summary>
    public static bool SerTillkannagivandet(ClaimsPrincipal user, Kampanj k) =>
        ArEgen(user, k) && (k.State == S.Tillkannagiven || (k.State == S.Beslutad && KanTillkannage(user)));

    /// <summary>Whether the user may fire this step by hand at all. The dates open and close; the decision has its own
    /// command (<see cref="AretsChefService.BeslutaAsync"/>) since it carries the winner.</summary>
    public static bool KanFora(ClaimsPrincipal user, T trigger) => trigger switch
    {
        T.StartaJuryarbete or T.Omprova => KanGoraJuryarbete(user),
        T.Tillkannage => KanTillkannage(user),
        _ => false,
    };

    /// <summary>Whether the campaign exists for the user at all when they ask to fire a step of it: the jury's page for the
    /// jury and HR, the announcement for those who may see it. Anyone else is told it does not exist.</summary>
    public static bool SerKampanjen(ClaimsPrincipal user, Kampanj k, T trigger) => ArEgen(user, k)
        && (trigger == T.Tillkannage ? SerTillkannagivandet(user, k) && KanTillkannage(user) : KanGoraJuryarbete(user) || KanFora(user, trigger));
}
