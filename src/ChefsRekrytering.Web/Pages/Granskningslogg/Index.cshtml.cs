using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Granskningslogg;

/// <summary>HR searches the audit log: who read or changed which confidential record when, by person, kind of record and
/// dates, newest first, a page at a time.</summary>
[Authorize(Policy = Behorighet.HR)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PerSida = 50;

    [BindProperty(SupportsGet = true)] public string? Vem { get; set; }
    [BindProperty(SupportsGet = true)] public string? Typ { get; set; }
    [BindProperty(SupportsGet = true)] public int? Objekt { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Fran { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Till { get; set; }
    [BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Handelser { get; private set; } = [];
    public int Antal { get; private set; }
    public int Sidor => Math.Max(1, (Antal + PerSida - 1) / PerSida);
    public List<SelectListItem> TypVal { get; private set; } = [];
    /// <summary>The recruitment of each applicant on the page, for the link to the applicant.</summary>
    public IReadOnlyDictionary<int, int> KandidatensRekrytering { get; private set; } = new Dictionary<int, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        TypVal = Granskningsobjekt.Namn.Select(x => new SelectListItem(x.Value, x.Key, x.Key == Typ)).OrderBy(x => x.Text).ToList();
        if (Fran > Till) ModelState.AddModelError(nameof(Fran), "Från-datumet ligger efter till-datumet.");
        var query = db.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Vem))
        {
            var vem = Vem.Trim().ToLower();
            query = query.Where(e => e.UserName.ToLower().Contains(vem));
        }
        if (!string.IsNullOrEmpty(Typ)) query = query.Where(e => e.ObjectType == Typ);
        if (Objekt is int objekt) query = query.Where(e => e.ObjectId == objekt);
        if (Fran is { } fran)
        {
            var from = SwedishTime.ToUtc(fran.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.AtUtc >= from);
        }
        if (Till is { } till)
        {
            var to = SwedishTime.ToUtc(till.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.AtUtc < to);
        }
        Antal = await query.CountAsync(ct);
        Sida = Math.Clamp(Sida, 1, Sidor);
        Handelser = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((Sida - 1) * PerSida).Take(PerSida).ToListAsync(ct);
        var kandidater = Handelser.Where(e => e.ObjectType is Granskningsobjekt.Kandidat or Granskningsobjekt.Kandidatdokument)
            .Select(e => e.ObjectId).Distinct().ToList();
        KandidatensRekrytering = await db.Set<Kandidat>().Where(k => kandidater.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.RekryteringId, ct);
    }

    /// <summary>Where the record is, for the kinds that have a page of their own.</summary>
    public string? Lank(AuditEvent e) => e.ObjectType switch
    {
        Granskningsobjekt.Kandidat or Granskningsobjekt.Kandidatdokument when KandidatensRekrytering.TryGetValue(e.ObjectId, out var r) =>
            $"/rekrytering/{r}/kandidater/{e.ObjectId}",
        Granskningsobjekt.Rekrytering => $"/rekrytering/{e.ObjectId}",
        Granskningsobjekt.Avveckling => $"/avveckling/{e.ObjectId}",
        Granskningsobjekt.Ledarakademin => $"/ledarakademin/{e.ObjectId}",
        Granskningsobjekt.Uppdragskontrakt => $"/uppdragskontrakt/{e.ObjectId}",
        Granskningsobjekt.Sjalvskattning => $"/sjalvskattning/{e.ObjectId}",
        _ => null,
    };

    /// <summary>The same search on another page.</summary>
    public string SidLank(int sida) => QueryHelpers.AddQueryString("/granskning", new Dictionary<string, string?>
    {
        ["vem"] = Vem, ["typ"] = Typ, ["objekt"] = Objekt?.ToString(), ["fran"] = Fran?.ToString("yyyy-MM-dd"),
        ["till"] = Till?.ToString("yyyy-MM-dd"), ["sida"] = sida.ToString(),
    }.Where(x => !string.IsNullOrEmpty(x.Value)));
}
