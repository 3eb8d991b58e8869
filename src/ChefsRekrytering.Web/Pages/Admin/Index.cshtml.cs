using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class IndexModel(BehorighetService behorigheter, PolicyLibrary policies) : PageModel
{
    public string KommunId => User.KommunId()!;
    public string KommunNamn => policies.Get(KommunId).Kommun;
    public int Anvandare { get; private set; }
    public int Enheter { get; private set; }
    public int Personer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await behorigheter.AntalAsync(User, ct) is not var (konton, enheter, personer)) return Forbid();
        (Anvandare, Enheter, Personer) = (konton, enheter, personer);
        return Page();
    }
}
