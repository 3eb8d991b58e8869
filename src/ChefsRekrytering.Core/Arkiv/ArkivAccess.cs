using System.Security.Claims;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Arkiv;

/// <summary>
/// Who may do what with records and privacy: one rule, used by every command and query of
/// <see cref="RegisterutdragService"/>, <see cref="UtlamnandeService"/> and <see cref="Gallring"/>'s holds.
/// </summary>
public static class ArkivAccess
{
    /// <summary>HR answers a person's request for their data and to be erased, hands out public records and puts
    /// recruitments on hold: the municipality's records are HR's to answer for.</summary>
    public static bool ArHr(ClaimsPrincipal user) => user.IsInRole(Roller.HR) && user.KommunId() is not null;

    /// <summary>Every signed-in person with an account gets their own register extract (Mina uppgifter).</summary>
    public static bool KanHamtaEgna(ClaimsPrincipal user) => user.UserId() is not null && user.KommunId() is not null;
}
