using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

[AllowAnonymous]
public class VisaModel(PolicyLibrary library) : PageModel
{
    public LeadershipPolicy Policy { get; private set; } = null!;

    public IActionResult OnGet(string kommun)
    {
        if (library.Find(kommun) is not { } policy) return NotFound();
        Policy = policy;
        return Page();
    }
}
