using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Ledarakademin;

/// <summary>
/// HR: every manager's track with a summary per step, filtered by a part of the organisation and a step's status.
/// A manager: their own track and those of the managers they are närmast högre chef for (ChefAccess), nobody else's.
/// </summary>
[Authorize(Policy = Behorighet.Chef)]
public class IndexModel(LedarakademinService service) : PageModel
{
    public sealed record Rad(LedarakademinSpar Spar, string Enhet);

    /// <summary>HR's view of the whole municipality, with its filter and summary.</summary>
    public bool HelaKommunen { get; private set; }
    public int Ar { get; private set; }
    /// <summary>The signed-in manager's own track, when they are a manager (a manager's view only).</summary>
    public LedarakademinSpar? Eget { get; private set; }
    public IReadOnlyList<Rad> Rader { get; private set; } = [];
    /// <summary>Per step, how many of the managers shown (before the status filter) have each status.</summary>
    public IReadOnlyDictionary<Steg, Dictionary<StegStatus, int>> Summering { get; private set; } = new Dictionary<Steg, Dictionary<StegStatus, int>>();
    public int AntalChefer { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Enhet { get; set; }
    [BindProperty(SupportsGet = true)] public Steg? Steg { get; set; }
    [BindProperty(SupportsGet = true)] public StegStatus? Status { get; set; }
    public List<SelectListItem> EnhetsVal { get; private set; } = [];
    public List<SelectListItem> StegVal { get; private set; } = [];
    public List<SelectListItem> StatusVal { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var oversikt = await service.OversiktAsync(User, Enhet, ct);
        var lage = oversikt.Lage;
        (HelaKommunen, Eget, Ar) = (oversikt.HelaKommunen, oversikt.Eget, service.Today.Year);
        if (HelaKommunen)
        {
            EnhetsVal = OrgChartOptions.Units(lage.Org, Enhet);
            StegVal = Enum.GetValues<Steg>().Select(s => new SelectListItem(SwedishText.Of(s), s.ToString(), s == Steg)).ToList();
            StatusVal = Enum.GetValues<StegStatus>().Select(s => new SelectListItem(SwedishText.Of(s), s.ToString(), s == Status)).ToList();
        }

        var rows = oversikt.Synliga.Select(s => new Rad(s, string.Join(", ", lage.EnheterFor(s).Select(u => u.Namn))))
            .OrderBy(r => lage.EnheterFor(r.Spar).Select(u => lage.Org.PathOf(u.Id)).FirstOrDefault() ?? "")
            .ThenBy(r => r.Spar.Chef.Namn).ToList();
        AntalChefer = rows.Count;
        Summering = Enum.GetValues<Steg>().ToDictionary(s => s,
            s => Enum.GetValues<StegStatus>().ToDictionary(st => st, st => rows.Count(r => r.Spar[s].Status == st)));
        if (Status is StegStatus status)
            rows = rows.Where(r => Steg is Steg steg ? r.Spar[steg].Status == status : r.Spar.Stegen.Any(x => x.Status == status)).ToList();
        Rader = rows;
    }
}
