using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Notifications;

/// <summary>A mail as Admin may see it (<see cref="Utskick"/>): what it is and how delivery went, the rest only where allowed.</summary>
public sealed record Utskicksrad(long Id, DateTime CreatedUtc, string Slag, Insyn Insyn, string? Till, string? Amne, QueueStatus Status, int Attempts);

/// <summary>The latest mail of the municipality, and how many wait or failed.</summary>
public sealed record Utskickslista(IReadOnlyList<Utskicksrad> Meddelanden, int Vantar, int Misslyckade);

/// <summary>A mail the portal sent the signed-in person, as they may read it again (keys in links hidden).</summary>
public sealed record MittMejl(DateTime SkapatUtc, string Amne, string Text, QueueStatus Status, DateTime? SkickatUtc);

/// <summary>Admin's view of the municipality's outbox and its test mail (Admin only, deny by default), and each person's
/// own mail.</summary>
public sealed class UtskickService(AppDbContext db, Outbox outbox, PolicyLibrary policies)
{
    public static bool KanSe(ClaimsPrincipal user) => user.IsInRole(Roller.Admin);

    /// <summary>The last hundred mails, each showing only what <see cref="Utskick.InsynFor"/> allows; null for anyone but Admin.</summary>
    public async Task<Utskickslista?> ListaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!KanSe(user)) return null;
        var senaste = await db.Set<OutboxMessage>().AsNoTracking().OrderByDescending(m => m.Id).Take(100)
            .Select(m => new { m.Id, m.CreatedUtc, m.Topic, m.ToName, m.Subject, m.Status, m.Attempts }).ToListAsync(ct);
        var rader = senaste.Select(m =>
        {
            var insyn = Utskick.InsynFor(m.Topic);
            return new Utskicksrad(m.Id, m.CreatedUtc, Utskick.Slag(m.Topic), insyn,
                insyn == Insyn.BaraStatus ? null : m.ToName, insyn == Insyn.BaraStatus ? null : m.Subject, m.Status, m.Attempts);
        }).ToList();
        var vantar = await db.Set<OutboxMessage>().CountAsync(m => m.Status == QueueStatus.Pending, ct);
        var misslyckade = await db.Set<OutboxMessage>().CountAsync(m => m.Status == QueueStatus.Failed, ct);
        return new(rader, vantar, misslyckade);
    }

    /// <summary>One mail of the municipality (another municipality's is not found), with its attachments; null for anyone but Admin.</summary>
    public async Task<OutboxMessage?> VisaAsync(long id, ClaimsPrincipal user, CancellationToken ct = default) =>
        KanSe(user) ? await db.Set<OutboxMessage>().Include(m => m.Attachments).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) : null;

    /// <summary>
    /// The file name of the delivered .eml, when Admin may have it: only for mail Admin may see whole, and never for one
    /// that carries a private link (the file has the key).
    /// </summary>
    public async Task<string?> LevereradFilAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!KanSe(user)) return null;
        var message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return message is null || Utskick.HarHemligLank(message) || Utskick.InsynFor(message.Topic) != Insyn.Allt ? null : message.DeliveredAs;
    }

    /// <summary>The last hundred mails the portal sent to the signed-in person's own account address, newest first.
    /// Found by the account, never by an address typed in; the keys of private links are hidden, as for Admin.</summary>
    public async Task<IReadOnlyList<MittMejl>> MinaAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.UserId() is not { } userId) return [];
        var adress = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(adress)) return [];
        var mejl = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ToAddress == adress).OrderByDescending(m => m.Id).Take(100)
            .Select(m => new { m.CreatedUtc, m.Subject, m.TextBody, m.Status, m.SentUtc }).ToListAsync(ct);
        return mejl.Select(m => new MittMejl(m.CreatedUtc, m.Subject, Utskick.UtanNycklar(m.TextBody), m.Status, m.SentUtc)).ToList();
    }

    /// <summary>A test mail to Admin's own address, through the outbox like every mail, to see that delivery works.</summary>
    public async Task<CommandResult> SkickaTestmejlAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!KanSe(user)) return CommandResult.Forbidden;
        var me = await db.Users.FirstOrDefaultAsync(u => u.Id == user.UserId(), ct);
        if (me?.Email is null) return CommandResult.NotFound;
        await outbox.EnqueueAsync<Testmejl, Testmejl.Innehall>(
            new MailRecipient(me.Email, me.Namn), "Testmejl från ChefsRekrytering",
            new Testmejl.Innehall(me.Namn, policies.Find(me.KommunId)?.Kommun, db.UtcNow), topic: "Testmejl", kommunId: me.KommunId);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Ett testmejl till {me.Email} ligger i utkorgen och skickas inom kort.");
    }
}
