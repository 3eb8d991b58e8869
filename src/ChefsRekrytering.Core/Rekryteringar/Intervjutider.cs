using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>An offered time as the recruitment's page lists it: who booked it (null while free).</summary>
public sealed record Intervjutidsrad(Intervjutid Tid, string? Kandidat);

/// <summary>A candidate who can be invited to choose a time: when last invited, and the time they hold.</summary>
public sealed record Inbjudningsbar(Kandidat Kandidat, DateTime? InbjudenUtc, Intervjutid? Bokad);

/// <summary>The recruitment's interview times: the times in order and the candidates one can invite to book.</summary>
public sealed record Intervjutidsvy(Rekrytering Rekrytering, bool KanDriva, IReadOnlyList<Intervjutidsrad> Tider, IReadOnlyList<Inbjudningsbar> Kandidater);

/// <summary>
/// Self-booking of interviews. The recruiting manager (or HR) offers times on the recruitment and invites candidates,
/// who get a mail with a private link; an invited candidate takes a free future time on their own page, which books the
/// interview (<see cref="KandidatHandelse.BokaIntervju"/>) and sends the same calendar invitations as a booking by the
/// recruiting side (<see cref="MeetingService"/>). Moving to another free time re-sends the invitation with the same UID
/// and a higher SEQUENCE. A time is taken at most once: the save carries the version of the time that was read.
/// Under the recruitment's access rule (<see cref="RekryteringAccess"/>, through <see cref="RekryteringService.SynligAsync"/>).
/// </summary>
public sealed class Intervjutider(AppDbContext db, RekryteringService rekryteringar, MeetingService meetings, Outbox outbox, MailLinks links)
{
    public const string TidenTagen = "Tiden du valde är redan bokad av någon annan. Välj en av de lediga tiderna nedan.";
    public const string TidenTogsSamtidigt = "Tiden du valde hann bokas av någon annan i samma stund. Listan visar nu de tider som är lediga; välj en av dem.";
    public const string TidenPasserad = "Tiden du valde har redan varit. Välj en av de lediga tiderna nedan.";
    public const string TidenFinnsInte = "Tiden finns inte längre. Välj en av de lediga tiderna nedan.";
    public const string InteInbjuden = "Du kan inte välja en intervjutid här. Den som rekryterar hör av sig till dig.";
    public const string KanInteFlyttas = "Intervjun kan inte längre flyttas här. Kontakta den som rekryterar om du behöver en annan tid.";

    /// <summary>Times are offered and candidates invited while applications are being reviewed and interviews held.</summary>
    private static bool TiderErbjuds(Rekrytering r) => r.State is RekryteringsTillstand.Annonserad or RekryteringsTillstand.Urval or RekryteringsTillstand.Intervjuer;

    // ---- The recruiting side ----

