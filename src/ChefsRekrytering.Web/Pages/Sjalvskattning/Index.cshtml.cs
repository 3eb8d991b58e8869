using ChefsRekrytering.Granskning;
using ChefsRekrytering.Ledarskap;

namespace ChefsRekrytering.Web.Pages.Sjalvskattning;

/// <summary>A manager's self-assessments year by year, side by side per policy requirement; the manager starts this year's.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Sjalvskattning, "personId", "Självskattningar år för år")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(SjalvskattningService service) : PageModel
{
    public SjalvskattningarDetaljer Detaljer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    /// <summary>Starts this year's self-assessment (or finds it started) and opens it.</summary>
    public async Task<IActionResult> OnPostNyAsync(int personId, CancellationToken ct)
    {
        var result = await service.PaborjaAsync(personId, User, ct);
        return result.Succeeded ? RedirectToPage("Ar", new { personId, ar = result.Value })
            : await this.AnswerAsync(result.Result, () => LoadAsync(personId, ct));
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        if (await service.SjalvskattningarAsync(personId, User, ct) is not { } detaljer) return false;
        Detaljer = detaljer;
        return true;
    }
}
