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
/// The signed-in interviewer's own scorecard for one candidate: 1–5 and a comment per competence. It shows and writes only
/// the user's own scores; everyone's together are on the comparison page.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Kandidat, "kandidatId", "Egen intervjubedömning")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // assessments of a person: no shared caches
public class BedomningModel(RekryteringService service, AppDbContext db) : PageModel
{
    public Rekrytering Rekrytering { get; private set; } = null!;
    public Kandidat Kandidat { get; private set; } = null!;
    public IReadOnlyList<KravprofilKompetens> Kompetenser { get; private set; } = [];
    /// <summary>Why the scorecard cannot be filled in now, or null.</summary>
    public string? Hinder { get; private set; }
    public DateTime? SparadUtc { get; private set; }

    /// <summary>One row per competence, in the profile's order (the form's index is the competence's place).</summary>
    [BindProperty] public List<Poangsattning> Rader { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (!await LoadAsync(id, kandidatId, ct)) return NotFound();
        Rader = InProfileOrder(Kandidat.Bedomningar.Where(b => b.BedomareUserId == User.UserId())
            .Select(b => new Poangsattning(b.KompetensId, b.Poang, b.Kommentar)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (!await LoadAsync(id, kandidatId, ct)) return NotFound();
        if (Hinder is not null) return Page();
        var posted = Rader;
        var fel = ModelState.IsValid
            ? await Bedomningar.SparaAsync(db, Kandidat, Rekrytering.GallandeKravprofil!, User.Actor(), posted, ct)
            : Bedomningar.Validera(Rekrytering.GallandeKravprofil!, posted);
        if (ModelState.IsValid && fel.Count == 0)
        {
            TempData["Meddelande"] = $"Din bedömning av {Kandidat.Namn} är sparad.";
            return RedirectToPage();
        }
        var ids = Kompetenser.Select(c => c.Id).ToList();
        foreach (var f in fel) ModelState.AddModelError(f.KompetensId is int kid ? PoangFalt(ids.IndexOf(kid)) : "", f.Meddelande);
        // Shown again in the profile's order whatever order the form came in, so each error stands beside its competence.
        Rader = InProfileOrder(posted);
        return Page();
    }

    /// <summary>One row per competence of the profile, in its order, filled from <paramref name="rows"/> where they have it.</summary>
    private List<Poangsattning> InProfileOrder(IEnumerable<Poangsattning> rows) =>
        Kompetenser.Select(c => rows.FirstOrDefault(r => r.KompetensId == c.Id) ?? new Poangsattning(c.Id, null, null)).ToList();

    /// <summary>The score field of the competence at this place in the profile; its errors are shown beside it.</summary>
    public static string PoangFalt(int index) => $"{nameof(Rader)}[{index}].Poang";

    public IEnumerable<string> FelFor(int index) =>
        ModelState.TryGetValue(PoangFalt(index), out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    private async Task<bool> LoadAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (await service.LoadVisibleAsync(id, kandidatId, User, ct) is not var (r, k) || !RekryteringAccess.CanAssess(User, r)) return false;
        (Rekrytering, Kandidat) = (r, k);
        var profil = r.GallandeKravprofil;
        Kompetenser = profil?.Ordnade() ?? [];
        Hinder = profil is null ? "Kravprofilen är inte fastställd, så det finns inga kompetenser att bedöma än." : Bedomningar.Hinder(k);
        SparadUtc = k.Bedomningar.Where(b => b.BedomareUserId == User.UserId()).Max(b => (DateTime?)b.SparadUtc);
        return true;
    }
}
