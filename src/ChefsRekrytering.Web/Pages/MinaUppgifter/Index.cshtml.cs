using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.MinaUppgifter;

/// <summary>
/// A signed-in person's own register extract: everything the portal holds about them, including what only they may get
/// (whom they nominated as Årets chef). Found by their own account, never by an address typed in.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(RegisterutdragService service, AuditLog audit, AppDbContext db) : PageModel
{
    public Arkiv.Registerutdrag Utdrag { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Utdrag = await SammanstallAsync(ct);

    public async Task<IActionResult> OnPostHamtaAsync(CancellationToken ct)
    {
        var utdrag = await SammanstallAsync(ct);
        audit.Add(User, AuditAction.LaddadeNed, Granskningsobjekt.Registerutdrag, User.PersonId() ?? 0, "Eget registerutdrag hämtat av personen själv");
        await db.SaveChangesAsync(ct);
        return File(await service.ZipAsync(utdrag, ct), "application/zip", $"mina-uppgifter-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.zip");
    }

    private async Task<Arkiv.Registerutdrag> SammanstallAsync(CancellationToken ct) =>
        await service.SammanstallAsync(await service.MigSjalvAsync(User, ct), User.Namn(), Utdragsmottagare.Personen, ct);
}
