using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A reference as the owner or HR notes it after the call.</summary>
public sealed record NyReferens(string Namn, string Relation, string? Kontakt, string Anteckningar);

/// <summary>One applicant's page: the application, its process and the steps offered now, documents, history, the
/// booked interview and a possible earlier application by the same person.</summary>
public sealed record Kandidatoversikt(
    Rekrytering Rekrytering, Kandidat Kandidat, KandidatWorkflow Process, bool KanDriva, IReadOnlyList<WorkflowAction<KandidatHandelse>> Atgarder,
    IReadOnlyList<Dokument> Handlingar, IReadOnlyList<WorkflowTransition> Historik, Mote? Intervju, Kandidat? Dubblett,
    IReadOnlyList<AvslagService.Avslagsval> Avslagsskal)
{
    /// <summary>The screening is anonymous for this applicant (<see cref="RekryteringAccess.ArAnonym"/>): no name, contact
    /// details or documents; <see cref="Handlingar"/> is then empty.</summary>
    public bool Anonym => RekryteringAccess.ArAnonym(Rekrytering, Kandidat);

    /// <summary>A duplicate of an application still in: withdrawing it removes the duplicate, and the applicant is told so.</summary>
    public bool ArDubblettAvOppenAnsokan => RekryteringService.ForstaAnsokanKvar(Kandidat, Rekrytering);
}

/// <summary>A candidate's references as this user sees them: whether they record them, and why not now.</summary>
public sealed record Referensvy(Rekrytering Rekrytering, Kandidat Kandidat, bool KanRegistrera, string? Hinder);

/// <summary>The user's own scorecard for a candidate: the profile's competences in order, their own scores, and why it
/// cannot be filled in now.</summary>
public sealed record Bedomningsvy(Rekrytering Rekrytering, Kandidat Kandidat, IReadOnlyList<KravprofilKompetens> Kompetenser, string? Hinder,
    DateTime? SparadUtc, IReadOnlyList<Poangsattning> Egna, IReadOnlyList<(int Poang, string Text)> Skala);

