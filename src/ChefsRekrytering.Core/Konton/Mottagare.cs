using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Konton;

/// <summary>Who a hand-off mail goes to, read within the current municipality (the query filter): accounts that can
/// sign in and have an address.</summary>
public static class Mottagare
{
    /// <summary>Every account of the municipality holding <paramref name="roll"/>, except <paramref name="utom"/> (the
    /// person who made the change needs no mail about it).</summary>
    public static async Task<IReadOnlyList<MailRecipient>> MedRollAsync(this AppDbContext db, string roll, string? utom, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == roll && u.Email != null && u.LockoutEnd == null && u.Id != utom
               orderby u.Namn
               select new MailRecipient(u.Email!, u.Namn)).ToListAsync(ct);

    /// <summary>The account's address, or null when it has none (or is locked, or is <paramref name="utom"/>).</summary>
    public static async Task<MailRecipient?> KontoAsync(this AppDbContext db, string userId, string? utom, CancellationToken ct) =>
        userId == utom ? null : await db.Users.Where(u => u.Id == userId && u.Email != null && u.LockoutEnd == null)
            .Select(u => new MailRecipient(u.Email!, u.Namn)).FirstOrDefaultAsync(ct);
}
