using ChefsRekrytering.Arkiv;

namespace ChefsRekrytering.Web.Pages.MinaUppgifter;

/// <summary>
/// A signed-in person's own register extract: everything the portal holds about them, including what only they may get
/// (whom they nominated as Årets chef). Found by their own account, never by an address typed in.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(RegisterutdragService service) : PageModel
{
    public Arkiv.Registerutdrag Utdrag { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await service.MinaUppgifterAsync(User, ct) is not { } utdrag) return NotFound();
        Utdrag = utdrag;
        return Page();
    }

    public async Task<IActionResult> OnPostHamtaAsync(CancellationToken ct) =>
        await service.HamtaMinaUppgifterAsync(User, ct) is { } fil ? File(fil.Innehall, fil.Typ, fil.Filnamn) : NotFound();
}
