using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A candidate's CV and letter are for those who see the recruitment's candidates: owner, HR, panel.</summary>
public sealed class KandidatDocumentAccess(AppDbContext db) : IDocumentOwnerAccess
{
    public const string Owner = "Kandidat";
    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, int ownerId)
    {
        var r = await db.Set<Kandidat>().Where(k => k.Id == ownerId).Select(k => k.Rekrytering!)
            .Include(x => x.Panel).AsNoTracking().FirstOrDefaultAsync();
        return r is not null && RekryteringAccess.CanView(user, r);
    }
}
