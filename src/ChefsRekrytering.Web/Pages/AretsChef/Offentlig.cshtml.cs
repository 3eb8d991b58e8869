using ChefsRekrytering.AretsChef;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>An announced winner for anyone, when HR chose to publish it publicly: the winner and the jury's motivation, nothing else.</summary>
[AllowAnonymous]
public class OffentligModel(AretsChefService service) : PageModel
{
    public Kampanj Kampanj { get; private set; } = null!;
    public string Kommun { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kommun, int ar, CancellationToken ct)
    {
        if (await service.OffentligtTillkannagivandeAsync(kommun, ar, ct) is not { } t) return NotFound();
        (Kampanj, Kommun) = (t.Kampanj, t.Kommun);
        return Page();
    }
}
