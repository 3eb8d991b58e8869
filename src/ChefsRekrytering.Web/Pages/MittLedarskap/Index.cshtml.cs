using ChefsRekrytering.Ledarskap;

namespace ChefsRekrytering.Web.Pages.MittLedarskap;

using MittLedarskap = ChefsRekrytering.Ledarskap.MittLedarskap; // the type, which the namespace Pages.MittLedarskap would hide

/// <summary>
/// A signed-in manager's way to their own uppdragskontrakt and self-assessment, and to those of the managers they are
/// närmast högre chef for; HR sees every manager of the municipality.
/// </summary>
[Authorize(Policy = Behorighet.Chef)]
public class IndexModel(LedarskapOversikt oversikt, global::ChefsRekrytering.Chefsforsorjning.ChefsforsorjningService chefsforsorjning) : PageModel
{
    public MittLedarskap Oversikt { get; private set; } = new(null, [], false, 0);

    /// <summary>How many of the user's staff have declared interest in a manager's role (chefsförsörjning).</summary>
    public int AnmaldaMedarbetare { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Oversikt = await oversikt.MittLedarskapAsync(User, ct);
        AnmaldaMedarbetare = await chefsforsorjning.AntalMedarbetareAsync(User, ct);
    }
}
