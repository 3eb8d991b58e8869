using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>Closes the application period the day after the last application day.</summary>
public sealed class AnsokningstidSlut(AppDbContext db, RekryteringService service) : IScheduledJobHandler
{
    public string JobType => RekryteringService.AnsokningstidSlutJobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        var r = await service.LoadAsync(job.SubjectId ?? 0, ct);
        // Already closed by hand, cancelled, or the deadline moved: nothing to do now.
        if (r is null || r.State != RekryteringsTillstand.Annonserad) return;
        if ((await service.FireAsync(r, RekryteringsHandelse.StangAnsokan, Actor.System, "Sista ansökningsdag har passerat", ct)).Succeeded)
            await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// The hired applicant is an employee from the filling (the introduction and the welcome need the person), and becomes the
/// chef of the recruitment's unit on the start date of the offer, not before: until then the present chef leads the unit,
/// her employees keep her as their chef and every figure shows the unit as it is. A start date already here takes effect
/// at once; a later one is a job (<see cref="NyChefTilltrader"/>) stored with the filling.
/// </summary>
public sealed class NyChefIOrganisationen(AppDbContext db, Scheduler scheduler, NyChefTilltrader tilltrade) : IRekryteringTillsattHandler
{
    public async Task OnTillsattAsync(Rekrytering r, Kandidat anstalld, Actor actor, CancellationToken ct)
    {
        var email = anstalld.Epost.Trim().ToLowerInvariant();
        var person = db.Personer.Local.FirstOrDefault(p => p.Epost == email)
            ?? await db.Personer.FirstOrDefaultAsync(p => p.Epost == email, ct);
        if (person is null)
        {
            // Someone new belongs to no unit before the start: nobody is her närmast högre chef yet (the hiring manager
            // answers for her introduction), and she is counted in no unit before she works there.
            person = new Organisation.Person
            {
                KommunId = r.KommunId, Fornamn = anstalld.Fornamn, Efternamn = anstalld.Efternamn, Epost = email,
                Telefon = anstalld.Telefon, Titel = r.Titel,
            };
            db.Personer.Add(person);
        }
        var start = anstalld.Startdatum ?? tilltrade.Today;
        if (start <= tilltrade.Today) await tilltrade.TilltradAsync(r, person, start, ct);
        else scheduler.Schedule(NyChefTilltrader.Jobb, SwedishTime.ToUtc(start.ToDateTime(TimeOnly.MinValue)), r.Id, kommunId: r.KommunId);
    }
}

/// <summary>On the start date the new manager takes over the recruitment's unit: she leads it from that day, with the
/// post's title, and the change is in the audit log like any change of chef.</summary>
public sealed class NyChefTilltrader(AppDbContext db, AuditLog audit) : IScheduledJobHandler
{
    public const string Jobb = "rekrytering-ny-chef-tilltrader";

    public string JobType => Jobb;

    public DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        var r = await db.Set<Rekrytering>().Include(x => x.Enhet).Include(x => x.Kandidater)
            .FirstOrDefaultAsync(x => x.Id == job.SubjectId, ct);
        // Only a filled recruitment places its manager; the hired one is found by her introduction (gallring may have
        // blanked the application's e-mail), else by the e-mail.
        if (r is null || r.State != RekryteringsTillstand.Tillsatt || r.Kandidater.FirstOrDefault(k => k.State == KandidatTillstand.Anstalld) is not { } anstalld)
            return;
        var personId = await db.Set<Introduktioner.Introduktion>().Where(i => i.RekryteringId == r.Id).Select(i => (int?)i.ChefPersonId).FirstOrDefaultAsync(ct);
        var email = anstalld.Epost.Trim().ToLowerInvariant();
        var person = personId is int id
            ? await db.Personer.FirstOrDefaultAsync(p => p.Id == id, ct)
            : await db.Personer.FirstOrDefaultAsync(p => p.Epost == email, ct);
        if (person is null) return;
        await TilltradAsync(r, person, anstalld.Startdatum ?? Today, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The person leads the unit from <paramref name="start"/>; the caller saves.</summary>
    internal async Task TilltradAsync(Rekrytering r, Organisation.Person person, DateOnly start, CancellationToken ct)
    {
        var unit = r.Enhet ?? await db.Enheter.FindAsync([r.EnhetId], ct);
        person.Titel = r.Titel;
        person.EnhetId = r.EnhetId;
        if (unit is null || unit.ChefId == person.Id && person.Id != 0) return;
        var tidigare = unit.ChefId is int forra ? await db.Personer.Where(p => p.Id == forra).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync(ct) : null;
        unit.Chef = person;
        unit.ChefSedan = start;
        audit.AddSystem(AuditAction.Andrade, Granskningsobjekt.Organisation, unit.Id,
            $"Chef för {unit.Namn}: från {tidigare ?? "vakant"} till {person.Namn}, tillträde {start:yyyy-MM-dd} genom rekryteringen {r.Diarienummer}");
    }
}

/// <summary>The recruitments' settings (section <c>Rekrytering</c>).</summary>
public sealed class RekryteringOptions
{
    public const string Section = "Rekrytering";

