using System.Security.Claims;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>
/// How the interview pages find their recruitment: through the municipality filter, and only for those who see its
/// candidates (owner, HR, panel). Missing and not allowed give the same null, a 404, so nobody learns what exists.
/// </summary>
internal static class Intervjusidor
{
    public static async Task<Rekrytering?> LoadVisibleAsync(this RekryteringService service, int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = await service.LoadAsync(id, ct);
        return r is not null && RekryteringAccess.CanView(user, r) ? r : null;
    }

    public static async Task<(Rekrytering R, Kandidat K)?> LoadVisibleAsync(
        this RekryteringService service, int id, int kandidatId, ClaimsPrincipal user, CancellationToken ct) =>
        await service.LoadVisibleAsync(id, user, ct) is { } r && r.Kandidater.FirstOrDefault(k => k.Id == kandidatId) is { } k
            ? (r, k)
            : null;
}
