using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Granskning;

/// <summary>Records reads and changes of confidential data. <see cref="Add"/> joins the caller's save;
/// <see cref="ReadAsync"/> saves at once, since a read has no save of its own.</summary>
public sealed class AuditLog(AppDbContext db)
{
    public void Add(ClaimsPrincipal user, AuditAction action, string objectType, int objectId, string? detail = null) =>
        Add(user.KommunId() ?? "", user.UserId(), user.Namn(), action, objectType, objectId, detail);

    /// <summary>A change the portal makes by itself (gallring), in the municipality the job runs for.</summary>
    public void AddSystem(AuditAction action, string objectType, int objectId, string? detail = null) =>
        Add("", null, Actor.System.Namn, action, objectType, objectId, detail);

    public async Task ReadAsync(ClaimsPrincipal user, string objectType, int objectId, string? detail = null)
    {
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
