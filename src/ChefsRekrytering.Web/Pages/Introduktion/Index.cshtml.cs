using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.Introduktioner;

/// <summary>Introductions: all of them for HR; for a manager their own and those they lead or are responsible for.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(IntroduktionService service) : PageModel
{
    public IReadOnlyList<Introduktion> Rader { get; private set; } = [];
    public bool KanSkapa => IntroduktionAccess.KanSkapa(User);

    public async Task OnGetAsync() => Rader = await service.ListaAsync(User, HttpContext.RequestAborted);
}
