using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

/// <summary>
/// The recruitment's board (<see cref="Kandidattavla"/>): a column per state of the application, a card per applicant
/// with a form to move it (which wwwroot/js/tavla.js drives by drag-and-drop and keyboard, posting the same form), and
/// bulk actions on the ticked applicants. Each form posts to one command; the process and the access rule decide.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class TavlaModel(Kandidattavla tavlor, KandidatService kandidater, PortalCookies cookies) : PageModel
{
    public Tavla Tavla { get; private set; } = null!;

    /// <summary>After a bulk action: the ticked applicants it did not change, each with why.</summary>
    public IReadOnlyList<string> Nekade { get; private set; } = [];

    private const string NekadeNyckel = "Tavla.Nekade";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Read only when there is a message: reading TempData deletes its cookie on every response.
        if (Request.Cookies.ContainsKey(cookies.Meddelande) && TempData[NekadeNyckel] is string[] nekade) Nekade = nekade;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>A card moved to the column <paramref name="till"/>, with the version of the application the card showed.</summary>
    public async Task<IActionResult> OnPostFlyttaAsync(int id, int kandidatId, Guid version, KandidatTillstand till, CancellationToken ct)
    {
        ModelState.Clear();
        return await this.AnswerAsync(await kandidater.FlyttaAsync(id, kandidatId, version, till, User, ct), () => LoadAsync(id, ct),
            fragment: $"kort-{kandidatId}");
    }

    /// <summary>A bulk action on the ticked applicants; the ones it did not change are listed after the redirect.</summary>
    public async Task<IActionResult> OnPostMassAsync(int id, List<string> valda, Massatgard atgard, string? avslagsskal,
        [DataType(DataType.MultilineText), Display(Name = "meddelande")] string? meddelande, CancellationToken ct)
    {
        ModelState.Clear();
        // The ticked checkboxes' values; one that is no number is no applicant of the recruitment, and refuses the action.
        var ids = valda.Select(v => int.TryParse(v, out var kandidatId) ? kandidatId : -1).ToList();
        var result = atgard switch
        {
            Massatgard.Meddela => await tavlor.MeddelaAsync(id, ids, meddelande, User, ct),
            Massatgard.EjAktuell => await tavlor.EjAktuellAsync(id, ids, avslagsskal, User, ct),
            Massatgard.BjudIn => await tavlor.BjudInAsync(id, ids, User, ct),
            _ => CommandResult.Refused("Välj en åtgärd."),
        };
        if (result.Succeeded && result.Reasons.Count > 0) TempData[NekadeNyckel] = result.Reasons.ToArray();
        return await this.AnswerAsync(result, () => LoadAsync(id, ct), fragment: "tavla-rubrik");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await tavlor.TavlaAsync(id, User, ct) is not { } tavla) return false;
        Tavla = tavla;
        return true;
    }
}
