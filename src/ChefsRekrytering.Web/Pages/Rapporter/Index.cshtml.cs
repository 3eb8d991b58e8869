using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rapporter;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ChefsRekrytering.Web.Pages.Rapporter;

/// <summary>
/// Reports for HR and the leadership: recruitment, introduction and Ledarakademin for a year or a chosen period, each
/// table with a chart and a CSV for Excel. HR, and the chefs of the kommunledning and the förvaltningar (see
/// <see cref="Ledning"/>); in a municipality with a handful of managers even counts point at people (who took long to
/// fill, whose introduction is behind), so other managers and Admin are refused.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(RapportService rapporter, TimeProvider clock, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Ar { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Fran { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Till { get; set; }

    public Rapportperiod Period { get; private set; } = null!;
    public IReadOnlyList<Rapporttabell> Tabeller { get; private set; } = [];
    public IReadOnlyList<int> ArVal { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await MayReadAsync(ct)) return Forbid();
        Period = ValjPeriod();
        Tabeller = await rapporter.TabellerAsync(Period, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? tabell, CancellationToken ct)
    {
        if (!await MayReadAsync(ct)) return Forbid();
        Period = ValjPeriod();
        var t = (await rapporter.TabellerAsync(Period, ct)).FirstOrDefault(x => x.Id == tabell);
        return t is null ? NotFound() : File(Csv.Skriv(t), "text/csv; charset=utf-8", $"{t.Id}-{Period.Filnamn}.csv");
    }

    /// <summary>The same period as the page, so the file holds what the page shows.</summary>
    public string CsvLank(Rapporttabell t) => QueryHelpers.AddQueryString("/rapporter", new Dictionary<string, string?>
    {
        ["handler"] = "csv", ["tabell"] = t.Id,
        ["fran"] = Period.Fran.ToString("yyyy-MM-dd"), ["till"] = Period.Till.ToString("yyyy-MM-dd"),
    });

    /// <summary>HR, or the leadership as the org tree says now (not as the sign-in cookie remembers it).</summary>
    private async Task<bool> MayReadAsync(CancellationToken ct) =>
        User.IsInRole(Roller.HR) || await Ledning.LederAsync(db, User.KommunId() ?? "", User.PersonId(), ct);

    /// <summary>Columns of numbers are right-aligned, so digits line up.</summary>
    public static bool Numerisk(Rapporttabell t, int kolumn) => t.Rader.Any(r => r[kolumn] is int or decimal or double);

    /// <summary>A chosen period if it is one; else the chosen year; else this year.</summary>
    private Rapportperiod ValjPeriod()
    {
        var iar = SwedishTime.ToLocal(clock.GetUtcNow().UtcDateTime).Year;
        ArVal = Enumerable.Range(0, 6).Select(i => iar - i).ToList();
        // The period is judged here, with what is shown instead; the general date check (SensibleDates) would only repeat it.
        if (Fran is not null) ModelState.Remove(nameof(Fran));
        if (Till is not null) ModelState.Remove(nameof(Till));
        if (Fran is { } fran && Till is { } till)
        {
            // The portal's records start in this century; a date far outside is a typing error (and 9999-12-31 has no day after).
            var (forst, sist) = (Datumfonster.Rimligt.Forst, new DateOnly(iar + 1, 12, 31));
            if (fran < forst || till > sist)
                ModelState.AddModelError(nameof(Fran), $"Välj datum från {forst:yyyy-MM-dd} till {sist:yyyy-MM-dd}. Rapporten visar i stället hela året.");
            else if (fran <= till) return new Rapportperiod(fran, till);
            else ModelState.AddModelError(nameof(Fran), "Från-datumet ligger efter till-datumet. Rapporten visar i stället hela året.");
        }
        return Rapportperiod.Ar(Ar is int ar && ArVal.Contains(ar) ? ar : iar);
    }
}
