using ChefsRekrytering.AretsChef;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>
/// The year's announcement, for everyone in the municipality once HR or Admin has published it. Before that only they
/// see it, as a preview with the button that publishes; for everyone else the year does not exist yet
/// (<see cref="AretsChefAccess.SerTillkannagivandet"/>).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class TillkannagivandeModel(AretsChefService service) : PageModel
{
    public Kampanj Kampanj { get; private set; } = null!;
    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int ar, CancellationToken ct) => await LoadAsync(ar, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTillkannageAsync(int ar, CancellationToken ct) =>
        await this.AnswerAsync(await service.FireAsync(ar, Version, KampanjHandelse.Tillkannage, User, ct), () => LoadAsync(ar, ct));

    private async Task<bool> LoadAsync(int ar, CancellationToken ct)
    {
        if (await service.TillkannagivandeAsync(ar, User, ct) is not { } k) return false;
        Kampanj = k;
        Version = k.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
