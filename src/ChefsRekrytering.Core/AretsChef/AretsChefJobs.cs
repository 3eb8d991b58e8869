using ChefsRekrytering.Data;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.AretsChef;

/// <summary>
/// Opens the year's nomination on its first day and invites every employee. Safe to run again: a campaign not yet due
/// (its date moved) stays closed, and the invitations continue from the last batch sent, so nobody gets two.
/// </summary>
public sealed class AretsChefOppning(AppDbContext db, AretsChefService service) : IScheduledJobHandler
{
    public string JobType => AretsChefService.OppnaJobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        if (await db.Set<Kampanj>().FirstOrDefaultAsync(k => k.Ar == job.SubjectId, ct) is not { } k) return;
        if (k.State == KampanjTillstand.Planerad)
        {
            if (!service.Workflow(k, 0).Fire(KampanjHandelse.Oppna, Actor.System, "Öppningsdagen är här").Succeeded) return;
            await db.SaveChangesAsync(ct);
        }
        if (k.State == KampanjTillstand.NomineringOppen) await service.BjudInAsync(k, ct);
    }
}

/// <summary>Closes the nomination after its last day, if it is still open and the day has not moved.</summary>
public sealed class AretsChefStangning(AppDbContext db, AretsChefService service) : IScheduledJobHandler
{
    public string JobType => AretsChefService.StangJobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        if (await db.Set<Kampanj>().FirstOrDefaultAsync(k => k.Ar == job.SubjectId, ct) is not { State: KampanjTillstand.NomineringOppen } k) return;
        if (service.Workflow(k, 0).Fire(KampanjHandelse.Stang, Actor.System, "Sista dagen har passerat").Succeeded)
            await db.SaveChangesAsync(ct);
    }
}
