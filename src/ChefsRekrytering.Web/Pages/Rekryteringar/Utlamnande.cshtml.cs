using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>
/// The recruitment as a public record for a request to see it: one self-contained HTML file (see <see cref="Utlamnande"/>
/// for what it leaves out and why). HR hands out public records, so HR makes the file; each one is logged.
/// </summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class UtlamnandeModel(RekryteringService service, PolicyLibrary policies, AuditLog audit, AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.LoadVisibleAsync(id, User, ct) is not { } r) return NotFound();
        var doc = Utlamnande.Skapa(r, policies.Find(r.KommunId)?.Kommun ?? r.KommunId, r.Enhet?.Namn ?? "", db.UtcNow, User.Namn());
        audit.Add(User, AuditAction.LaddadeNed, Granskningsobjekt.Rekrytering, r.Id, "Utlämnande av allmän handling");
        await db.SaveChangesAsync(ct);
        var file = $"{r.Diarienummer.Replace(' ', '-').Replace('/', '-')}-allman-handling-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.html";
        return File(doc.ToBytes(), "text/html; charset=utf-8", file);
    }
}
