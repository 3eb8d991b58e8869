using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Ledarskap;

/// <summary>
/// Once a day per municipality: reminds both parties of each contract in force whose yearly re-assessment is a month
/// away or overdue, then at most once a month until it is recorded. The employer side is the närmast högre chef as the
/// org tree stands now (after a reorganisation, the one who will hold the talk), or HR at the top of the tree.
/// </summary>
public sealed class UppdragskontraktOmprovningsPaminnelse(
    AppDbContext db, UppdragskontraktService service, Outbox outbox, PolicyLibrary policies,
    UserManager<ApplicationUser> users, MailLinks links) : IRecurringJob
{
    public const int DagarFore = 30;

    public string JobType => "uppdragskontrakt-omprovning";
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        var senast = service.Today.AddDays(DagarFore);
        var paminndFore = db.UtcNow.AddDays(-DagarFore);
        var due = await db.Set<Uppdragskontrakt>().Include(k => k.Chef)
            .Where(k => k.State == UppdragskontraktTillstand.Bekraftat && k.OmprovasSenast <= senast
                && (k.OmprovningPaminndUtc == null || k.OmprovningPaminndUtc <= paminndFore))
            .ToListAsync(ct);
        if (due.Count == 0) return;

        var org = await db.LoadOrgChartAsync(ct);
        var kommun = policies.Find(db.CurrentKommunId ?? "")?.Kommun;
        foreach (var k in due)
        {
            var chef = k.Chef!;
            var lank = links.For($"/uppdragskontrakt/{chef.Id}");
            var passerat = k.OmprovasSenast < service.Today;
            foreach (var (to, arChefen) in await RecipientsAsync(chef, org, ct))
                await outbox.EnqueueAsync<UppdragskontraktPaminnelse, UppdragskontraktPaminnelse.Innehall>(
                    to, passerat ? "Uppdragskontraktet skulle ha omprövats" : "Dags att ompröva uppdragskontraktet",
                    new(to.Name, chef.Namn, arChefen, k.Versionsnummer, k.OmprovasSenast!.Value, passerat, kommun, lank),
                    topic: $"Uppdragskontrakt:{k.Id}", kommunId: k.KommunId);
            k.OmprovningPaminndUtc = db.UtcNow;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<(MailRecipient To, bool ArChefen)>> RecipientsAsync(Person chef, OrgChart org, CancellationToken ct)
    {
        List<(MailRecipient, bool)> to = [(new MailRecipient(chef.Epost, chef.Namn), true)];
        if (org.ChefFor(chef.Id) is int principalId)
            to.AddRange((await db.Personer.Where(p => p.Id == principalId).Select(p => new MailRecipient(p.Epost, p.Fornamn + " " + p.Efternamn))
                .ToListAsync(ct)).Select(m => (m, false)));
        else
            to.AddRange((await users.GetUsersInRoleAsync(Roller.HR)).Where(u => u.KommunId == chef.KommunId)
                .Select(u => (new MailRecipient(u.Email!, u.Namn), false)));
        return to;
    }
}
