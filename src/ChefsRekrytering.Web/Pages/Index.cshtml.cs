using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Startsida;

namespace ChefsRekrytering.Web.Pages;

[AllowAnonymous]
public class IndexModel(StartsidaService startsida, PolicyLibrary policies) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public LeadershipPolicy? Policy { get; private set; }
    public IEnumerable<string> Roller => ChefsRekrytering.Konton.Roller.Alla.Where(User.IsInRole);
    public MinPlats Plats { get; private set; } = MinPlats.Ingen;
    public IReadOnlyList<Uppgift> Vantar { get; private set; } = [];
    public DateTime Nu { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!SignedIn || User.KommunId() is not { } kommunId) return;
        Policy = policies.Find(kommunId);
        Plats = await startsida.MinPlatsAsync(User, ct);
        Vantar = await startsida.VantarAsync(User, ct);
        Nu = startsida.UtcNow;
    }
}
