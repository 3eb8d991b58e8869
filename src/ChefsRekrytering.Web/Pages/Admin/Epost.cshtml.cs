using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Admin;

/// <summary>The outbox of the admin's municipality: what was sent, what waits, what failed; and a test mail.</summary>
[Authorize(Policy = Behorighet.Admin)]
public class EpostModel(AppDbContext db, Outbox outbox, IOptions<MailOptions> mail, PolicyLibrary policies) : PageModel
{
    /// <summary>A mail as Admin may see it (<see cref="Utskick"/>): what it is and how delivery went, the rest only where allowed.</summary>
    public sealed record Rad(long Id, DateTime CreatedUtc, string Slag, Insyn Insyn, string? Till, string? Amne, QueueStatus Status, int Attempts);

    public IReadOnlyList<Rad> Meddelanden { get; private set; } = [];
    public int Vantar { get; private set; }
    public int Misslyckade { get; private set; }
    public string Leverans => mail.Value.Delivery == MailDelivery.Smtp
        ? $"SMTP via {mail.Value.Smtp.Host}:{mail.Value.Smtp.Port}"
        : "Filer (.eml) i en upphämtningsmapp på servern";

    public async Task OnGetAsync()
    {
        var senaste = await db.Set<OutboxMessage>().AsNoTracking().OrderByDescending(m => m.Id).Take(100)
            .Select(m => new { m.Id, m.CreatedUtc, m.Topic, m.ToName, m.Subject, m.Status, m.Attempts }).ToListAsync();
        Meddelanden = senaste.Select(m =>
        {
            var insyn = Utskick.InsynFor(m.Topic);
            return new Rad(m.Id, m.CreatedUtc, Utskick.Slag(m.Topic), insyn,
                insyn == Insyn.BaraStatus ? null : m.ToName, insyn == Insyn.BaraStatus ? null : m.Subject, m.Status, m.Attempts);
        }).ToList();
        Vantar = await db.Set<OutboxMessage>().CountAsync(m => m.Status == QueueStatus.Pending);
        Misslyckade = await db.Set<OutboxMessage>().CountAsync(m => m.Status == QueueStatus.Failed);
    }

    public async Task<IActionResult> OnPostTestmejlAsync()
    {
        var me = await db.Users.FirstAsync(u => u.Id == User.UserId());
        await outbox.EnqueueAsync<Testmejl, Testmejl.Innehall>(
            new MailRecipient(me.Email!, me.Namn), "Testmejl från ChefsRekrytering",
            new Testmejl.Innehall(me.Namn, policies.Find(me.KommunId)?.Kommun, db.UtcNow), topic: "Testmejl");
        await db.SaveChangesAsync();
        TempData["Meddelande"] = $"Ett testmejl till {me.Email} ligger i utkorgen och skickas inom kort.";
        return RedirectToPage();
    }

    public static string StatusText(QueueStatus status) => status switch
    {
        QueueStatus.Done => "Skickat",
        QueueStatus.Failed => "Misslyckades",
        QueueStatus.Cancelled => "Stoppat",
        _ => "Väntar",
    };
}
