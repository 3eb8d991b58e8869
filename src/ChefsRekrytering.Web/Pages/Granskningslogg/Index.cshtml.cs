using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Granskningslogg;

/// <summary>HR searches the audit log: who read or changed which confidential record when, and who took which step in
/// which process (the workflows' journal), by person, kind of record, id and dates, newest first, a page at a time.</summary>
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

    public IReadOnlyList<Logghandelse> Handelser { get; private set; } = [];
    public int Antal { get; private set; }
    public int Sidor => Math.Max(1, (Antal + PerSida - 1) / PerSida);
    public List<SelectListItem> TypVal { get; private set; } = [];
    /// <summary>The recruitment of each applicant on the page, for the link to the applicant.</summary>
    public IReadOnlyDictionary<int, int> KandidatensRekrytering { get; private set; } = new Dictionary<int, int>();

    /// <summary>One row of the search: a read or change from the audit log, or a step taken in a process (its journal).</summary>
    public sealed record Logghandelse(DateTime AtUtc, long Id, string UserName, string Handelse, string ObjectType, int ObjectId, string Vad, string? Detail);

    public async Task OnGetAsync(CancellationToken ct)
    {
        TypVal = Granskningsobjekt.Namn.Select(x => new SelectListItem(x.Value, x.Key, x.Key == Typ)).OrderBy(x => x.Text).ToList();
        // The dates are judged here, with what is searched instead; the general date check (SensibleDates) would only repeat it.
        if (Fran is not null) ModelState.Remove(nameof(Fran));
        if (Till is not null) ModelState.Remove(nameof(Till));
        if (Fran > Till) ModelState.AddModelError(nameof(Fran), "Från-datumet ligger efter till-datumet.");
        // Outside this range a date is a typing error, and 9999-12-31 has no day after: searched as if not given.
        var (forst, sist) = (Datumfonster.Rimligt.Forst, Datumfonster.Rimligt.Sist);
        if (Fran < forst || Fran > sist || Till < forst || Till > sist)
        {
            ModelState.AddModelError(nameof(Fran), $"Välj datum från {forst:yyyy-MM-dd} till {sist:yyyy-MM-dd}. Sökningen gäller i stället alla datum.");
            (Fran, Till) = (Fran < forst || Fran > sist ? null : Fran, Till < forst || Till > sist ? null : Till);
        }
        DateTime? from = Fran is { } f ? SwedishTime.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null;
        DateTime? to = Till is { } t ? SwedishTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
        var vem = string.IsNullOrWhiteSpace(Vem) ? null : Vem.Trim().ToLower();

        // Reads and changes of confidential records (AuditEvent) ...
        var audit = db.Set<AuditEvent>().AsNoTracking();
        if (vem is not null) audit = audit.Where(e => e.UserName.ToLower().Contains(vem));
        if (!string.IsNullOrEmpty(Typ)) audit = audit.Where(e => e.ObjectType == Typ);  // "Steg" matches no audit entry
        if (Objekt is int objekt) audit = audit.Where(e => e.ObjectId == objekt);
        if (from is { } a1) audit = audit.Where(e => e.AtUtc >= a1);
        if (to is { } b1) audit = audit.Where(e => e.AtUtc < b1);
        // ... and every transition of every process, with who and when (the journal): shown unless another kind is chosen.
        var steps = db.WorkflowTransitions.AsNoTracking();
        // A kind of record that is also a process with the same ids shows that process's steps too.
        if (!string.IsNullOrEmpty(Typ) && Typ != Granskningsobjekt.Steg)
            steps = Typ is Granskningsobjekt.Rekrytering or Granskningsobjekt.Kandidat or Granskningsobjekt.Avveckling
                ? steps.Where(s => s.Workflow == Typ) : steps.Where(s => false);
        if (vem is not null) steps = steps.Where(s => s.ActorName.ToLower().Contains(vem));
        if (Objekt is int subject) steps = steps.Where(s => s.SubjectId == subject);
        if (from is { } a2) steps = steps.Where(s => s.AtUtc >= a2);
        if (to is { } b2) steps = steps.Where(s => s.AtUtc < b2);

        Antal = await audit.CountAsync(ct) + await steps.CountAsync(ct);
        Sida = Math.Clamp(Sida, 1, Sidor);
        // Two tables in one order: the newest page*50 of each hold the page's rows, merged here.
        var upTo = Sida * PerSida;
        var events = await audit.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(upTo).ToListAsync(ct);
        var journal = await steps.OrderByDescending(s => s.AtUtc).ThenByDescending(s => s.Id).Take(upTo).ToListAsync(ct);
        Handelser = events.Select(e => new Logghandelse(e.AtUtc, e.Id, e.UserName, SwedishText.Of(e.Action), e.ObjectType, e.ObjectId,
                $"{Granskningsobjekt.NamnPa(e.ObjectType)} {e.ObjectId}", e.Detail))
            .Concat(journal.Select(s => new Logghandelse(s.AtUtc, s.Id, s.ActorName,
                $"Steg: {Granskningsobjekt.Tillstand(s.Workflow, s.FromState)} → {Granskningsobjekt.Tillstand(s.Workflow, s.ToState)}",
                s.Workflow, s.SubjectId, $"{Granskningsobjekt.ProcessNamn(s.Workflow)} {s.SubjectId}", s.Comment)))
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
            .Skip((Sida - 1) * PerSida).Take(PerSida).ToList();
        var kandidater = Handelser.Where(e => e.ObjectType is Granskningsobjekt.Kandidat or Granskningsobjekt.Kandidatdokument)
            .Select(e => e.ObjectId).Distinct().ToList();
        KandidatensRekrytering = await db.Set<Kandidat>().Where(k => kandidater.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.RekryteringId, ct);
    }

    /// <summary>Where the record is, for the kinds that have a page of their own.</summary>
    public string? Lank(Logghandelse e) => e.ObjectType switch
    {
        Granskningsobjekt.Kandidat or Granskningsobjekt.Kandidatdokument when KandidatensRekrytering.TryGetValue(e.ObjectId, out var r) =>
            $"/rekrytering/{r}/kandidater/{e.ObjectId}",
        Granskningsobjekt.Rekrytering => $"/rekrytering/{e.ObjectId}",
        Granskningsobjekt.Avveckling => $"/avveckling/{e.ObjectId}",
        "Introduktion" => $"/introduktion/{e.ObjectId}",
        Granskningsobjekt.Ledarakademin => $"/ledarakademin/{e.ObjectId}",
        Granskningsobjekt.Uppdragskontrakt when !e.Handelse.StartsWith("Steg") => $"/uppdragskontrakt/{e.ObjectId}",
        Granskningsobjekt.Sjalvskattning when !e.Handelse.StartsWith("Steg") => $"/sjalvskattning/{e.ObjectId}",
        _ => null,
    };

    /// <summary>The same search on another page.</summary>
    public string SidLank(int sida) => QueryHelpers.AddQueryString("/granskning", new Dictionary<string, string?>
    {
        ["vem"] = Vem, ["typ"] = Typ, ["objekt"] = Objekt?.ToString(), ["fran"] = Fran?.ToString("yyyy-MM-dd"),
        ["till"] = Till?.ToString("yyyy-MM-dd"), ["sida"] = sida.ToString(),
    }.Where(x => !string.IsNullOrEmpty(x.Value)));
}
