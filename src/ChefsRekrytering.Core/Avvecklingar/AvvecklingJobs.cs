using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Avvecklingar;

/// <summary>A case's attachments follow the case's confidentiality, and every download is audit-logged.</summary>
public sealed class AvvecklingDocumentAccess(AppDbContext db, AuditLog audit) : IDocumentOwnerAccess
{
    public const string Owner = "Avveckling";
    public string OwnerType => Owner;

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, int ownerId)
    {
        var a = await db.Set<AvvecklingsArende>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == ownerId);
        if (a is null || !AvvecklingAccess.CanSee(user, a)) return false;
        audit.Add(user, AuditAction.LaddadeNed, AvvecklingService.ObjectType, a.Id, "Bilaga");
        await db.SaveChangesAsync();
        return true;
    }
}

/// <summary>Once a day: reminds the responsible manager of follow-ups that are due, once per action and date.</summary>
public sealed class AvvecklingUppfoljning(AppDbContext db, AvvecklingService service) : IRecurringJob
{
    public string JobType => "avveckling-uppfoljning";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        var today = service.Today;
        var cases = await db.Set<AvvecklingsArende>().Include(a => a.Atgarder)
            .Where(a => a.State == AvvecklingTillstand.Handlingsplan || a.State == AvvecklingTillstand.Genomforande).ToListAsync(ct);
        foreach (var a in cases)
        {
            var due = a.Atgarder.Where(x => x.GenomfordUtc is null && x.Uppfoljning <= today && (x.PaminndUtc is null || DateOnly.FromDateTime(x.PaminndUtc.Value) < x.Uppfoljning)).ToList();
            if (due.Count == 0 || a.AnsvarigPersonId is not int ansvarig) continue;
            var to = await db.Personer.Where(p => p.Id == ansvarig).Select(p => new MailRecipient(p.Epost, p.Fornamn + " " + p.Efternamn)).FirstAsync(ct);
            await service.NoticeAsync(a, to, $"{Workflows.SwedishText.Antal(due.Count, "åtgärd", "åtgärder")} i ett ärende ska följas upp.");
            foreach (var x in due) x.PaminndUtc = db.UtcNow;
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Every outcome but staying in the role starts kompetensväxling: the Ledarakademin track's last step.</summary>
public sealed class KompetensvaxlingVidAvslut(Ledarakademin.LedarakademinService akademin) : IAvvecklingAvslutadHandler
{
    public Task OnAvslutadAsync(AvvecklingsArende arende, CancellationToken ct) =>
        akademin.PlaneraKompetensvaxlingAsync(arende.ChefPersonId, arende.SistaDagSomChef!.Value,
            $"Avveckling av chefskap: {Workflows.SwedishText.Of(arende.Utfall!.Value)}", Workflows.Actor.System, ct);
}
