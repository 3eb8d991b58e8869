using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using R = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;

namespace ChefsRekrytering.Rapporter;

/// <summary>Who reads the reports: HR, and the leadership as the org tree says now (not as the sign-in cookie remembers it,
/// see <see cref="Ledning"/>). In a municipality with a handful of managers even counts point at people, so other
/// managers and Admin are refused.</summary>
public static class RapportAccess
{
    public static async Task<bool> KanLasaAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default) =>
        user.KommunId() is { } kommun && (user.IsInRole(Roller.HR) || await Ledning.LederAsync(db, kommun, user.PersonId(), ct));
}

/// <summary>The period as asked for in the address: a year, or a first and last day.</summary>
public sealed record Rapportval(int? Ar, DateOnly? Fran, DateOnly? Till);

/// <summary>The reports for one period, with the years offered and what was said about the period asked for.</summary>
public sealed record Rapport(Rapportperiod Period, IReadOnlyList<int> ArVal, IReadOnlyList<Rapporttabell> Tabeller, IReadOnlyList<string> Anmarkningar);

/// <summary>
/// HR's and the leadership's picture of recruitment, introduction and Ledarakademin for a period. The whole report is
/// read in a fixed number of queries (three of its own and Ledarakademin's seven), however many recruitments there are,
/// and computed in memory from the recruitments the period saw: a municipality has tens of manager recruitments a year,
/// and the years before the period are not read.
/// </summary>
public sealed class RapportService(AppDbContext db, LedarakademinService akademin, IEnumerable<IRapportBidrag> bidrag)
{
    private sealed record Rek(int Id, string Diarienummer, string Titel, R State, DateTime SkapadUtc, DateTime? BehovGodkantUtc,
        DateTime? PubliceradUtc, DateTime? TillsattUtc, int Sokande);

    private sealed record Passage(int SubjectId, string FromState, DateTime AtUtc);

