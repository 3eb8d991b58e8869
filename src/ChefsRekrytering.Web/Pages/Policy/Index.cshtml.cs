using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

// The adopted policies are public documents: applicants read them too.
[AllowAnonymous]
public class IndexModel(PolicyLibrary library) : PageModel
{
    public IReadOnlyCollection<LeadershipPolicy> Policies => library.All;
    public string? EgenKommun => User.KommunId();

    public void OnGet() { }
}
