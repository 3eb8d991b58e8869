using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A candidate's CV and letter are for those who see the recruitment's candidates: owner, HR, panel.
/// Every download is audit-logged. An applicant anonymous in the screening (<see cref="RekryteringAccess.ArAnonym"/>)
/// has no readable documents for anyone, whatever link is tried.</summary>
public sealed class KandidatDocumentAccess(AppDbContext db, Granskning.AuditLog audit) : IDocumentOwnerAccess
{
    public const string Owner = "Kandidat";
    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, int ownerId)
    {
        var r = await db.Set<Rekrytering>().Include(x => x.Panel).AsNoTracking()
            .FirstOrDefaultAsync(x => x.Kandidater.Any(k => k.Id == ownerId));
        if (r is null || !RekryteringAccess.CanView(user, r)) return false;
        var k = await db.Set<Kandidat>().AsNoTracking().FirstAsync(x => x.Id == ownerId);
        if (RekryteringAccess.ArAnonym(r, k)) return false;
        audit.Add(user, Granskning.AuditAction.LaddadeNed, Granskning.Granskningsobjekt.Kandidatdokument, ownerId);
        await db.SaveChangesAsync();
        return true;
    }
}
