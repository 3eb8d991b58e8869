using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Granskning;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>
/// The signed-in interviewer's own scorecard for one candidate: 1–5 and a comment per competence. It shows and writes only
/// the user's own scores; everyone's together are on the comparison page.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Kandidat, "kandidatId", "Egen intervjubedömning")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // assessments of a person: no shared caches
public class BedomningModel(KandidatService service) : PageModel
{
    public Bedomningsvy Vy { get; private set; } = null!;
    public Rekrytering Rekrytering => Vy.Rekrytering;
    public Kandidat Kandidat => Vy.Kandidat;
    public IReadOnlyList<KravprofilKompetens> Kompetenser => Vy.Kompetenser;
    /// <summary>Why the scorecard cannot be filled in now, or null.</summary>
    public string? Hinder => Vy.Hinder;
    public DateTime? SparadUtc => Vy.SparadUtc;

    /// <summary>One row per competence, in the profile's order (the form's index is the competence's place).</summary>
    [BindProperty] public List<Poangsattning> Rader { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (!await LoadAsync(id, kandidatId, ct)) return NotFound();
        Rader = InProfileOrder(Vy.Egna);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int kandidatId, CancellationToken ct)
    {
        var posted = Rader;
        if (!await LoadAsync(id, kandidatId, ct)) return NotFound();
        // Each refusal stands beside its competence: the scorecard's own rule (Bedomningar.Validera) places them, and the
        // command applies the same rule again before it saves.
        var fel = Hinder is null ? Bedomningar.Validera(Rekrytering.GallandeKravprofil!, posted) : [];
        if (ModelState.IsValid && fel.Count == 0)
            return await this.AnswerAsync(await service.SparaBedomningAsync(id, kandidatId, posted, User, ct), () => ShowAgainAsync(id, kandidatId, posted, ct));
        var ids = Kompetenser.Select(c => c.Id).ToList();
        foreach (var f in fel) ModelState.AddModelError(f.KompetensId is int kid ? PoangFalt(ids.IndexOf(kid)) : "", f.Meddelande);
        // Shown again in the profile's order whatever order the form came in, so each error stands beside its competence.
        Rader = InProfileOrder(posted);
        return Page();
    }

    private async Task ShowAgainAsync(int id, int kandidatId, List<Poangsattning> posted, CancellationToken ct)
    {
        await LoadAsync(id, kandidatId, ct);
        Rader = InProfileOrder(posted);
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
        if (await service.BedomningAsync(id, kandidatId, User, ct) is not { } vy) return false;
        Vy = vy;
        return true;
    }
}
