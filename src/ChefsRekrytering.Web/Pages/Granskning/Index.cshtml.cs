using ChefsRekrytering.Granskning;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Routing;

namespace ChefsRekrytering.Web.Pages.Granskning;

/// <summary>HR searches the audit log (<see cref="GranskningsloggService"/>): by person, kind of record, id and dates,
/// newest first, a page at a time.</summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(GranskningsloggService logg) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Vem { get; set; }
    [BindProperty(SupportsGet = true)] public string? Typ { get; set; }
    [BindProperty(SupportsGet = true)] public int? Objekt { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "från-datum")] public DateOnly? Fran { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "till-datum")] public DateOnly? Till { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "sida")] public int Sida { get; set; } = 1;

    public IReadOnlyList<Logghandelse> Handelser { get; private set; } = [];
    public int Antal { get; private set; }
    public int Sidor { get; private set; } = 1;
    public List<SelectListItem> TypVal { get; private set; } = [];
    private IReadOnlyDictionary<int, int> _kandidatensRekrytering = new Dictionary<int, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        TypVal = Granskningsobjekt.Namn.Select(x => new SelectListItem(x.Value, x.Key, x.Key == Typ)).OrderBy(x => x.Text).ToList();
        // The dates are judged by the search, with what is searched instead; the general date check (SensibleDates) would only repeat it.
        if (Fran is not null) ModelState.Remove(nameof(Fran));
        if (Till is not null) ModelState.Remove(nameof(Till));
        if (await logg.SokAsync(new(Vem, Typ, Objekt, Fran, Till, Sida), User, ct) is not { } sida) return NotFound();
        foreach (var anmarkning in sida.Anmarkningar) ModelState.AddModelError(nameof(Fran), anmarkning);
        (Handelser, Antal, Sida, Sidor, Fran, Till, _kandidatensRekrytering) =
            (sida.Handelser, sida.Antal, sida.Sida, sida.Sidor, sida.Fran, sida.Till, sida.KandidatensRekrytering);
        return Page();
    }

    /// <summary>Where the record is, for the kinds that have a page of their own.</summary>
    public string? Lank(Logghandelse e) => e.ObjectType switch
    {
        Granskningsobjekt.Kandidat or Granskningsobjekt.Kandidatdokument when _kandidatensRekrytering.TryGetValue(e.ObjectId, out var r) =>
            Url.Page("/Rekrytering/Kandidat", new { id = r, kandidatId = e.ObjectId }),
        Granskningsobjekt.Rekrytering => Url.Page("/Rekrytering/Detaljer", new { id = e.ObjectId }),
        Granskningsobjekt.Avveckling => Url.Page("/Avveckling/Detaljer", new { id = e.ObjectId }),
        "Introduktion" => Url.Page("/Introduktion/Detaljer", new { id = e.ObjectId }),
        Granskningsobjekt.Ledarakademin => Url.Page("/Ledarakademin/Spar", new { personId = e.ObjectId }),
        Granskningsobjekt.Uppdragskontrakt when !e.Handelse.StartsWith("Steg") => Url.Page("/Uppdragskontrakt/Index", new { personId = e.ObjectId }),
        Granskningsobjekt.Sjalvskattning when !e.Handelse.StartsWith("Steg") => Url.Page("/Sjalvskattning/Index", new { personId = e.ObjectId }),
        _ => null,
    };

    /// <summary>The same search on another page.</summary>
    public string? SidLank(int sida) => Url.Page("/Granskning/Index", new RouteValueDictionary(new Dictionary<string, string?>
    {
        ["vem"] = Vem, ["typ"] = Typ, ["objekt"] = Objekt?.ToString(), ["fran"] = Fran?.ToString("yyyy-MM-dd"),
        ["till"] = Till?.ToString("yyyy-MM-dd"), ["sida"] = sida.ToString(),
    }.Where(x => !string.IsNullOrEmpty(x.Value))));
}
