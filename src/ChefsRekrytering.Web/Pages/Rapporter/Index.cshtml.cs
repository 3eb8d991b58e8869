using ChefsRekrytering.Rapporter;
using Microsoft.AspNetCore.Routing;

namespace ChefsRekrytering.Web.Pages.Rapporter;

/// <summary>
/// Reports for HR and the leadership: recruitment, introduction and Ledarakademin for a year or a chosen period, each
/// table with a chart, a CSV and an Excel workbook. Who may read them is <see cref="RapportAccess"/>'s; anyone else is shown the
/// refusal page.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(RapportService rapporter) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Ar { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "från-datum")] public DateOnly? Fran { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "till-datum")] public DateOnly? Till { get; set; }

    public Rapportperiod Period { get; private set; } = null!;
    public IReadOnlyList<Rapporttabell> Tabeller { get; private set; } = [];
    public IReadOnlyList<int> ArVal { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public Task<IActionResult> OnGetCsvAsync(string? tabell, CancellationToken ct) =>
        FileAsync(tabell, t => File(Csv.Skriv(t), "text/csv; charset=utf-8", $"{t.Id}-{Period.Filnamn}.csv"), ct);

    public Task<IActionResult> OnGetXlsxAsync(string? tabell, CancellationToken ct) =>
        FileAsync(tabell, t => File(Xlsx.Skriv(t), Xlsx.MediaType, $"{t.Id}-{Period.Filnamn}.xlsx"), ct);

    private async Task<IActionResult> FileAsync(string? tabell, Func<Rapporttabell, IActionResult> fil, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        return Tabeller.FirstOrDefault(x => x.Id == tabell) is { } t ? fil(t) : NotFound();
    }

    /// <summary>The same period as the page, so the file holds what the page shows; <paramref name="format"/> is csv or xlsx.</summary>
    public string? FilLank(Rapporttabell t, string format) => Url.Page("/Rapporter/Index", new RouteValueDictionary
    {
        ["handler"] = format, ["tabell"] = t.Id,
        ["fran"] = Period.Fran.ToString("yyyy-MM-dd"), ["till"] = Period.Till.ToString("yyyy-MM-dd"),
    });

    /// <summary>Columns of numbers are right-aligned, so digits line up.</summary>
    public static bool Numerisk(Rapporttabell t, int kolumn) => t.Rader.Any(r => r[kolumn] is int or decimal or double);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // The period is judged by the report, with what is shown instead; the general date check (SensibleDates) would only repeat it.
        if (Fran is not null) ModelState.Remove(nameof(Fran));
        if (Till is not null) ModelState.Remove(nameof(Till));
        if (await rapporter.RapportAsync(new(Ar, Fran, Till), User, ct) is not { } rapport) return false;
        foreach (var anmarkning in rapport.Anmarkningar) ModelState.AddModelError(nameof(Fran), anmarkning);
        (Period, ArVal, Tabeller) = (rapport.Period, rapport.ArVal, rapport.Tabeller);
        return true;
    }
}
