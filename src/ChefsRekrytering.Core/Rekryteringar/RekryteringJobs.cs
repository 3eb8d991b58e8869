using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

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
