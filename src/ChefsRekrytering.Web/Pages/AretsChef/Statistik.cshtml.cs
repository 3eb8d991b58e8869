using ChefsRekrytering.AretsChef;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>HR's figures for a year: nominations per unit and per nominee, and how many employees took part.</summary>
[Authorize(Policy = Behorighet.HR)]
public class StatistikModel(AretsChefService service) : PageModel
{
    public Kampanj Kampanj { get; private set; } = null!;
    public Statistik Statistik { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int ar, CancellationToken ct)
    {
        if (await service.StatistikAsync(ar, User, ct) is not { } s) return NotFound();
        (Kampanj, Statistik) = (s.Kampanj, s.Statistik);
        return Page();
    }
}
