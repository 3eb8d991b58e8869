using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>Something that must happen when a recruitment is filled (the new manager's introduction, for one).</summary>
public interface IRekryteringTillsattHandler
{
    Task OnTillsattAsync(Rekrytering rekrytering, Kandidat anstalld, Actor actor, CancellationToken ct);
}

/// <summary>
/// The recruitment's steps with their side effects: the workflow decides what is allowed, this class stores the
/// consequences (mails through the outbox, deadlines in the scheduler) in the same unit of work. The caller saves.
/// </summary>
public sealed class RekryteringService(
    AppDbContext db, Outbox outbox, Scheduler scheduler, MeetingService meetings, PolicyLibrary policies,
    IEnumerable<IRekryteringTillsattHandler> onTillsatt)
{
    public const string AnsokningstidSlutJobb = "rekrytering-ansokningstid-slut";

    private DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>Loads a recruitment with everything its guards and pages need, through the municipality filter.</summary>
    public Task<Rekrytering?> LoadAsync(int id, CancellationToken ct = default) => db.Set<Rekrytering>()
        .Include(r => r.Enhet)
        .Include(r => r.Panel)
        .Include(r => r.Kravprofiler).ThenInclude(k => k.Kompetenser)
        .Include(r => r.Kandidater).ThenInclude(k => k.Bedomningar)
        .Include(r => r.Kandidater).ThenInclude(k => k.Referenser)
        .AsSplitQuery()
        .FirstOrDefaultAsync(r => r.Id == id, ct);

    public RekryteringWorkflow Workflow(Rekrytering r) => new(r, db, Today);

    public KandidatWorkflow Workflow(Kandidat k, Rekrytering r) => new(k, r, db);

    public async Task<Rekrytering> CreateAsync(string kommunId, string titel, int enhetId, string agareUserId, string agareNamn, CancellationToken ct = default)
    {
        var diarienummer = await Diarium.NextAsync(db, kommunId, SwedishTime.ToLocal(db.UtcNow).Year, ct);
        var r = new Rekrytering
        {
            KommunId = kommunId, Diarienummer = diarienummer, Titel = titel.Trim(), EnhetId = enhetId,
            AgareUserId = agareUserId, AgareNamn = agareNamn, SkapadUtc = db.UtcNow,
        };
        db.Add(r);
        return r;
    }

    /// <summary>Fires a recruitment trigger and stores what follows from it.</summary>
    public async Task<WorkflowResult> FireAsync(Rekrytering r, RekryteringsHandelse trigger, Actor actor, string? comment = null, CancellationToken ct = default)
    {
        var result = Workflow(r).Fire(trigger, actor, comment);
        if (!result.Succeeded) return result;
        switch (trigger)
        {
            case RekryteringsHandelse.GodkannBehov:
                r.BehovGodkantUtc = db.UtcNow;
                r.BehovGodkantAv = actor.Namn;
                break;
            case RekryteringsHandelse.PubliceraAnnons:
                r.PubliceradUtc = db.UtcNow;
                // The day after the last application day, at midnight Swedish time, the application period closes by itself.
                var closes = SwedishTime.ToUtc(r.SistaAnsokningsdag!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));
                scheduler.Schedule(AnsokningstidSlutJobb, closes, r.Id, kommunId: r.KommunId);
                break;
            case RekryteringsHandelse.Tillsatt:
                var hired = r.Kandidater.Single(k => k.State == KandidatTillstand.Anstalld);
                foreach (var handler in onTillsatt) await handler.OnTillsattAsync(r, hired, actor, ct);
                break;
        }
        return result;
    }

    /// <summary>Fires a candidate trigger; a candidate who leaves the recruitment is told by e-mail.</summary>
    public async Task<WorkflowResult> FireAsync(Kandidat k, Rekrytering r, KandidatHandelse trigger, Actor actor, string? comment = null)
    {
        var result = Workflow(k, r).Fire(trigger, actor, comment);
        if (!result.Succeeded) return result;
        switch (trigger)
        {
            case KandidatHandelse.EjAktuell:
                await TellAsync(k, r, r.State == RekryteringsTillstand.Erbjudande && r.Kandidater.Any(x => x.State == KandidatTillstand.Anstalld)
                    ? Besked.Slag.Tillsatt : Besked.Slag.EjAktuell);
                break;
            case KandidatHandelse.Aterta:
                await TellAsync(k, r, Besked.Slag.Atertagen);
                break;
            case KandidatHandelse.Erbjud:
                await outbox.EnqueueAsync<Erbjudande, Erbjudande.Innehall>(
                    new MailRecipient(k.Epost, k.Namn), $"Erbjudande om anställning – {r.Titel}",
                    new Erbjudande.Innehall(k.Namn, r.Titel, r.Diarienummer, KommunNamn(r), k.Startdatum!.Value, k.Erbjudandevillkor, r.AgareNamn),
                    topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
                break;
            case KandidatHandelse.Acceptera or KandidatHandelse.TackaNej:
                k.UtfallMeddelatUtc = db.UtcNow; // the candidate gave the answer: nothing left to tell
                break;
        }
        return result;
    }

    /// <summary>Tells every candidate still in the process that it ends without them (cancelled, or filled by someone else).</summary>
    public async Task<int> CloseRemainingAsync(Rekrytering r, Actor actor)
    {
        var remaining = r.Kandidater.Where(k => !k.ArAvslutad && k.Id != (r.State == RekryteringsTillstand.Erbjudande ? r.ValdKandidatId : null)).ToList();
        var cancelled = r.State != RekryteringsTillstand.Erbjudande;
        foreach (var k in remaining)
        {
            if (!Workflow(k, r).Fire(KandidatHandelse.EjAktuell, actor, cancelled ? "Rekryteringen avbryts" : "Tjänsten är tillsatt").Succeeded) continue;
            await TellAsync(k, r, cancelled ? Besked.Slag.Avbruten : Besked.Slag.Tillsatt);
        }
        return remaining.Count;
    }

    /// <summary>Books the interview with the candidate, the owner and the panel, with a calendar invite to each; at a
    /// time ahead of now and at most two years off (<see cref="MeetingService.Tidsfel"/>), else refused with nothing booked.</summary>
    public async Task<WorkflowResult> BookInterviewAsync(Kandidat k, Rekrytering r, Motestid tid, string plats, Actor actor, string organizerEmail)
    {
        var check = Workflow(k, r);
        if (!check.CanFire(KandidatHandelse.BokaIntervju)) return check.Fire(KandidatHandelse.BokaIntervju, actor);
        if (meetings.Tidsfel(tid, "Intervjun") is { } fel) return WorkflowResult.Refused([fel]);
        var panel = await db.Users.Where(u => r.Panel.Select(p => p.UserId).Contains(u.Id) || u.Id == r.AgareUserId)
            .Select(u => new MailRecipient(u.Email!, u.Namn)).ToListAsync();
        var mote = await meetings.BookAsync(new MeetingRequest(
            $"Intervju: {r.Titel}", $"Strukturerad intervju för tjänsten som {r.Titel} ({r.Diarienummer}).", plats, tid.StartUtc(), tid.SlutUtc(),
            new MailRecipient(organizerEmail, r.AgareNamn), [new MailRecipient(k.Epost, k.Namn), .. panel], $"Kandidat:{k.Id}"), r.KommunId);
        return await FireAsync(k, r, KandidatHandelse.BokaIntervju, actor, $"Intervju {SwedishTime.Format(mote.StartUtc)}, {plats}");
    }

    /// <summary>Moves the candidate's booked interview, under the same rule for the time as booking it; the participants
    /// get an updated invitation.</summary>
    public async Task<WorkflowResult> FlyttaIntervjuAsync(Kandidat k, Motestid tid, string plats)
    {
        if (await InterviewOfAsync(k) is not { } mote) return WorkflowResult.Refused(["Det finns ingen bokad intervju."]);
        if (meetings.Tidsfel(tid, "Intervjun") is { } fel) return WorkflowResult.Refused([fel]);
        await meetings.RescheduleAsync(mote, tid.StartUtc(), tid.SlutUtc(), plats);
        return WorkflowResult.Ok;
    }

    /// <summary>
    /// The offer, with the start date and the terms that go to the candidate. The start lies between today and two years
    /// ahead: the introduction is planned from it.
    /// </summary>
    public async Task<WorkflowResult> ErbjudAsync(Kandidat k, Rekrytering r, DateOnly startdatum, string? villkor, Actor actor)
    {
        var fonster = new Datumfonster(Today, Today.AddYears(2));
        if (!fonster.Rymmer(startdatum)) return WorkflowResult.Refused([$"Startdatumet ska ligga {fonster.Text}."]);
        k.Startdatum = startdatum;
        k.Erbjudandevillkor = villkor?.Trim();
        return await FireAsync(k, r, KandidatHandelse.Erbjud, actor);
    }

    /// <summary>Why the wished-for start cannot be this day, or null: it lies between today and two years ahead.</summary>
    public string? OnskatTilltradeFel(DateOnly? onskatTilltrade)
    {
        var fonster = new Datumfonster(Today, Today.AddYears(2));
        return onskatTilltrade is { } d && !fonster.Rymmer(d) ? $"Önskat tillträde ska ligga {fonster.Text}." : null;
    }

    /// <summary>The advert's text and last application day, until it is published. The last day lies between today and a
    /// year ahead.</summary>
    public WorkflowResult SparaAnnons(Rekrytering r, string annonstext, DateOnly sistaAnsokningsdag)
    {
        if (r.State is not (RekryteringsTillstand.Behovsprovning or RekryteringsTillstand.Kravprofil))
            return WorkflowResult.Refused(["Annonsen kan bara ändras innan den publiceras."]);
        var fonster = SistaAnsokningsdagar(Today);
        if (!fonster.Rymmer(sistaAnsokningsdag)) return WorkflowResult.Refused([$"Sista ansökningsdag ska ligga {fonster.Text}."]);
        r.Annonstext = annonstext.Trim();
        r.SistaAnsokningsdag = sistaAnsokningsdag;
        return WorkflowResult.Ok;
    }

    /// <summary>From today to a year ahead: the days an advert may close on.</summary>
    public static Datumfonster SistaAnsokningsdagar(DateOnly idag) => new(idag, idag.AddYears(1));

    /// <summary>The union negotiation (MBL 11 §): held within a year before or after today.</summary>
    public WorkflowResult RegistreraMbl(Rekrytering r, DateOnly datum, string parter, string utfall, Actor actor)
    {
        if (r.State != RekryteringsTillstand.FackligSamverkan) return WorkflowResult.Refused(["Facklig samverkan registreras i fasen Facklig samverkan."]);
        var fonster = Datumfonster.Kring(Today, 1, 1);
        if (!fonster.Rymmer(datum)) return WorkflowResult.Refused([$"Datumet för förhandlingen ska ligga {fonster.Text}."]);
        r.MblDatum = datum;
        r.MblParter = parter.Trim();
        r.MblUtfall = utfall.Trim();
        r.MblRegistreradAv = actor.Namn;
        return WorkflowResult.Ok;
    }

    /// <summary>The hiring decision as taken: on a day within the last year, for one of the proposed candidates.</summary>
    public WorkflowResult RegistreraBeslut(Rekrytering r, DateOnly datum, string beslutsfattare, int kandidatId, string? motivering)
    {
        if (r.State != RekryteringsTillstand.Beslut) return WorkflowResult.Refused(["Anställningsbeslutet registreras i fasen Beslut."]);
        if (!r.Kandidater.Any(k => k.Id == kandidatId && k.State == KandidatTillstand.Foreslagen)) return WorkflowResult.Refused(["Välj en föreslagen kandidat."]);
        var fonster = new Datumfonster(Today.AddYears(-1), Today);
        if (!fonster.Rymmer(datum)) return WorkflowResult.Refused([$"Beslutsdatumet ska ligga {fonster.Text}: ett beslut registreras när det är fattat."]);
        r.BeslutDatum = datum;
        r.Beslutsfattare = beslutsfattare.Trim();
        r.ValdKandidatId = kandidatId;
        r.BeslutMotivering = motivering?.Trim();
        return WorkflowResult.Ok;
    }

    /// <summary>The candidate's booked interview, found by its link "Kandidat:{id}".</summary>
    public Task<Mote?> InterviewOfAsync(Kandidat k) => db.Set<Mote>().Include(m => m.Deltagare)
        .Where(m => m.Koppling == $"Kandidat:{k.Id}" && m.Status == MoteStatus.Bokat).OrderByDescending(m => m.Id).FirstOrDefaultAsync();

    private async Task TellAsync(Kandidat k, Rekrytering r, Besked.Slag slag)
    {
        await outbox.EnqueueAsync<Besked, Besked.Innehall>(
            new MailRecipient(k.Epost, k.Namn), slag == Besked.Slag.Atertagen ? "Din ansökan är återtagen" : $"Besked om din ansökan – {r.Titel}",
            new Besked.Innehall(k.Namn, r.Titel, r.Diarienummer, KommunNamn(r), slag), topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
        k.UtfallMeddelatUtc = db.UtcNow;
    }

    private string? KommunNamn(Rekrytering r) => policies.Find(r.KommunId)?.Kommun;
}
