using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Web.Pages.Ledarskap;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>
/// The year's announcement, for everyone in the municipality once HR or Admin has published it. Before that only they
/// see it, as a preview with the button that publishes; for everyone else the year does not exist yet.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class TillkannagivandeModel(AppDbContext db, AretsChefService service) : PageModel
{
    public Kampanj K { get; private set; } = null!;
    public bool KanTillkannage => User.IsInRole(Roller.HR) || User.IsInRole(Roller.Admin);
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int ar, CancellationToken ct) => await LoadAsync(ar, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTillkannageAsync(int ar, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(ar, ct) || !KanTillkannage) return NotFound();
        return await db.ChangeIfUnchangedAsync(K, posted, () => Task.FromResult(
                service.Workflow(K, 0).Fire(KampanjHandelse.Tillkannage, User.Actor()) is { Succeeded: false } refused
                    ? this.Refuse([.. refused.Reasons])
                    : this.Done($"/arets-chef/{ar}", $"{K.VinnareNamn} är tillkännagiven som Årets chef {ar}.")),
            () => LoadAsync(ar, ct), reasons => this.Refuse(reasons));
    }

    private async Task<bool> LoadAsync(int ar, CancellationToken ct)
    {
        if (await service.LoadAsync(ar, ct) is not { } k) return false;
        if (k.State != S.Tillkannagiven && !(k.State == S.Beslutad && KanTillkannage)) return false;
        K = k;
        Version = k.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
