using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Granskning;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>
/// Candidates × competences: mean scores, interviewers, weighted total and rank, for owner, HR and panel. Each interviewer's
/// own scores and comments are shown to the owner and HR only: the panel records, the owner and HR decide.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Rekrytering, "id", "Jämförelse och intervjubedömningar")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class JamforelseModel(RekryteringService service) : PageModel
{
    public Rekrytering Rekrytering { get; private set; } = null!;
    public Jamforelse? Matris { get; private set; }
    public bool VisaBedomare { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.SynligAsync(id, User, ct) is not { Rekrytering: var r } synlig) return NotFound();
        Rekrytering = r;
        Matris = r.GallandeKravprofil is { } profil ? Bedomningar.Jamfor(profil, r.Kandidater) : null;
        VisaBedomare = synlig.KanDriva;
        return Page();
    }
}
