using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(RekryteringService rekryteringar) : PageModel
{
    public Rekryteringslista Lista { get; private set; } = new([], 0, 1);
    public IReadOnlyList<Rekryteringsrad> Rader => Lista.Rader;
    public List<SelectListItem> Faser { get; private set; } = [];
    public bool KanSkapa => User.IsInRole(Roller.RekryterandeChef) || User.IsInRole(Roller.HR);
    [BindProperty(SupportsGet = true)] public string? Fas { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "sida")] public int Sida { get; set; } = 1;
    public int Totalt => Lista.Totalt;
    public int Sidor => Lista.Sidor;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var fas = Fas switch { "avslutade" => Listfas.Avslutade, "alla" => Listfas.Alla, _ => Listfas.Pagaende };
        Lista = await rekryteringar.ListaAsync(fas, Sida, User, ct);
        Sida = Lista.Sida;
        Faser =
        [
            new("Pågående", "pagaende", fas == Listfas.Pagaende),
            new("Avslutade", "avslutade", fas == Listfas.Avslutade),
            new("Alla", "alla", fas == Listfas.Alla),
        ];
    }
}
