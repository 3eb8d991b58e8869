using ChefsRekrytering.Kommuner;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Portal;

/// <summary>The municipalities of the portal, and a new one added without a deploy: for the portal administrator only.</summary>
[Authorize(Policy = Behorighet.Portaladministrator)]
public class KommunerModel(KommunService kommuner) : PageModel
{
    public IReadOnlyList<KommunService.Kommunrad> Rader { get; private set; } = [];
    public List<SelectListItem> KommunVal { get; private set; } = [];

    [BindProperty] public NyKommun Ny { get; set; } = new();

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync() =>
        await this.AnswerAsync(await kommuner.LaggTillAsync(Ny, User, HttpContext.RequestAborted), LoadAsync);

    private async Task LoadAsync()
    {
        Rader = await kommuner.KommunerAsync(User, HttpContext.RequestAborted);
        KommunVal = Rader.Select(r => new SelectListItem(r.Namn, r.Id)).ToList();
    }
}
