using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Granskning;

/// <summary>Records reads and changes of confidential data. <see cref="Add"/> joins the caller's save;
/// <see cref="ReadAsync"/> saves at once, since a read has no save of its own.</summary>
public sealed class AuditLog(AppDbContext db)
{
    /// <summary>
    /// How long one person's reading of one page of a record lasts. The page shown again within it is the same reading:
    /// after a form on it (a refusal shows it again; a step redirects back to it), a reload, a second tab. Each of those
    /// was an entry of its own, so Granskning showed every visit to a page twice or more.
    /// </summary>
    public static readonly TimeSpan SammaLasning = TimeSpan.FromMinutes(10);

    public void Add(ClaimsPrincipal user, AuditAction action, string objectType, int objectId, string? detail = null) =>
        Add(user.KommunId() ?? "", user.UserId(), user.Namn(), action, objectType, objectId, detail);

    /// <summary>A change the portal makes by itself (gallring), in the municipality the job runs for.</summary>
    public void AddSystem(AuditAction action, string objectType, int objectId, string? detail = null) =>
        Add("", null, Actor.System.Namn, action, objectType, objectId, detail);

    /// <summary>A change the portal administrator makes in a municipality other than its own (adding it), written in
    /// that municipality's log so its own Admin and HR see who did it.</summary>
    public void AddI(string kommunId, ClaimsPrincipal user, AuditAction action, string objectType, int objectId, string? detail = null) =>
        Add(kommunId, user.UserId(), user.Namn(), action, objectType, objectId, detail);

    public async Task ReadAsync(ClaimsPrincipal user, string objectType, int objectId, string? detail = null)
    {
        var (userId, sedan) = (user.UserId(), db.UtcNow - SammaLasning);
        // By the index on (ObjectType, ObjectId, AtUtc): a few rows at most.
        if (await db.Set<AuditEvent>().AnyAsync(e => e.ObjectType == objectType && e.ObjectId == objectId && e.AtUtc >= sedan
                && e.Action == AuditAction.Last && e.UserId == userId && e.Detail == detail)) return;
        // A fresh entry on a context that may hold nothing else pending: reads happen on GET.
        Add(user, AuditAction.Last, objectType, objectId, detail);
        await db.SaveChangesAsync();
    }

    private void Add(string kommunId, string? userId, string userName, AuditAction action, string objectType, int objectId, string? detail) =>
        db.Add(new AuditEvent
        {
            KommunId = kommunId, AtUtc = db.UtcNow, UserId = userId, UserName = userName,
            Action = action, ObjectType = objectType, ObjectId = objectId, Detail = detail,
        });
}