    /// <summary>The recruitment's interview times, for whoever may see it; null otherwise.</summary>
    public async Task<Intervjutidsvy?> VyAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { } synlig) return null;
        var r = synlig.Rekrytering;
        var tider = await db.Set<Intervjutid>().AsNoTracking().Where(t => t.RekryteringId == id).OrderBy(t => t.StartUtc).ThenBy(t => t.Id).ToListAsync(ct);
        var inbjudna = await db.Set<Intervjuinbjudan>().AsNoTracking().Where(i => r.Kandidater.Select(k => k.Id).Contains(i.KandidatId))
            .ToDictionaryAsync(i => i.KandidatId, i => i.InbjudenUtc, ct);
        var rader = tider.Select(t => new Intervjutidsrad(t, r.Kandidater.FirstOrDefault(k => k.Id == t.KandidatId)?.Visningsnamn)).ToList();
        var kandidater = r.Kandidater
            .Where(k => k.State is KandidatTillstand.Inkommen or KandidatTillstand.Granskad || tider.Any(t => t.KandidatId == k.Id))
            .OrderBy(k => k.Efternamn, SwedishTime.NameOrder).ThenBy(k => k.Fornamn, SwedishTime.NameOrder)
            .Select(k => new Inbjudningsbar(k, inbjudna.TryGetValue(k.Id, out var utc) ? utc : null, tider.FirstOrDefault(t => t.KandidatId == k.Id)))
            .ToList();
        return new(r, synlig.KanDriva, rader, kandidater);
    }

    /// <summary>Offers a time for interviews: ahead of now and at most two years off (<see cref="MeetingService.Tidsfel"/>), with a place.</summary>
    public Task<CommandResult> LaggTillAsync(int id, Guid version, Motestid tid, string? plats, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, async r =>
        {
            if (!TiderErbjuds(r)) return CommandResult.Refused("Intervjutider erbjuds medan ansökningar tas emot, granskas och intervjuer hålls.");
            if (meetings.Tidsfel(tid, "Intervjutiden") is { } fel) return CommandResult.Refused(fel);
            if (string.IsNullOrWhiteSpace(plats)) return CommandResult.Refused("Fyll i platsen för intervjun.");
            db.Add(new Intervjutid { KommunId = r.KommunId, RekryteringId = r.Id, StartUtc = tid.StartUtc(), SlutUtc = tid.SlutUtc(), Plats = InputText.SingleLine(plats).Trim() });
            return await db.CommitAsync(r, version, $"Tiden {SwedishTime.Format(tid.StartUtc())} är tillagd.", ct);
        });

    /// <summary>Takes away a free time; a booked one stays (the candidate moves it, or the recruiting side moves the interview).</summary>
    public Task<CommandResult> TaBortAsync(int id, Guid version, int tidId, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, version, user, ct, async r =>
        {
            if (await db.Set<Intervjutid>().FirstOrDefaultAsync(t => t.Id == tidId && t.RekryteringId == r.Id, ct) is not { } tid) return CommandResult.NotFound;
            if (!tid.ArLedig) return CommandResult.Refused("Tiden är bokad och kan inte tas bort. Flytta intervjun från kandidatens sida i stället.");
            db.Remove(tid);
            return await db.CommitAsync(r, version, $"Tiden {SwedishTime.Format(tid.StartUtc)} är borttagen.", ct);
        });

    /// <summary>
    /// Invites the candidate to choose one of the free times on their own page: a mail with a new private link. The
    /// candidate stays where they are (an applicant not yet screened is screened by the invitation, and the first invitation
    /// starts the interview phase, as booking by hand does) until they book, which fires <see cref="KandidatHandelse.BokaIntervju"/>.
    /// </summary>
    public async Task<CommandResult> BjudInAsync(int id, int kandidatId, Guid version, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { } synlig || synlig.Rekrytering.Kandidater.FirstOrDefault(k => k.Id == kandidatId) is not { } k)
            return CommandResult.NotFound;
        if (!synlig.KanDriva) return CommandResult.Forbidden;
        if (k.Version != version) return CommandResult.Conflict(RekryteringService.AndradSamtidigt);
        if (await BjudInUtanAttSparaAsync(synlig.Rekrytering, k, user.Actor(), ct) is { } hinder) return CommandResult.Refused(hinder);
        return await db.CommitAsync(k, $"{k.Visningsnamn} är inbjuden att välja en intervjutid och får ett mejl med länken.", ct);
    }

    /// <summary>
    /// The invitation itself, for <see cref="BjudInAsync"/> and the board's bulk invitation (<see cref="Kandidattavla"/>):
    /// why the candidate cannot be invited now, decided before anything is changed, or null with the invitation and its
    /// mail tracked for the caller's one save.
    /// </summary>
    internal async Task<string?> BjudInUtanAttSparaAsync(Rekrytering r, Kandidat k, Actor actor, CancellationToken ct)
    {
        if (k.State is not (KandidatTillstand.Inkommen or KandidatTillstand.Granskad))
            return $"{k.Visningsnamn} kan inte bjudas in att välja en tid i läget {SwedishText.Of(k.State)}.";
        if (r.State is not (RekryteringsTillstand.Urval or RekryteringsTillstand.Intervjuer))
            return "Kandidater bjuds in till intervju när ansökningstiden har gått ut.";
        if (!await db.Set<Intervjutid>().AnyAsync(t => t.RekryteringId == r.Id && t.KandidatId == null && t.StartUtc > db.UtcNow, ct))
            return "Det finns ingen ledig framtida intervjutid. Lägg till tider först.";
        var process = rekryteringar.Workflow(k, r);
        if (k.State == KandidatTillstand.Inkommen && !process.CanFire(KandidatHandelse.Granska))
            return "Kandidaten kan inte bjudas in till intervju ännu.";
        // An applicant not yet screened is screened by the invitation, and the first invitation starts the interview phase.
        if (k.State == KandidatTillstand.Inkommen) process.Fire(KandidatHandelse.Granska, actor, RekryteringService.Sjalv);
        if (r.State == RekryteringsTillstand.Urval) await rekryteringar.FramAsync(r, RekryteringsHandelse.StartaIntervjuer, actor);
        if (r.State != RekryteringsTillstand.Intervjuer)
            throw new InvalidOperationException("Intervjufasen startade inte fast ansökningstiden har gått ut.");

        var (token, hash) = AnsokanService.NyLank();
        var inbjudan = await db.Set<Intervjuinbjudan>().FirstOrDefaultAsync(i => i.KandidatId == k.Id, ct);
        if (inbjudan is null) db.Add(inbjudan = new Intervjuinbjudan { KommunId = k.KommunId, KandidatId = k.Id, AtkomstHash = "", InbjudenAv = actor.Namn });
        (inbjudan.AtkomstHash, inbjudan.InbjudenUtc, inbjudan.InbjudenAv) = (hash, db.UtcNow, actor.Namn);
        await outbox.EnqueueAsync<IntervjuBokaTid, IntervjuBokaTid.Innehall>(
            k.Mottagare, $"Välj en tid för intervju – {r.Titel}",
            new IntervjuBokaTid.Innehall(k.Namn, r.Titel, r.Diarienummer, rekryteringar.KommunNamn(r), r.AgareNamn, links.For($"/ansokan/{token}{(k.Sprak == Sprak.Engelska ? "?sprak=en" : "")}")),
            topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
        return null;
    }

    // ---- The candidate's side, behind the private link (AnsokanService finds the candidate) ----

    /// <summary>The candidate behind an invitation's link, or null.</summary>
    internal Task<int?> KandidatForInbjudanAsync(string hash, CancellationToken ct) =>
        db.Set<Intervjuinbjudan>().IgnoreQueryFilters().Where(i => i.AtkomstHash == hash).Select(i => (int?)i.KandidatId).FirstOrDefaultAsync(ct);

    /// <summary>The free future times the candidate can choose among now, or none when they may not choose (not invited,
    /// or past the point where the page may book or move).</summary>
    internal async Task<IReadOnlyList<Intervjutid>> ValbaraAsync(Kandidat k, CancellationToken ct = default)
    {
        if (!await db.Set<Intervjuinbjudan>().AnyAsync(i => i.KandidatId == k.Id, ct)) return [];
        var egen = await db.Set<Intervjutid>().AsNoTracking().FirstOrDefaultAsync(t => t.KandidatId == k.Id, ct);
        var kan = k.State == KandidatTillstand.Granskad && egen is null
            || k.State == KandidatTillstand.IntervjuBokad && egen is not null && egen.StartUtc > db.UtcNow;
        if (!kan) return [];
        var now = db.UtcNow;
        return await db.Set<Intervjutid>().AsNoTracking().Where(t => t.RekryteringId == k.RekryteringId && t.KandidatId == null && t.StartUtc > now)
            .OrderBy(t => t.StartUtc).ThenBy(t => t.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The candidate takes the time <paramref name="tidId"/>: books the interview (screened and invited) or moves the one
    /// booked from another time (still ahead). A taken or past time is refused with nothing changed; two candidates taking
    /// the same time in the same instant: the first save wins, the second is told and shown the free times. The caller
    /// has checked the version of the application the page showed.
    /// </summary>
    internal async Task<CommandResult> BokaAsync(Kandidat k, int tidId, Actor actor, CancellationToken ct = default)
    {
        var r = (await rekryteringar.LoadAsync(k.RekryteringId, ct))!;
        if (!await db.Set<Intervjuinbjudan>().AnyAsync(i => i.KandidatId == k.Id, ct)) return CommandResult.Refused(InteInbjuden);
        if (await db.Set<Intervjutid>().FirstOrDefaultAsync(t => t.Id == tidId && t.RekryteringId == r.Id, ct) is not { } tid)
            return CommandResult.Refused(TidenFinnsInte);
        if (tid.KandidatId == k.Id) return CommandResult.Refused("Du har redan den tiden.");
        if (!tid.ArLedig) return CommandResult.Refused(TidenTagen);
        if (tid.StartUtc <= db.UtcNow) return CommandResult.Refused(TidenPasserad);
        var egen = await db.Set<Intervjutid>().FirstOrDefaultAsync(t => t.KandidatId == k.Id, ct);
        string klart;
        if (k.State == KandidatTillstand.Granskad && egen is null)
        {
            var process = rekryteringar.Workflow(k, r);
            if (!process.CanFire(KandidatHandelse.BokaIntervju)) return db.Refuse(InteInbjuden);
            await meetings.BookAsync(await rekryteringar.IntervjukallelseAsync(k, r, tid.StartUtc, tid.SlutUtc, tid.Plats, ct), r.KommunId);
            process.Fire(KandidatHandelse.BokaIntervju, actor, $"Vald av kandidaten på sin sida: {SwedishTime.Format(tid.StartUtc)}, {tid.Plats}");
            klart = "Din intervju är bokad. Tiden står på sidan, och du får en kallelse med kalenderinbjudan per e-post.";
        }
        else if (k.State == KandidatTillstand.IntervjuBokad && egen is not null && egen.StartUtc > db.UtcNow
                 && await rekryteringar.BokadIntervjuAsync(k, ct) is { } mote)
        {
            (egen.KandidatId, egen.BokadUtc) = (null, null);
            await meetings.RescheduleAsync(mote, tid.StartUtc, tid.SlutUtc, tid.Plats);
            klart = "Din intervju är flyttad. Den nya tiden står på sidan, och du får en uppdaterad kalenderinbjudan per e-post.";
        }
        else return CommandResult.Refused(KanInteFlyttas);
        (tid.KandidatId, tid.BokadUtc) = (k.Id, db.UtcNow);
        // The candidate's version and the time's: a time someone took since it was read refuses the whole save.
        var result = await db.CommitAsync(k, klart, ct);
        return result.Outcome == Outcome.Conflict ? CommandResult.Conflict(TidenTogsSamtidigt) : result;
    }

    private async Task<CommandResult> ChangeAsync(int id, Guid version, ClaimsPrincipal user, CancellationToken ct, Func<Rekrytering, Task<CommandResult>> change)
    {
        if (await rekryteringar.SynligAsync(id, user, ct) is not { } synlig) return CommandResult.NotFound;
        if (!synlig.KanDriva) return CommandResult.Forbidden;
        if (synlig.Rekrytering.Version != version) return CommandResult.Conflict(RekryteringService.AndradSamtidigt);
        return await change(synlig.Rekrytering);
    }
}
