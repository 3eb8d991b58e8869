using System.Security.Claims;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Aterkoppling;

/// <summary>
/// Who may do what with the feedback from below: one rule, asked by every command and query of
/// <see cref="AterkopplingService"/>; deny by default. Nobody, HR and Admin included, is ever shown who answered what:
/// no rule here opens the answers per person, because nothing stored links them.
/// </summary>
public static class AterkopplingAccess
{
    /// <summary>Every employee with an account tied to an employee record answers, for their own chef.</summary>
    public static bool KanSvara(ClaimsPrincipal user) => user.KommunId() is not null && user.PersonId() is not null;

    /// <summary>HR opens and closes rounds and reads the overview per förvaltning.</summary>
    public static bool KanHantera(ClaimsPrincipal user) => user.IsInRole(Roller.HR) && user.KommunId() is not null;

    /// <summary>A chef's result: the chef themself, and HR. Both see it only above the threshold
    /// (<see cref="AterkopplingOptions.MinstaAntalSvar"/>), which the query applies to everyone alike.</summary>
    public static bool SerResultat(ClaimsPrincipal user, int chefPersonId) =>
        user.KommunId() is not null && (user.PersonId() == chefPersonId || KanHantera(user));
}
