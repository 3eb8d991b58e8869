using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Granskning;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>
/// A candidate's references: listed for owner, HR and panel; recorded by the owner and HR only, who run the
/// recruitment (the panel records interview assessments and nothing else).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Kandidat, "kandidatId", "Referenser")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ReferenserModel(KandidatService service) : PageModel
{
    public Referensvy Vy { get; private set; } = null!;
    public Rekrytering Rekrytering => Vy.Rekrytering;
    public Kandidat Kandidat => Vy.Kandidat;
    public bool KanRegistrera => Vy.KanRegistrera;
    /// <summary>Why references cannot be recorded for the candidate now, or null.</summary>
    public string? Hinder => Vy.Hinder;

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
        if (!ModelState.IsValid) return await LoadAsync(id, kandidatId, ct) ? Page() : NotFound();
        var result = await service.RegistreraReferensAsync(id, kandidatId, new(Ny.Namn, Ny.Relation, Ny.Kontakt, Ny.Anteckningar), User, ct);
        return await this.AnswerAsync(result, () => LoadAsync(id, kandidatId, ct));
    }

    private async Task<bool> LoadAsync(int id, int kandidatId, CancellationToken ct)
    {
        if (await service.ReferenserAsync(id, kandidatId, User, ct) is not { } vy) return false;
        Vy = vy;
        return true;
    }
}
