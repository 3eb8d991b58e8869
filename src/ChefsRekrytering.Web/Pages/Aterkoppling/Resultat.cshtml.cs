using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Web.Pages.Aterkoppling;

/// <summary>A chef's feedback from their employees, beside their own self-assessment of the year: for the chef, and for
/// HR (who reaches it from the overview); both only above the threshold.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class ResultatModel(AterkopplingService service) : PageModel
{
    public Chefsresultat Resultat { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? ar, int? chef, CancellationToken ct)
    {
        if ((chef ?? User.PersonId()) is not int chefId || await service.ResultatAsync(chefId, ar, User, ct) is not { } resultat) return NotFound();
        Resultat = resultat;
        return Page();
    }
}
