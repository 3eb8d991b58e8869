using ChefsRekrytering.Scheduling;

namespace ChefsRekrytering.AretsChef;

/// <summary>Opens the year's nomination on its first day and invites every employee (<see cref="AretsChefService.OppnaAsync"/>).</summary>
public sealed class AretsChefOppning(AretsChefService service) : IScheduledJobHandler
{
    public string JobType => AretsChefService.OppnaJobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        if (job.SubjectId is int ar) await service.OppnaAsync(ar, ct);
    }
}

/// <summary>Closes the nomination after its last day (<see cref="AretsChefService.StangAsync"/>).</summary>
public sealed class AretsChefStangning(AretsChefService service) : IScheduledJobHandler
{
    public string JobType => AretsChefService.StangJobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        if (job.SubjectId is int ar) await service.StangAsync(ar, ct);
    }
}
