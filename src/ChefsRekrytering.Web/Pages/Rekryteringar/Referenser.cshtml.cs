using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>
/// A candidate's references: listed for owner, HR and panel; recorded by the owner and HR only, who run the
/// recruitment (the panel records interview assessments and nothing else).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Kandidat, "kandidatId", "Referenser")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ReferenserModel(RekryteringService service, AppDbContext db) : PageModel
{
    public Rekrytering Rekrytering { get; private set; } = null!;
    public Kandidat Kandidat { get; private set; } = null!;
    public bool KanLaggaTill { get; private set; }
    /// <summary>Why references cannot be recorded for the candidate now, or null.</summary>
    public string? Hinder { get; private set; }

    [BindProperty] public ReferensInput Ny { get; set; } = new();

    public sealed class ReferensInput
    {
        [Required, StringLength(200), Display(Name = "referensens namn")] public string Namn { get; set; } = "";
        [Required, StringLength(200), Display(Name = "relation till kandidaten")] public string Relation { get; set; } = "";
        [StringLength(256), Display(Name = "kontaktuppgift")] public string? Kontakt { get; set; }
        [Required, StringLength(4000), Display(Name = "anteckningar"), DataType(DataType.MultilineText)] public string Anteckningar { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id, int kandidatId, CancellationToken ct) =>
        await LoadAsync(id, kandidatId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (!await LoadAsync(id, kandidatId, ct)) return NotFound();
        if (!KanLaggaTill) return Forbid(); // the panel sees the list, so its existence is no secret: 403, not 404
        if (Hinder is not null || !ModelState.IsValid) return Page(); // the page says why beside the form

        Kandidat.Referenser.Add(new Referens
        {
            KommunId = Kandidat.KommunId, KandidatId = Kandidat.Id, Namn = Ny.Namn.Trim(), Relation = Ny.Relation.Trim(),
            Kontakt = string.IsNullOrWhiteSpace(Ny.Kontakt) ? null : Ny.Kontakt.Trim(), Anteckningar = Ny.Anteckningar.Trim(),
            TagenUtc = db.UtcNow, TagenAv = User.Namn(),
        });
        await db.SaveChangesAsync(ct);
        TempData["Meddelande"] = $"Referensen från {Ny.Namn.Trim()} är sparad.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (await service.LoadVisibleAsync(id, kandidatId, User, ct) is not var (r, k)) return false;
        (Rekrytering, Kandidat) = (r, k);
        KanLaggaTill = RekryteringAccess.CanManage(User, r);
        Hinder = Referenstagning.Hinder(k, r);
        return true;
    }
}
