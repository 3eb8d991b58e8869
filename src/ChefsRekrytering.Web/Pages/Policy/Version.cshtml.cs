using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

/// <summary>One published version as it was adopted: what a record built on it refers to.</summary>
[AllowAnonymous]
public class VersionModel(PolicyService service, PolicyLibrary library) : PageModel
{
    public LeadershipPolicy Policy { get; private set; } = null!;
    public LeadershipPolicy Gallande { get; private set; } = null!;

    public IActionResult OnGet(string kommun, int nummer)
    {
        if (service.Publicerad(kommun, nummer) is not { } policy) return NotFound();
        (Policy, Gallande) = (policy, library.Get(kommun));
        return Page();
    }
}