    /// <summary>The reports for the period asked for; null for anyone but HR and the leadership (<see cref="RapportAccess"/>).</summary>
    public async Task<Rapport?> RapportAsync(Rapportval val, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!await RapportAccess.KanLasaAsync(db, user, ct)) return null;
        var (period, arVal, anmarkningar) = Valj(val, SwedishTime.ToLocal(db.UtcNow).Year);
        return new Rapport(period, arVal, await TabellerAsync(period, ct), anmarkningar);
    }

    /// <summary>A chosen period if it is one; else the chosen year among the last six; else this year. A period far
    /// outside the portal's records, or backwards, is a typing error: said, and the whole year shown instead.</summary>
    internal static (Rapportperiod Period, IReadOnlyList<int> ArVal, IReadOnlyList<string> Anmarkningar) Valj(Rapportval val, int iar)
    {
        var arVal = Enumerable.Range(0, 6).Select(i => iar - i).ToList();
        var anmarkningar = new List<string>();
        if (val.Fran is { } fran && val.Till is { } till)
        {
            // The portal's records start in this century; a date far outside is a typing error (and 9999-12-31 has no day after).
            var (forst, sist) = (Datumfonster.Rimligt.Forst, new DateOnly(iar + 1, 12, 31));
            if (fran < forst || till > sist)
                anmarkningar.Add($"Välj datum från {forst:yyyy-MM-dd} till {sist:yyyy-MM-dd}. Rapporten visar i stället hela året.");
            else if (fran <= till) return (new Rapportperiod(fran, till), arVal, anmarkningar);
            else anmarkningar.Add("Från-datumet ligger efter till-datumet. Rapporten visar i stället hela året.");
        }
        return (Rapportperiod.Ar(val.Ar is int ar && arVal.Contains(ar) ? ar : iar), arVal, anmarkningar);
    }

    internal async Task<IReadOnlyList<Rapporttabell>> TabellerAsync(Rapportperiod period, CancellationToken ct = default)
    {
        var (start, end) = (period.FranUtc, period.TillUtc);
        // Only the recruitments the period saw: started, published, filled or moved a step in it; only their rows and steps
        // are read. Whether an older one moved is still one index probe of the journal per recruitment, a cost that grows
        // with the history (4,428 probes at 5,000 recruitments).
        var iPerioden = db.Set<Rekrytering>().Where(r => r.SkapadUtc < end && (r.SkapadUtc >= start || r.PubliceradUtc >= start
            || r.TillsattUtc >= start || db.WorkflowTransitions.Any(t => t.Workflow == "Rekrytering" && t.SubjectId == r.Id && t.AtUtc >= start)));
        var recruitments = await iPerioden.AsNoTracking()
            .Select(r => new Rek(r.Id, r.Diarienummer, r.Titel, r.State, r.SkapadUtc, r.BehovGodkantUtc, r.PubliceradUtc, r.TillsattUtc, r.Kandidater.Count))
            .ToListAsync(ct);
        var passages = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.Workflow == "Rekrytering" && t.AtUtc < end && iPerioden.Select(r => r.Id).Contains(t.SubjectId))
            .OrderBy(t => t.AtUtc).ThenBy(t => t.Id).Select(t => new Passage(t.SubjectId, t.FromState, t.AtUtc)).ToListAsync(ct);
        var intros = await db.Set<Introduktion>().AsNoTracking().Where(i => i.Startdatum >= period.Fran && i.Startdatum <= period.Till)
            .Select(i => new { i.State, Punkter = i.Punkter.Count, Klara = i.Punkter.Count(p => p.KlarUtc != null) }).ToListAsync(ct);
        var lage = await akademin.LoadAsync(ct: ct);

        var filled = recruitments.Where(r => r.State == R.Tillsatt && period.Omfattar(r.TillsattUtc) && r.BehovGodkantUtc is not null)
            .OrderBy(r => r.TillsattUtc).ToList();
        var published = recruitments.Where(r => period.Omfattar(r.PubliceradUtc)).OrderBy(r => r.PubliceradUtc).ToList();
        var started = recruitments.Where(r => period.Omfattar(r.SkapadUtc)).ToList();
        var daysToFill = filled.ToDictionary(r => r.Id, r => Dagar(r.BehovGodkantUtc!.Value, r.TillsattUtc!.Value));
        var activeIntros = intros.Where(i => i.State != IntroduktionTillstand.Avbruten).ToList();

        List<Rapporttabell> tables =
        [
            new("sammanfattning", "Sammanfattning", $"Nyckeltal för {period.Text}.", ["Mått", "Värde"],
            [
                ["Rekryteringar som startade", started.Count],
                ["Rekryteringar som tillsattes", filled.Count],
                ["Median dagar från godkänt behov till tillsatt", Rapportformat.Median(daysToFill.Values)],
                ["Annonserade rekryteringar", published.Count],
                ["Ansökningar till dem", published.Sum(r => r.Sokande)],
                ["Median sökande per annonserad rekrytering", Rapportformat.Median(published.Select(r => r.Sokande))],
                ["Introduktioner som startade (ej avbrutna)", activeIntros.Count],
                ["Andel genomförda introduktioner (%)", activeIntros.Count == 0 ? null
                    : Math.Round(100m * activeIntros.Count(i => i.State == IntroduktionTillstand.Genomford) / activeIntros.Count, 1)],
            ]),
            new("rekryteringar-per-lage", "Rekryteringar efter läge",
                $"Rekryteringar som startade {period.Text}, efter var de står i dag.", ["Läge", "Antal"],
                Enum.GetValues<R>().Select(s => (IReadOnlyList<object?>)[SwedishText.Of(s), started.Count(r => r.State == s)]).ToList(),
                new Diagramval(0, [1], "rekryteringar")),
            new("tid-till-tillsattning", "Tid till tillsättning",
                $"Rekryteringar som tillsattes {period.Text}: kalenderdagar från att HR godkände behovet till att tjänsten var tillsatt. " +
                $"Median: {(Rapportformat.Median(daysToFill.Values) is { } median ? Rapportformat.Text(median) : "–")} dagar.",
                ["Diarienummer", "Befattning", "Behov godkänt", "Tillsatt", "Dagar"],
                filled.Select(r => (IReadOnlyList<object?>)[r.Diarienummer, r.Titel, Datum(r.BehovGodkantUtc!.Value), Datum(r.TillsattUtc!.Value), daysToFill[r.Id]]).ToList(),
                new Diagramval(0, [4], "dagar")),
            TidPerSteg(period, recruitments, passages),
            new("sokande-per-rekrytering", "Sökande per rekrytering",
                $"Rekryteringar som annonserades {period.Text} och hur många som sökte. Gallrade sökande räknas med.",
                ["Diarienummer", "Befattning", "Annonserad", "Sökande"],
                published.Select(r => (IReadOnlyList<object?>)[r.Diarienummer, r.Titel, Datum(r.PubliceradUtc!.Value), r.Sokande]).ToList(),
                new Diagramval(0, [3], "sökande")),
            new("introduktioner", "Introduktioner",
                $"Nya chefers introduktioner med startdatum {period.Text}, efter läge, och hur stor del av checklistan som är klar.",
                ["Läge", "Antal", "Klara punkter i medel (%)"],
                Enum.GetValues<IntroduktionTillstand>().Select(s => (State: s, List: intros.Where(i => i.State == s).ToList()))
                    .Select(x => (IReadOnlyList<object?>)[SwedishText.Of(x.State), x.List.Count,
                        x.List.Count == 0 ? null : Math.Round(x.List.Average(i => i.Punkter == 0 ? 0m : 100m * i.Klara / i.Punkter), 1)]).ToList(),
                new Diagramval(0, [1], "introduktioner")),
            new("ledarakademin", "Ledarakademin",
                $"Läget i dag för kommunens {SwedishText.Antal(lage.Spar.Count, "chef", "chefer")}, steg för steg. Kompetensutvecklingen gäller {akademin.Today.Year}.",
                ["Steg", .. Enum.GetValues<StegStatus>().Select(s => SwedishText.Of(s))],
                Enum.GetValues<Steg>().Select(steg => (IReadOnlyList<object?>)[SwedishText.Of(steg),
                    .. Enum.GetValues<StegStatus>().Select(st => (object?)lage.Spar.Count(s => s[steg].Status == st))]).ToList(),
                new Diagramval(0, [1, 2, 3, 4], "chefer")),
        ];
        foreach (var extra in bidrag) tables.AddRange(await extra.TabellerAsync(period, ct));
        return tables;
    }

    /// <summary>
    /// From the journal: each stay in a step runs from the transition into it (or the recruitment's creation, for the
    /// first) to the transition out of it. Stays that ended in the period count; a step still in progress has no length yet.
    /// </summary>
    private static Rapporttabell TidPerSteg(Rapportperiod period, List<Rek> recruitments, List<Passage> passages)
    {
        var created = recruitments.ToDictionary(r => r.Id, r => r.SkapadUtc);
        var stays = passages.Where(p => created.ContainsKey(p.SubjectId)).GroupBy(p => p.SubjectId, (id, g) => g.ToList())
            .SelectMany(list => list.Select((p, i) => (Steg: p.FromState, Fran: i == 0 ? created[p.SubjectId] : list[i - 1].AtUtc, Till: p.AtUtc)))
            .Where(s => period.Omfattar(s.Till))
            .ToLookup(s => s.Steg, s => Dagar(s.Fran, s.Till));
        var open = Enum.GetValues<R>().Where(s => s is not (R.Tillsatt or R.Avbruten));
        return new("tid-per-steg", "Tid i varje steg",
            $"Från rekryteringarnas historik: hur många kalenderdagar en rekrytering stannade i varje steg, för steg som avslutades {period.Text}.",
            ["Steg", "Antal passager", "Median dagar"],
            open.Select(s => (IReadOnlyList<object?>)[SwedishText.Of(s), stays[s.ToString()].Count(), Rapportformat.Median(stays[s.ToString()])]).ToList(),
            new Diagramval(0, [2], "dagar"));
    }

    /// <summary>Calendar days between two instants as dates in Sweden: what a person counts on the calendar.</summary>
    public static int Dagar(DateTime franUtc, DateTime tillUtc) => Datum(tillUtc).DayNumber - Datum(franUtc).DayNumber;

    private static DateOnly Datum(DateTime utc) => DateOnly.FromDateTime(SwedishTime.ToLocal(utc));
}
