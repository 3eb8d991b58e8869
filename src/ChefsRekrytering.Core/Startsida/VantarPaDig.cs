using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Startsida;

/// <summary>Where a waiting thing is done: a Razor page by name, its route values and the section to jump to.</summary>
public sealed record Plats(string Sida, IReadOnlyDictionary<string, string> Route, string? Avsnitt = null)
{
    public static Plats Till(string sida, string? avsnitt = null, params (string Namn, object Varde)[] route) =>
        new(sida, route.ToDictionary(r => r.Namn, r => Convert.ToString(r.Varde, CultureInfo.InvariantCulture)!), avsnitt);
}

/// <summary>
/// One thing that waits for the signed-in person's action: what, about which record, since when (or, for a due date,
/// until when) and where it is done.
/// </summary>
public sealed record Uppgift(string Process, string Vad, string Arende, DateTime SedanUtc, Plats Plats, DateOnly? Forfaller = null)
{
    /// <summary>How long it has waited, in words ("sedan 3 dagar"), or for a due date how near or late it is.</summary>
    public string Vantetid(DateTime nuUtc)
    {
        var idag = DateOnly.FromDateTime(SwedishTime.ToLocal(nuUtc));
        if (Forfaller is DateOnly f)
        {
            var kvar = f.DayNumber - idag.DayNumber;
            return kvar switch
            {
                < 0 => $"försenad {Dagar(-kvar)}",
                0 => "förfaller i dag",
                1 => "förfaller i morgon",
                _ => $"förfaller om {Dagar(kvar)}",
            };
        }
        var vantat = idag.DayNumber - DateOnly.FromDateTime(SwedishTime.ToLocal(SedanUtc)).DayNumber;
        return vantat switch { <= 0 => "sedan i dag", 1 => "sedan i går", _ => $"sedan {Dagar(vantat)}" };
    }

    private static string Dagar(int n) => SwedishText.Antal(n, "dag", "dagar");
}

/// <summary>
/// "Väntar på dig": computed from the records each time, so it can never disagree with them (no task table to drift).
/// One query per kind of thing, asked only of those whose role or relation can have it, so the number of queries is
/// fixed whatever the data.
/// </summary>
public sealed class VantarPaDig(AppDbContext db)
{
    /// <summary>An introduction item shows up this many days before it falls due.</summary>
    public const int IntroduktionDagarFore = 7;

    // The journal's names of the processes (each workflow's Name); a test pins them.
    internal const string RekryteringFlode = "Rekrytering", KampanjFlode = "AretsChef";
    private static readonly IntroduktionTillstand[] OppnaIntroduktioner = [.. IntroduktionAccess.Oppen];

