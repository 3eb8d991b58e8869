using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Granskning;

/// <summary>Who may search the audit log: HR, in its own municipality.</summary>
public static class GranskningAccess
{
    public static bool KanSoka(ClaimsPrincipal user) => user.IsInRole(Roller.HR) && user.KommunId() is not null;
}

/// <summary>A search of the log as HR types it: part of a name, a kind of record, an id, dates (both included), a page.</summary>
public sealed record Loggsokning(string? Vem, string? Typ, int? Objekt, DateOnly? Fran, DateOnly? Till, int Sida);

/// <summary>One row of the search: a read or change from the audit log, or a step taken in a process (its journal).</summary>
public sealed record Logghandelse(DateTime AtUtc, long Id, string UserName, string Handelse, string ObjectType, int ObjectId, string Vad, string? Detail);

/// <summary>A page of the search, newest first, with the dates as searched and what was said about the search itself.</summary>
/// <param name="Anmarkningar">Why the dates were not searched as given, in Swedish; the search still answers.</param>
/// <param name="KandidatensRekrytering">The recruitment of each applicant on the page, for the link to the applicant.</param>
public sealed record Loggsida(IReadOnlyList<Logghandelse> Handelser, int Antal, int Sida, int Sidor, DateOnly? Fran, DateOnly? Till,
    IReadOnlyList<string> Anmarkningar, IReadOnlyDictionary<int, int> KandidatensRekrytering);

/// <summary>
/// HR searches the audit log: who read or changed which confidential record when, and who took which step in which
/// process (the workflows' journal), by person, kind of record, id and dates, newest first, a page at a time.
/// </summary>
public sealed class GranskningsloggService(AppDbContext db)
{
    public const int PerSida = 50;

    /// <summary>The page of the search; null for anyone but HR.</summary>
    public async Task<Loggsida?> SokAsync(Loggsokning sokning, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!GranskningAccess.KanSoka(user)) return null;
        var (fran, till) = (sokning.Fran, sokning.Till);
        var anmarkningar = new List<string>();
        if (fran > till) anmarkningar.Add("Från-datumet ligger efter till-datumet.");
        // Outside this range a date is a typing error, and 9999-12-31 has no day after: searched as if not given.
        var (forst, sist) = (Datumfonster.Rimligt.Forst, Datumfonster.Rimligt.Sist);
        if (fran < forst || fran > sist || till < forst || till > sist)
        {
            anmarkningar.Add($"Välj datum från {forst:yyyy-MM-dd} till {sist:yyyy-MM-dd}. Sökningen gäller i stället alla datum.");
            (fran, till) = (fran < forst || fran > sist ? null : fran, till < forst || till > sist ? null : till);
        }
        DateTime? from = fran is { } f ? SwedishTime.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null;
        DateTime? to = till is { } t ? SwedishTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
        var vem = string.IsNullOrWhiteSpace(sokning.Vem) ? null : sokning.Vem.Trim().ToLower();
        var typ = sokning.Typ;

        // Reads and changes of confidential records (AuditEvent) ...
        var audit = db.Set<AuditEvent>().AsNoTracking();
        if (vem is not null) audit = audit.Where(e => e.UserName.ToLower().Contains(vem));
        if (!string.IsNullOrEmpty(typ)) audit = audit.Where(e => e.ObjectType == typ);  // "Steg" matches no audit entry
        if (sokning.Objekt is int objekt) audit = audit.Where(e => e.ObjectId == objekt);
        if (from is { } a1) audit = audit.Where(e => e.AtUtc >= a1);
        if (to is { } b1) audit = audit.Where(e => e.AtUtc < b1);
        // ... and every transition of every process, with who and when (the journal): shown unless another kind is chosen.
        var steps = db.WorkflowTransitions.AsNoTracking();
        // A kind of record that is also a process with the same ids shows that process's steps too.
        if (!string.IsNullOrEmpty(typ) && typ != Granskningsobjekt.Steg)
            steps = typ is Granskningsobjekt.Rekrytering or Granskningsobjekt.Kandidat or Granskningsobjekt.Avveckling
                ? steps.Where(s => s.Workflow == typ) : steps.Where(s => false);
        if (vem is not null) steps = steps.Where(s => s.ActorName.ToLower().Contains(vem));
        if (sokning.Objekt is int subject) steps = steps.Where(s => s.SubjectId == subject);
        if (from is { } a2) steps = steps.Where(s => s.AtUtc >= a2);
        if (to is { } b2) steps = steps.Where(s => s.AtUtc < b2);

        var antal = await audit.CountAsync(ct) + await steps.CountAsync(ct);
        var sidor = Math.Max(1, (antal + PerSida - 1) / PerSida);
        var sida = Math.Clamp(sokning.Sida, 1, sidor);
        // Two tables in one order: the newest page*50 of each hold the page's rows, merged here.
        var upTo = sida * PerSida;
        var events = await audit.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(upTo).ToListAsync(ct);
        var journal = await steps.OrderByDescending(s => s.AtUtc).ThenByDescending(s => s.Id).Take(upTo).ToListAsync(ct);
        var handelser = events.Select(e => new Logghandelse(e.AtUtc, e.Id, e.UserName, SwedishText.Of(e.Action), e.ObjectType, e.ObjectId,
                $"{Granskningsobjekt.NamnPa(e.ObjectType)} {e.ObjectId}", e.Detail))
            .Concat(journal.Select(s => new Logghandelse(s.AtUtc, s.Id, s.ActorName,
                $"Steg: {Granskningsobjekt.Tillstand(s.Workflow, s.FromState)} → {Granskningsobjekt.Tillstand(s.Workflow, s.ToState)}",
                s.Workflow, s.SubjectId, $"{Granskningsobjekt.ProcessNamn(s.Workflow)} {s.SubjectId}", s.Comment)))
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id)
            .Skip((sida - 1) * PerSida).Take(PerSida).ToList();
        var kandidater = handelser.Where(e => e.ObjectType is Granskningsobjekt.Kandidat or Granskningsobjekt.Kandidatdokument)
            .Select(e => e.ObjectId).Distinct().ToList();
        var rekryteringar = await db.Set<Kandidat>().Where(k => kandidater.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.RekryteringId, ct);
        return new Loggsida(await MedNamnAsync(handelser, ct), antal, sida, sidor, fran, till, anmarkningar, rekryteringar);
    }

    /// <summary>A recruitment by its diarienummer and an Årets chef year by its year, as people name them, not by row id.</summary>
    private async Task<List<Logghandelse>> MedNamnAsync(List<Logghandelse> handelser, CancellationToken ct)
    {
        var rekIds = handelser.Where(h => h.ObjectType == Granskningsobjekt.Rekrytering).Select(h => h.ObjectId).Distinct().ToList();
        var kampanjIds = handelser.Where(h => h.ObjectType == "AretsChef").Select(h => h.ObjectId).Distinct().ToList();
        var diarienummer = rekIds.Count == 0 ? [] : await db.Set<Rekrytering>().Where(r => rekIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Diarienummer, ct);
        var ar = kampanjIds.Count == 0 ? [] : await db.Set<AretsChef.Kampanj>().Where(k => kampanjIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Ar, ct);
        return handelser.Select(h => h.ObjectType switch
        {
            Granskningsobjekt.Rekrytering when diarienummer.TryGetValue(h.ObjectId, out var dnr) => h with { Vad = $"Rekrytering {dnr}" },
            "AretsChef" when ar.TryGetValue(h.ObjectId, out var year) => h with { Vad = $"Årets chef {year}" },
            _ => h,
        }).ToList();
    }
}
