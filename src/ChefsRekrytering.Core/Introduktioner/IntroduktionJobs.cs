using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Introduktioner;

/// <summary>A filled recruitment gives the new manager an introduction, starting on the offer's start date.</summary>
public sealed class IntroduktionVidTillsattning(AppDbContext db, IntroduktionService service) : IRekryteringTillsattHandler
{
    public async Task OnTillsattAsync(Rekrytering r, Kandidat anstalld, Actor actor, CancellationToken ct)
    {
        // NyChefIOrganisationen (registered first) has made sure of the person; find it among the tracked or stored people.
        var email = anstalld.Epost.Trim().ToLowerInvariant();
        var chef = db.Personer.Local.FirstOrDefault(p => p.Epost == email) ?? await db.Personer.FirstAsync(p => p.Epost == email, ct);
        // The unit she is hired to lead, which she takes over only on the start date.
        (await service.CreateAsync(chef, r.Titel, anstalld.Startdatum ?? service.Today.AddDays(30), r.AgareUserId, r.AgareNamn, r.Id, ct)).EnhetId = r.EnhetId;
    }
}

/// <summary>Welcomes every new manager whose introduction has not yet been announced.</summary>
public sealed class IntroduktionValkomst(AppDbContext db, IntroduktionService service) : IScheduledJobHandler
{
    public string JobType => IntroduktionService.ValkomstJobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        foreach (var intro in await db.Set<Introduktion>().Include(i => i.Chef).Where(i => i.ValkomstUtc == null).ToListAsync(ct))
        {
            await service.WelcomeAsync(intro, intro.Chef!);
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>
/// Once a day per municipality: starts introductions whose start date is two weeks away, and reminds the owner of each
/// overdue item, again a week later, at most three times. One scan rather than a job per item keeps every change to
/// an introduction a single save.
/// </summary>
public sealed class IntroduktionDagligKontroll(AppDbContext db, IntroduktionService service, Outbox outbox, PolicyLibrary policies)
    : IRecurringJob
{
    public string JobType => "introduktion-daglig-kontroll";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        var today = service.Today;
        var active = await db.Set<Introduktion>().Include(i => i.Punkter)
            .Where(i => i.State != IntroduktionTillstand.Genomford && i.State != IntroduktionTillstand.Avbruten).ToListAsync(ct);
        foreach (var intro in active)
        {
            if (intro.State == IntroduktionTillstand.Planerad)
                service.FireAsSystem(intro, IntroduktionHandelse.Starta, "Startdatumet närmar sig");
            if (intro.State == IntroduktionTillstand.Planerad) continue;
            foreach (var punkt in intro.Punkter.Where(p => p.KlarUtc is null && p.Forfaller < today && p.PaminnelserSkickade < 3
                         && (p.SenastPaminndUtc is null || p.SenastPaminndUtc <= db.UtcNow.AddDays(-7))))
            {
                foreach (var owner in await service.OwnersAsync(intro, punkt))
                    await outbox.EnqueueAsync<Notifications.Mallar.IntroduktionPaminnelse, Notifications.Mallar.IntroduktionPaminnelse.Innehall>(
                        owner, $"Påminnelse: {punkt.Rubrik}",
                        new(owner.Name, punkt.Rubrik, intro.ChefNamn, punkt.Forfaller, policies.Find(intro.KommunId)?.Kommun, service.Link(intro)),
                        topic: $"IntroduktionPunkt:{punkt.Id}", kommunId: intro.KommunId);
                punkt.PaminnelserSkickade++;
                punkt.SenastPaminndUtc = db.UtcNow;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