/// <summary>
/// Every change to one application, one command per thing a person means to do, under the recruitment's access rule
/// (<see cref="RekryteringAccess"/>): review, interview booking, the offer, references, one's own scorecard. The steps
/// of the candidate's process are fired through <see cref="RekryteringService"/>, the one place that fires them.
/// </summary>
public sealed class KandidatService(AppDbContext db, RekryteringService rekryteringar, MeetingService meetings, Outbox outbox, AvslagService avslag,
    Granskning.AuditLog audit)
{
    // ---- Queries ----

    /// <summary>The applicant's page, or null when the user may not see the recruitment or the applicant is not in it.</summary>
    public async Task<Kandidatoversikt?> OversiktAsync(int id, int kandidatId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (synlig, k)) return null;
        var r = synlig.Rekrytering;
        var process = rekryteringar.Workflow(k, r);
        // An anonymous applicant's documents are not listed (nor readable: KandidatDocumentAccess refuses them).
        var handlingar = RekryteringAccess.ArAnonym(r, k) ? [] : await db.Set<Dokument>().AsNoTracking()
            .Where(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id).OrderBy(d => d.Id).ToListAsync(ct);
        var historik = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.Workflow == "Kandidat" && t.SubjectId == k.Id).OrderBy(t => t.Id).ToListAsync(ct);
        var dubblett = k.MojligDubblettAvId is int other ? r.Kandidater.FirstOrDefault(x => x.Id == other) : null;
        var skal = synlig.KanDriva && process.CanFire(KandidatHandelse.EjAktuell) ? await avslag.AktivaAsync(ct) : [];
        return new(r, k, process, synlig.KanDriva, Atgarder(k, r, process), handlingar, historik, await rekryteringar.BokadIntervjuAsync(k, ct), dubblett, skal);
    }

    /// <summary>
    /// The steps offered for the applicant: the process's own, and the ones that take a step on the way by themselves
    /// (see the commands): an applicant not yet screened can be booked for an interview at once, and an interviewed one
    /// with references written down can be proposed, which marks the references taken.
    /// </summary>
    internal static List<WorkflowAction<KandidatHandelse>> Atgarder(Kandidat k, Rekrytering r, KandidatWorkflow process)
    {
        var atgarder = process.Actions().ToList();
        WorkflowAction<KandidatHandelse> Erbjuden(KandidatHandelse trigger) => new(trigger, SwedishText.Of(trigger), true, [], false);
        if (k.State == KandidatTillstand.Inkommen && r.State is RekryteringsTillstand.Urval or RekryteringsTillstand.Intervjuer)
            atgarder.Add(Erbjuden(KandidatHandelse.BokaIntervju));
        if (k.State == KandidatTillstand.Intervjuad && k.Referenser.Count > 0 && r.State is RekryteringsTillstand.Intervjuer or RekryteringsTillstand.Referenser)
        {
            atgarder.RemoveAll(a => a.Trigger == KandidatHandelse.ReferenserTagna);
            atgarder.Add(Erbjuden(KandidatHandelse.Foresla));
        }
        return atgarder;
    }

    /// <summary>The candidate's references, for owner, HR and panel; null for anyone else.</summary>
    public async Task<Referensvy?> ReferenserAsync(int id, int kandidatId, ClaimsPrincipal user, CancellationToken ct = default) =>
        await SynligAsync(id, kandidatId, user, ct) is var (synlig, k)
            ? new(synlig.Rekrytering, k, synlig.KanDriva, Referenstagning.Hinder(k, synlig.Rekrytering))
            : null;

    /// <summary>The user's own scorecard for the candidate; null for anyone who may not assess.</summary>
    public async Task<Bedomningsvy?> BedomningAsync(int id, int kandidatId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not ({ KanBedoma: true } synlig, var k)) return null;
        var profil = synlig.Rekrytering.GallandeKravprofil;
        var egna = k.Bedomningar.Where(b => b.BedomareUserId == user.UserId()).ToList();
        return new(synlig.Rekrytering, k, profil?.Ordnade() ?? [], await BedomningshinderAsync(k, profil, ct), egna.Max(b => (DateTime?)b.SparadUtc),
            egna.Select(b => new Poangsattning(b.KompetensId, b.Poang, b.Kommentar)).ToList(), (await rekryteringar.IntervjuformuleringAsync(user, ct)).Skala);
    }

    private async Task<(SynligRekrytering, Kandidat)?> SynligAsync(int id, int kandidatId, ClaimsPrincipal user, CancellationToken ct) =>
        await rekryteringar.SynligAsync(id, user, ct) is { } synlig && synlig.Rekrytering.Kandidater.FirstOrDefault(k => k.Id == kandidatId) is { } k
            ? (synlig, k)
            : null;

    // ---- Commands ----

    /// <summary>A step of the candidate's process that needs no form (review, interviewed, proposed, the answer to the offer,
    /// turned down). Withdrawing the application has its own command, with a confirmation.</summary>
    public Task<CommandResult> FireAsync(int id, int kandidatId, Guid version, KandidatHandelse trigger, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, kandidatId, version, user, ct, (r, k) => StegAsync(r, k, trigger, user, ct));

    private async Task<CommandResult> StegAsync(Rekrytering r, Kandidat k, KandidatHandelse trigger, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Enum.IsDefined(trigger)) return CommandResult.Refused("Steget finns inte.");
        if (trigger == KandidatHandelse.Aterta) return CommandResult.Refused(AtertagandeBekraftas);
        var result = await rekryteringar.FireAsync(k, r, trigger, user.Actor());
        return result.Succeeded ? await db.CommitAsync(k, SwedishText.Done(trigger), ct) : CommandResult.Refused(result.Reasons);
    }

    /// <summary>
    /// A card moved on the board (<see cref="Kandidattavla"/>) to the column <paramref name="till"/>: fires the one step
    /// that leads there, as <see cref="FireAsync"/> does, so the process's guards are the only rule; a column reached only
    /// through a form (interview, offer, not going on, withdrawal) is refused with where to do it.
    /// </summary>
    public Task<CommandResult> FlyttaAsync(int id, int kandidatId, Guid version, KandidatTillstand till, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, kandidatId, version, user, ct, (r, k) =>
        {
            if (!Enum.IsDefined(till)) return Task.FromResult(CommandResult.Refused("Kolumnen finns inte."));
            if (k.State == till) return Task.FromResult(CommandResult.Refused($"{k.Visningsnamn} är redan i kolumnen {SwedishText.Of(till)}."));
            if (Kandidattavla.Medformular(till) is { } formular) return Task.FromResult(CommandResult.Refused(formular));
            return StegAsync(r, k, Kandidattavla.HandelseTill(till), user, ct);
        });

    public const string AvslagsskalSaknas = "Välj skälet till att ansökan inte går vidare. Den sökande får mejlet som hör till skälet.";

    /// <summary>
    /// The application does not go on, for one of the municipality's active refusal reasons (<see cref="AvslagService"/>);
    /// the applicant gets that reason's mail. Where the municipality has retired every reason, the general text is sent.
    /// </summary>
    public Task<CommandResult> EjAktuellAsync(int id, int kandidatId, Guid version, string? avslagsskal, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, kandidatId, version, user, ct, async (r, k) =>
        {
            var aktiva = await avslag.AktivaAsync(ct);
            var skal = aktiva.FirstOrDefault(a => a.Nyckel == avslagsskal);
            if (skal is null && aktiva.Count > 0) return CommandResult.Refused(AvslagsskalSaknas);
            var result = await rekryteringar.EjAktuellAsync(k, r, skal, user.Actor());
            return result.Succeeded ? await db.CommitAsync(k, SwedishText.Done(KandidatHandelse.EjAktuell), ct) : CommandResult.Refused(result.Reasons);
        });

    public const string AtertagandeBekraftas = "Kryssa i rutan för att bekräfta att ansökan ska återtas. Den sökande får ett mejl om det.";

    /// <summary>
    /// The recruiting side withdraws the application, e.g. a duplicate or at the applicant's request by phone: only when
    /// <paramref name="bekraftat"/>, since it cannot be undone and mails the applicant. A flagged duplicate whose first
    /// application is still in is told that the duplicate is removed and the first one remains.
    /// </summary>
    public Task<CommandResult> AtertaAsync(int id, int kandidatId, Guid version, bool bekraftat, ClaimsPrincipal user, CancellationToken ct = default) =>
        ChangeAsync(id, kandidatId, version, user, ct, async (r, k) =>
        {
            if (!bekraftat) return CommandResult.Refused(AtertagandeBekraftas);
            var dubblett = RekryteringService.ForstaAnsokanKvar(k, r);
            var result = await rekryteringar.FireAsync(k, r, KandidatHandelse.Aterta, user.Actor(), dubblett ? "Dubblett av en tidigare ansökan" : null);
            if (!result.Succeeded) return CommandResult.Refused(result.Reasons);
            return await db.CommitAsync(k, dubblett
                ? $"Dubbletten är borttagen. {k.Visningsnamn} får ett mejl om att den första ansökan finns kvar."
                : $"Ansökan är återtagen. {k.Visningsnamn} får ett mejl om det.", ct);
        });

    /// <summary>Books the interview with the candidate, the owner and the panel, with a calendar invite to each; at a
    /// time ahead of now and at most two years off (<see cref="MeetingService.Tidsfel"/>), else refused with nothing booked.</summary>
    public Task<CommandResult> BokaIntervjuAsync(int id, int kandidatId, Guid version, Motestid tid, string plats, ClaimsPrincipal user,
        CancellationToken ct = default) => ChangeAsync(id, kandidatId, version, user, ct, async (r, k) =>
        {
            if (meetings.Tidsfel(tid, "Intervjun") is { } fel) return CommandResult.Refused(fel);
            // Booking an applicant for an interview is screening them, and the first booking starts the interview phase.
            var process = rekryteringar.Workflow(k, r);
            if (k.State == KandidatTillstand.Inkommen && process.CanFire(KandidatHandelse.Granska))
                process.Fire(KandidatHandelse.Granska, user.Actor(), RekryteringService.Sjalv);
            if (r.State == RekryteringsTillstand.Urval) await rekryteringar.FramAsync(r, RekryteringsHandelse.StartaIntervjuer, user.Actor());
            if (!process.CanFire(KandidatHandelse.BokaIntervju)) return db.Refuse(process.Fire(KandidatHandelse.BokaIntervju, user.Actor()).Reasons);
            plats = plats.Trim();
            // Called to interview, the applicant is no longer anonymous in the screening: logged, who and when.
            if (RekryteringAccess.ArAnonym(r, k))
            {
                k.AnonymitetHavdUtc = db.UtcNow;
                audit.Add(user, Granskning.AuditAction.Andrade, Granskning.Granskningsobjekt.Kandidat, k.Id, "Anonymiteten hävd: kallad till intervju");
            }
            var mote = await meetings.BookAsync(await rekryteringar.IntervjukallelseAsync(k, r, tid.StartUtc(), tid.SlutUtc(), plats, ct), r.KommunId);
            process.Fire(KandidatHandelse.BokaIntervju, user.Actor(), $"Intervju {SwedishTime.Format(mote.StartUtc)}, {plats}");
            return await db.CommitAsync(k, "Intervjun är bokad och kallelser med kalenderinbjudan skickas.", ct);
        });

    /// <summary>Moves the candidate's booked interview, under the same rule for the time as booking it; the participants
    /// get an updated invitation.</summary>
    public Task<CommandResult> FlyttaIntervjuAsync(int id, int kandidatId, Guid version, Motestid tid, string plats, ClaimsPrincipal user,
        CancellationToken ct = default) => ChangeAsync(id, kandidatId, version, user, ct, async (r, k) =>
        {
            if (k.State != KandidatTillstand.IntervjuBokad || await rekryteringar.BokadIntervjuAsync(k, ct) is not { } mote)
                return CommandResult.Refused("Det finns ingen bokad intervju.");
            if (meetings.Tidsfel(tid, "Intervjun") is { } fel) return CommandResult.Refused(fel);
            await meetings.RescheduleAsync(mote, tid.StartUtc(), tid.SlutUtc(), plats.Trim());
            return await db.CommitAsync(k, "Intervjun är flyttad och en uppdaterad kalenderinbjudan skickas.", ct);
        });

    /// <summary>
    /// The offer, with the start date and the terms that go to the candidate. The start lies between today and two years
    /// ahead: the introduction is planned from it.
    /// </summary>
    public Task<CommandResult> ErbjudAsync(int id, int kandidatId, Guid version, DateOnly startdatum, string? villkor, ClaimsPrincipal user,
        CancellationToken ct = default) => ChangeAsync(id, kandidatId, version, user, ct, async (r, k) =>
        {
            var fonster = new Datumfonster(rekryteringar.Today, rekryteringar.Today.AddYears(2));
            if (!fonster.Rymmer(startdatum)) return CommandResult.Refused($"Startdatumet ska ligga {fonster.Text}.");
            var result = rekryteringar.Workflow(k, r).Erbjud(new(startdatum, string.IsNullOrWhiteSpace(villkor) ? null : villkor.Trim()), user.Actor());
            if (!result.Succeeded) return CommandResult.Refused(result.Reasons);
            await outbox.EnqueueAsync<Erbjudande, Erbjudande.Innehall>(
                k.Mottagare, $"Erbjudande om anställning – {r.Titel}",
                new Erbjudande.Innehall(k.Namn, r.Titel, r.Diarienummer, rekryteringar.KommunNamn(r), startdatum, k.Erbjudandevillkor, r.AgareNamn),
                topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
            return await db.CommitAsync(k, "Erbjudandet är lämnat och skickat till kandidaten.", ct);
        });

    /// <summary>A reference taken for an interviewed candidate still in an open recruitment, by the owner or HR.</summary>
    public async Task<CommandResult> RegistreraReferensAsync(int id, int kandidatId, NyReferens ny, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (synlig, k)) return CommandResult.NotFound;
        // The panel sees the references, so their existence is no secret: forbidden, not not found.
        if (!synlig.KanDriva) return CommandResult.Forbidden;
        if (Referenstagning.Hinder(k, synlig.Rekrytering) is { } hinder) return CommandResult.Refused(hinder);
        if (string.IsNullOrWhiteSpace(ny.Namn) || string.IsNullOrWhiteSpace(ny.Relation) || string.IsNullOrWhiteSpace(ny.Anteckningar))
            return CommandResult.Refused("Fyll i referensens namn, relation till kandidaten och anteckningar.");
        k.Referenser.Add(new Referens
        {
            KommunId = k.KommunId, KandidatId = k.Id, Namn = ny.Namn.Trim(), Relation = ny.Relation.Trim(),
            Kontakt = string.IsNullOrWhiteSpace(ny.Kontakt) ? null : ny.Kontakt.Trim(), Anteckningar = ny.Anteckningar.Trim(),
            TagenUtc = db.UtcNow, TagenAv = user.Namn(),
        });
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Referensen från {ny.Namn.Trim()} är sparad.");
    }

    /// <summary>
    /// The interviewer's own scorecard for the candidate (<see cref="Bedomningar.SparaAsync"/>): a score 1–5 for every
    /// competence of the fixed profile. Owner, HR and panel each keep their own; nothing is saved when it is incomplete or
    /// the candidate cannot be scored now.
    /// </summary>
    public async Task<CommandResult> SparaBedomningAsync(int id, int kandidatId, IReadOnlyList<Poangsattning> rader, ClaimsPrincipal user,
        CancellationToken ct = default)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not ({ KanBedoma: true } synlig, var k)) return CommandResult.NotFound;
        var profil = synlig.Rekrytering.GallandeKravprofil;
        if (await BedomningshinderAsync(k, profil, ct) is { } hinder) return CommandResult.Refused(hinder);
        var fel = await Bedomningar.SparaAsync(db, k, profil!, user.Actor(), rader, ct);
        if (fel.Count > 0) return CommandResult.Refused(fel.Select(f => f.Meddelande).ToList());
        // A scorecard after the interview has begun means it was held: the candidate is marked interviewed by it.
        if (k.State == KandidatTillstand.IntervjuBokad && (await rekryteringar.BokadIntervjuAsync(k, ct))?.StartUtc <= db.UtcNow
            && (await rekryteringar.FireAsync(k, synlig.Rekrytering, KandidatHandelse.MarkeraIntervjuad, user.Actor(), RekryteringService.Sjalv)).Succeeded)
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Done($"Din bedömning av {k.Visningsnamn} är sparad och kandidaten är markerad som intervjuad.");
        }
        return CommandResult.Done($"Din bedömning av {k.Visningsnamn} är sparad.");
    }

    /// <summary>Why the scorecard cannot be filled in now: no fixed profile, a state without an interview, or an interview
    /// booked for a time still to come (scored from when it begins).</summary>
    private async Task<string?> BedomningshinderAsync(Kandidat k, Kravprofil? profil, CancellationToken ct) =>
        profil is null ? "Kravprofilen är inte fastställd, så det finns inga kompetenser att bedöma än."
            : Bedomningar.Hinder(k) ?? await rekryteringar.ForeIntervjunAsync(k, ct);

    /// <summary>Every change to an application: load (not found when the recruitment is not visible or the applicant not in
    /// it), the right to run it (forbidden for the panel), the version of the application the person saw, then the change.</summary>
    private async Task<CommandResult> ChangeAsync(int id, int kandidatId, Guid version, ClaimsPrincipal user, CancellationToken ct,
        Func<Rekrytering, Kandidat, Task<CommandResult>> change)
    {
        if (await SynligAsync(id, kandidatId, user, ct) is not var (synlig, k)) return CommandResult.NotFound;
        if (!synlig.KanDriva) return CommandResult.Forbidden;
        if (k.Version != version) return CommandResult.Conflict(RekryteringService.AndradSamtidigt);
        return await change(synlig.Rekrytering, k);
    }
}
