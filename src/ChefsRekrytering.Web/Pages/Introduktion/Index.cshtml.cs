using ChefsRekrytering.Introduktioner;

namespace ChefsRekrytering.Web.Pages.Introduktion;

using Introduktion = ChefsRekrytering.Introduktioner.Introduktion; // the type, which the namespace Pages.Introduktion would hide

/// <summary>Introductions: all of them for HR; for a manager their own and those they lead or are responsible for.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(IntroduktionService service) : PageModel
{
    public IReadOnlyList<Introduktion> Rader { get; private set; } = [];
    public bool KanSkapa => IntroduktionAccess.KanSkapa(User);

    public async Task OnGetAsync() => Rader = await service.ListaAsync(User, HttpContext.RequestAborted);
}