    public async Task<IReadOnlyList<Uppgift>> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.KommunId() is null || user.UserId() is not { } userId) return [];
        var personId = user.PersonId();
        var hr = user.IsInRole(Roller.HR);
        var uppgifter = new List<Uppgift>();
        if (hr) uppgifter.AddRange(await BehovOchLasAsync(ct));
        uppgifter.AddRange(await MinaRekryteringarAsync(userId, ct));
        uppgifter.AddRange(await BedomningarAsync(userId, ct));
        if (personId is int me)
        {
            uppgifter.AddRange(await KontraktAsync(me, ct));
            uppgifter.AddRange(await SjalvskattningarAsync(me, ct));
        }
        uppgifter.AddRange(await IntroduktionspunkterAsync(personId, userId, hr, ct));
        if (user.IsInRole(Roller.Jury)) uppgifter.AddRange(await JuryAsync(userId, ct));
        if (hr) uppgifter.AddRange(await KampanjAsync(ct));
        return uppgifter.OrderBy(u => u.Forfaller ?? DateOnly.MaxValue).ThenBy(u => u.SedanUtc).ToList();
    }

    private DateOnly Idag => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>HR: needs sent for approval, and LAS checks not made on approved needs.</summary>
    private async Task<IEnumerable<Uppgift>> BehovOchLasAsync(CancellationToken ct)
    {
        var provning = nameof(RekryteringsTillstand.Behovsprovning);
        var rader = await db.Set<Rekrytering>().AsNoTracking()
            .Where(r => r.State == RekryteringsTillstand.Behovsprovning || (r.State == RekryteringsTillstand.Kravprofil && r.LasUtfall == null))
            .Select(r => new { r.Id, r.Diarienummer, r.Titel, r.State, r.SkapadUtc, r.BehovGodkantUtc, Skickad = db.WorkflowTransitions
                .Where(t => t.Workflow == RekryteringFlode && t.SubjectId == r.Id && t.ToState == provning).Max(t => (DateTime?)t.AtUtc) })
            .ToListAsync(ct);
        return rader.Select(r => r.State == RekryteringsTillstand.Behovsprovning
            ? new Uppgift("Rekrytering", "Pröva behovet", $"{r.Diarienummer} {r.Titel}", r.Skickad ?? r.SkapadUtc,
                Plats.Till("/Rekrytering/Detaljer", "behov-rubrik", ("id", r.Id)))
            : new Uppgift("Rekrytering", "Kontrollera företrädesrätt (LAS)", $"{r.Diarienummer} {r.Titel}", r.BehovGodkantUtc ?? r.SkapadUtc,
                Plats.Till("/Rekrytering/Detaljer", "behov-rubrik", ("id", r.Id))));
    }

    /// <summary>The recruiting manager's own open recruitments whose next step is theirs.</summary>
    private async Task<IEnumerable<Uppgift>> MinaRekryteringarAsync(string userId, CancellationToken ct)
    {
        var rader = await db.Set<Rekrytering>().AsNoTracking()
            .Where(r => r.AgareUserId == userId && Rekrytering.OppnaIFragor.Contains(r.State)
                && r.State != RekryteringsTillstand.Behovsprovning && r.State != RekryteringsTillstand.Annonserad)
            .Select(r => new
            {
                r.Id, r.Diarienummer, r.Titel, r.State, r.SkapadUtc, r.BehovGodkantUtc, r.PubliceradUtc, r.SistaAnsokningsdag,
                Faststalld = r.Kravprofiler.Any(k => k.Faststalld),
                Ogranskade = r.Kandidater.Count(k => k.State == KandidatTillstand.Inkommen),
                ForstaOgranskad = r.Kandidater.Where(k => k.State == KandidatTillstand.Inkommen).Min(k => (DateTime?)k.InkomUtc),
                Senast = db.WorkflowTransitions.Where(t => t.Workflow == RekryteringFlode && t.SubjectId == r.Id).Max(t => (DateTime?)t.AtUtc),
            })
            .ToListAsync(ct);
        var uppgifter = new List<Uppgift>();
        foreach (var r in rader)
        {
            var arende = $"{r.Diarienummer} {r.Titel}";
            var sedan = r.Senast ?? r.SkapadUtc;
            Uppgift Ny(string vad, string? avsnitt, DateTime? nar = null, string sida = "/Rekrytering/Detaljer") =>
                new("Rekrytering", vad, arende, nar ?? sedan, Plats.Till(sida, avsnitt, ("id", r.Id)));
            switch (r.State)
            {
                case RekryteringsTillstand.Utkast:
                    uppgifter.Add(Ny("Skicka behovet till HR för behovsprövning", "behov-rubrik")); break;
                case RekryteringsTillstand.Kravprofil when !r.Faststalld:
                    uppgifter.Add(Ny("Fastställ kravprofilen", null, r.BehovGodkantUtc, "/Rekrytering/Kravprofil")); break;
                case RekryteringsTillstand.Kravprofil when r.PubliceradUtc is null:
                    uppgifter.Add(Ny("Skriv och publicera annonsen", "annons-rubrik", r.BehovGodkantUtc)); break;
                case RekryteringsTillstand.Urval when r.Ogranskade > 0:
                    uppgifter.Add(Ny($"Granska {SwedishText.Antal(r.Ogranskade, "sökande", "sökande")}", "kandidater-rubrik", r.ForstaOgranskad)); break;
                case RekryteringsTillstand.Urval or RekryteringsTillstand.Intervjuer or RekryteringsTillstand.Referenser:
                    uppgifter.Add(Ny($"Nästa steg i fasen {SwedishText.Of(r.State).ToLowerInvariant()}", "nasta-rubrik")); break;
                case RekryteringsTillstand.FackligSamverkan:
                    uppgifter.Add(Ny("Registrera den fackliga samverkan (MBL)", "mbl-rubrik")); break;
                case RekryteringsTillstand.Beslut:
                    uppgifter.Add(Ny("Fatta anställningsbeslutet", "beslut-rubrik")); break;
                case RekryteringsTillstand.Erbjudande:
                    uppgifter.Add(Ny("Följ upp erbjudandet och ge övriga sökande besked", "kandidater-rubrik")); break;
            }
        }
        return uppgifter;
    }

    /// <summary>Interviews held (or marked held) where the person sits on the panel or owns the recruitment and has not
    /// given a score.</summary>
    private async Task<IEnumerable<Uppgift>> BedomningarAsync(string userId, CancellationToken ct)
    {
        var nu = db.UtcNow;
        var rader = await db.Set<Kandidat>().AsNoTracking()
            .Where(k => Rekrytering.OppnaIFragor.Contains(k.Rekrytering!.State)
                && (k.Rekrytering.AgareUserId == userId || k.Rekrytering.Panel.Any(p => p.UserId == userId))
                && (k.State == KandidatTillstand.Intervjuad || k.State == KandidatTillstand.IntervjuBokad)
                && !k.Bedomningar.Any(b => b.BedomareUserId == userId))
            .Select(k => new
            {
                k.Id, k.RekryteringId, k.State, k.InkomUtc, k.Rekrytering!.Diarienummer, k.Rekrytering.Titel,
                IntervjuSlut = db.Set<Mote>().Where(m => m.Koppling == "Kandidat:" + k.Id && m.Status == MoteStatus.Bokat).Max(m => (DateTime?)m.SlutUtc),
            })
            .ToListAsync(ct);
        // A booked interview waits for a score only once it has been held.
        return rader.Where(k => k.State == KandidatTillstand.Intervjuad || k.IntervjuSlut < nu)
            .Select(k => new Uppgift("Rekrytering", "Lämna din bedömning efter intervjun", $"{k.Diarienummer} {k.Titel}",
                k.IntervjuSlut ?? k.InkomUtc, Plats.Till("/Rekrytering/Bedomning", null, ("id", k.RekryteringId), ("kandidatId", k.Id))));
    }

    /// <summary>Uppdragskontrakt drafts that wait for this person's confirmation: as the manager once the principal has
    /// confirmed, as the principal as soon as the draft exists.</summary>
    private async Task<IEnumerable<Uppgift>> KontraktAsync(int me, CancellationToken ct)
    {
        var rader = await db.Set<Uppdragskontrakt>().AsNoTracking()
            .Where(u => u.State == UppdragskontraktTillstand.Utkast
                && ((u.ChefPersonId == me && u.ChefBekraftadUtc == null && u.UppdragsgivareBekraftadUtc != null)
                    || (u.UppdragsgivarePersonId == me && u.UppdragsgivareBekraftadUtc == null)))
            .Select(u => new { u.ChefPersonId, u.Versionsnummer, u.SkapadUtc, u.UppdragsgivareBekraftadUtc, u.ChefBekraftadUtc, Chef = u.Chef!.Fornamn + " " + u.Chef.Efternamn })
            .ToListAsync(ct);
        return rader.Select(u => u.ChefPersonId == me
            ? new Uppgift("Uppdragskontrakt", "Bekräfta ditt uppdragskontrakt", $"Version {u.Versionsnummer}", u.UppdragsgivareBekraftadUtc ?? u.SkapadUtc,
                Plats.Till("/Uppdragskontrakt/Index", null, ("personId", u.ChefPersonId)))
            : new Uppgift("Uppdragskontrakt", "Bekräfta uppdragskontraktet som uppdragsgivare", $"{u.Chef}, version {u.Versionsnummer}",
                u.ChefBekraftadUtc ?? u.SkapadUtc, Plats.Till("/Uppdragskontrakt/Index", null, ("personId", u.ChefPersonId))));
    }

    /// <summary>The manager's own self-assessment not yet handed in, and those handed in by the managers one is
    /// närmast högre chef for, waiting for the conversation.</summary>
    private async Task<IEnumerable<Uppgift>> SjalvskattningarAsync(int me, CancellationToken ct)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var rader = await db.Set<Sjalvskattning>().AsNoTracking()
            .Where(s => (s.ChefPersonId == me && s.State == SjalvskattningTillstand.Utkast) || s.State == SjalvskattningTillstand.Inlamnad)
            .Select(s => new { s.ChefPersonId, s.Ar, s.State, s.SkapadUtc, s.InlamnadUtc, Chef = s.Chef!.Fornamn + " " + s.Chef.Efternamn })
            .ToListAsync(ct);
        return rader.Where(s => s.State == SjalvskattningTillstand.Utkast || org.IsNextHigherManagerOf(me, s.ChefPersonId))
            .Select(s => s.State == SjalvskattningTillstand.Utkast
                ? new Uppgift("Självskattning", "Gör klart och lämna in din självskattning", $"År {s.Ar}", s.SkapadUtc,
                    Plats.Till("/Sjalvskattning/Ar", null, ("personId", s.ChefPersonId), ("ar", s.Ar)))
                : new Uppgift("Självskattning", "Samtala om självskattningen", $"{s.Chef}, år {s.Ar}", s.InlamnadUtc ?? s.SkapadUtc,
                    Plats.Till("/Sjalvskattning/Ar", null, ("personId", s.ChefPersonId), ("ar", s.Ar))));
    }

    /// <summary>Introduction items not done that fall due within a week (or are late), for the person who owns them:
    /// the new manager, the hiring manager, or HR. One line per introduction and owner.</summary>
    private async Task<IEnumerable<Uppgift>> IntroduktionspunkterAsync(int? me, string userId, bool hr, CancellationToken ct)
    {
        var grans = Idag.AddDays(IntroduktionDagarFore);
        var rader = await db.Set<IntroduktionPunkt>().AsNoTracking()
            .Join(db.Set<Introduktion>(), p => p.IntroduktionId, i => i.Id, (p, i) => new { p, i })
            .Where(x => x.p.KlarUtc == null && x.p.Forfaller <= grans && OppnaIntroduktioner.Contains(x.i.State)
                && ((x.p.Agare == PunktAgare.NyChef && x.i.ChefPersonId == me)
                    || (x.p.Agare == PunktAgare.AnstallandeChef && x.i.AnstallandeChefUserId == userId)
                    || (x.p.Agare == PunktAgare.HR && hr)))
            .Select(x => new { x.i.Id, x.i.ChefNamn, x.i.ChefPersonId, x.i.SkapadUtc, x.p.Forfaller, x.p.Agare })
            .ToListAsync(ct);
        return rader.GroupBy(r => (r.Id, r.Agare)).Select(g =>
        {
            var forsta = g.Min(r => r.Forfaller);
            var egen = g.First().ChefPersonId == me && g.Key.Agare == PunktAgare.NyChef;
            return new Uppgift("Introduktion", $"{SwedishText.Antal(g.Count(), "punkt", "punkter")} att bocka av",
                egen ? "Din introduktion" : $"Introduktion för {g.First().ChefNamn}", g.First().SkapadUtc,
                Plats.Till("/Introduktion/Detaljer", null, ("id", g.Key.Id)), forsta);
        });
    }

    /// <summary>A juror: campaigns in jury work where not every shortlisted nominee has the juror's score.</summary>
    private async Task<IEnumerable<Uppgift>> JuryAsync(string userId, CancellationToken ct)
    {
        var rader = await db.Set<Kampanj>().AsNoTracking()
            .Where(k => k.State == KampanjTillstand.Juryarbete)
            .Select(k => new
            {
                k.Ar, k.SkapadUtc, Kortlistade = k.Kortlista.Count, Bedomda = k.Bedomningar.Count(b => b.JurorUserId == userId),
                Sedan = db.WorkflowTransitions.Where(t => t.Workflow == KampanjFlode && t.SubjectId == k.Id && t.ToState == nameof(KampanjTillstand.Juryarbete))
                    .Max(t => (DateTime?)t.AtUtc),
            })
            .ToListAsync(ct);
        return rader.Where(k => k.Kortlistade == 0 || k.Bedomda < k.Kortlistade).Select(k => new Uppgift("Årets chef",
            k.Kortlistade == 0 ? "Kortlista de nominerade" : $"Bedöm {SwedishText.Antal(k.Kortlistade - k.Bedomda, "kortlistad chef", "kortlistade chefer")}",
            $"Årets chef {k.Ar}", k.Sedan ?? k.SkapadUtc, Plats.Till("/AretsChef/Jury", null, ("ar", k.Ar))));
    }

    /// <summary>HR: the year's campaign when a step is HR's: none planned yet, nomination closed and jury work not started,
    /// or the winner decided and not announced. (Opening is the scheduler's, on the opening day.)</summary>
    private async Task<IEnumerable<Uppgift>> KampanjAsync(CancellationToken ct)
    {
        var ar = Idag.Year;
        var kampanj = await db.Set<Kampanj>().AsNoTracking().Where(k => k.Ar == ar)
            .Select(k => new
            {
                k.State, k.SkapadUtc,
                Sedan = db.WorkflowTransitions.Where(t => t.Workflow == KampanjFlode && t.SubjectId == k.Id).Max(t => (DateTime?)t.AtUtc),
            })
            .FirstOrDefaultAsync(ct);
        var arende = $"Årets chef {ar}";
        return kampanj switch
        {
            null => [new("Årets chef", "Planera årets nominering", arende, SwedishTime.ToUtc(new DateTime(ar, 1, 1)), Plats.Till("/AretsChef/Kampanjer"))],
            { State: KampanjTillstand.NomineringStangd } k =>
                [new("Årets chef", "Starta juryns arbete", arende, k.Sedan ?? k.SkapadUtc, Plats.Till("/AretsChef/Jury", null, ("ar", ar)))],
            { State: KampanjTillstand.Beslutad } k =>
                [new("Årets chef", "Tillkännage Årets chef", arende, k.Sedan ?? k.SkapadUtc, Plats.Till("/AretsChef/Tillkannagivande", null, ("ar", ar)))],
            _ => [],
        };
    }
}