    /// <summary>Days after an interview before a panel member whose score is missing gets their one reminder.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 60, ErrorMessage = "Rekrytering:BedomningPaminnelseDagar ska vara ett antal dagar från 1 till 60.")]
    public int BedomningPaminnelseDagar { get; set; } = 2;
}

/// <summary>
/// Every hour per municipality: a panel member who has not scored a candidate <see cref="RekryteringOptions.BedomningPaminnelseDagar"/>
/// days after the candidate's interview gets one reminder mail, once per member and candidate (a
/// <see cref="Bedomningspaminnelse"/> row says it is sent, so a rerun sends nothing). Only candidates who can still be
/// scored (<see cref="Bedomningar.Hinder"/>) in a recruitment still running.
/// </summary>
public sealed class BedomningPaminnelser(AppDbContext db, RekryteringService service, Outbox outbox, MailLinks links, IOptions<RekryteringOptions> options)
    : IRecurringJob
{
    public const string Jobb = "rekrytering-bedomning-paminnelse";
    private const string Prefix = "Kandidat:";

    public string JobType => Jobb;
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        var grans = db.UtcNow.AddDays(-options.Value.BedomningPaminnelseDagar);
        // A month back is far enough: the job runs every hour, and a reminder about an interview older than that would
        // come too late to help (and the query stays small as the interviews pile up).
        var tidigast = grans.AddDays(-30);
        var moten = await db.Set<Mote>().AsNoTracking()
            .Where(m => m.Status == MoteStatus.Bokat && m.Koppling.StartsWith(Prefix) && m.StartUtc <= grans && m.StartUtc >= tidigast)
            .Select(m => new { m.Id, m.Koppling, m.StartUtc }).ToListAsync(ct);
        // The candidate's latest booked interview, as the candidate's page shows it.
        var intervjuer = moten.Where(m => int.TryParse(m.Koppling[Prefix.Length..], out _))
            .GroupBy(m => int.Parse(m.Koppling[Prefix.Length..])).ToDictionary(g => g.Key, g => g.MaxBy(m => m.Id)!.StartUtc);
        if (intervjuer.Count == 0) return;
        var ids = intervjuer.Keys.ToList();
        var kandidater = await db.Set<Kandidat>().Include(k => k.Bedomningar).Include(k => k.Rekrytering!).ThenInclude(r => r.Panel)
            .Where(k => ids.Contains(k.Id)).ToListAsync(ct);
        var skickade = (await db.Set<Bedomningspaminnelse>().Where(p => ids.Contains(p.KandidatId)).Select(p => new { p.KandidatId, p.BedomareUserId })
            .ToListAsync(ct)).Select(p => (p.KandidatId, p.BedomareUserId)).ToHashSet();
        var att = kandidater
            .Where(k => Bedomningar.Hinder(k) is null && k.Rekrytering!.State is not (RekryteringsTillstand.Avbruten or RekryteringsTillstand.Tillsatt))
            .SelectMany(k => Bedomningar.UtanBedomning(k.Rekrytering!, k).Where(p => !skickade.Contains((k.Id, p.UserId))).Select(p => (Kandidat: k, Medlem: p)))
            .ToList();
        if (att.Count == 0) return;
        var userIds = att.Select(a => a.Medlem.UserId).Distinct().ToList();
        var epost = await db.Users.Where(u => userIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        foreach (var (k, medlem) in att)
        {
            if (!epost.TryGetValue(medlem.UserId, out var adress)) continue;
            var r = k.Rekrytering!;
            await outbox.EnqueueAsync<BedomningPaminnelse, BedomningPaminnelse.Innehall>(
                new MailRecipient(adress, medlem.Namn), $"Påminnelse: bedöm {k.Namn}",
                new(medlem.Namn, k.Namn, r.Titel, r.Diarienummer, intervjuer[k.Id], service.KommunNamn(r), links.For($"/rekrytering/{r.Id}/kandidater/{k.Id}/bedomning")),
                topic: $"{Prefix}{k.Id}", kommunId: k.KommunId);
            db.Add(new Bedomningspaminnelse { KommunId = k.KommunId, KandidatId = k.Id, BedomareUserId = medlem.UserId, SkickadUtc = db.UtcNow });
        }
        await db.SaveChangesAsync(ct);
    }
}
