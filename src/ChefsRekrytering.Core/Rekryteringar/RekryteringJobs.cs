using ChefsRekrytering.Data;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;

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

/// <summary>The hired applicant becomes an employee and the manager of the recruitment's unit.</summary>
public sealed class NyChefIOrganisationen(AppDbContext db) : IRekryteringTillsattHandler
{
    public async Task OnTillsattAsync(Rekrytering r, Kandidat anstalld, Actor actor, CancellationToken ct)
    {
        var email = anstalld.Epost.Trim().ToLowerInvariant();
        var person = db.Personer.Local.FirstOrDefault(p => p.Epost == email)
            ?? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Personer, p => p.Epost == email, ct);
        if (person is null)
        {
            person = new Organisation.Person
            {
                KommunId = r.KommunId, Fornamn = anstalld.Fornamn, Efternamn = anstalld.Efternamn, Epost = email,
                Telefon = anstalld.Telefon, Titel = r.Titel, EnhetId = r.EnhetId,
            };
            db.Personer.Add(person);
        }
        else
        {
            person.Titel = r.Titel;
            person.EnhetId = r.EnhetId;
        }
        var unit = r.Enhet ?? await db.Enheter.FindAsync([r.EnhetId], ct);
        if (unit is not null) unit.Chef = person;
    }
}
