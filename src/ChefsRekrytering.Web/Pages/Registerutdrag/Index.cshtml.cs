using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Registerutdrag;

/// <summary>
/// HR answers a person's request: everything the portal holds about them as a ZIP file, and erasure where the law allows
/// it, with the record of each erasure. The address travels in posted forms only, never in a URL that logs and browser
/// histories keep.
/// </summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(RegisterutdragService service, AuditLog audit, AppDbContext db) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(256), Display(Name = "e-postadress")]
    public string Epost { get; set; } = "";

    [BindProperty, StringLength(1000), Display(Name = "skäl"), DataType(DataType.MultilineText)]
    public string? Skal { get; set; }

    public Arkiv.Registerutdrag? Utdrag { get; private set; }
    public Raderingsprovning? Provning { get; private set; }
    public Radering? Utford { get; private set; }
    public IReadOnlyList<Radering> Senaste { get; private set; } = [];

    public Task OnGetAsync() => LoadLatestAsync();

    public async Task<IActionResult> OnPostSokAsync(CancellationToken ct)
    {
        if (ModelState.IsValid) await SummariseAsync("Registerutdrag visat", ct);
        await LoadLatestAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostHamtaAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadLatestAsync();
            return Page();
        }
        var utdrag = await SummariseAsync("Registerutdrag hämtat som fil", ct, AuditAction.LaddadeNed);
        return File(await service.ZipAsync(utdrag, ct), "application/zip", $"registerutdrag-{SwedishTime.ToLocal(db.UtcNow):yyyy-MM-dd}.zip");
    }

    public async Task<IActionResult> OnPostRaderaAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Skal))
            ModelState.AddModelError(nameof(Skal), "Ange skälet till raderingen, till exempel ”Begäran från den sökande 2027-03-01”.");
        if (ModelState.IsValid)
        {
            var (provning, utford) = await service.RaderaAsync(await service.HittaAsync(Epost, ct), Skal!, User, ct);
            // Refused: the reasons stay on the page. Done: the page shows what is left now.
            (Provning, Utford) = (utford is null ? provning : null, utford);
            if (utford is null) ModelState.AddModelError("", "Inget kunde raderas. Skälen står under Radering.");
            else Skal = null;
            await SummariseAsync("Registerutdrag visat efter radering", ct);
        }
        await LoadLatestAsync();
        return Page();
    }

    private async Task<Arkiv.Registerutdrag> SummariseAsync(string detail, CancellationToken ct, AuditAction action = AuditAction.Last)
    {
        var person = await service.HittaAsync(Epost, ct);
        Utdrag = await service.SammanstallAsync(person, User.Namn(), Utdragsmottagare.HR, ct);
        Provning ??= await service.ProvaAsync(person, ct);
        // Ids, not the address: the log says whose records were read (the employee record, else the applications)
        // without holding the address itself.
        var ansokningar = await service.AnsokningsIdnAsync(person, ct);
        audit.Add(User, action, Granskningsobjekt.Registerutdrag, person.PersonIds.FirstOrDefault(),
            $"{detail}: {(person.PersonIds.Count > 0 ? $"anställd {person.PersonIds[0]}" : "ingen anställd")}" +
            $"{(ansokningar.Count > 0 ? $", ansökningar {string.Join(", ", ansokningar.Take(20))}" : "")}, {Utdrag.AntalPoster} poster");
        await db.SaveChangesAsync(ct);
        return Utdrag;
    }

    private async Task LoadLatestAsync() =>
        Senaste = await db.Set<Radering>().AsNoTracking().OrderByDescending(r => r.AtUtc).Take(20).ToListAsync();
}
