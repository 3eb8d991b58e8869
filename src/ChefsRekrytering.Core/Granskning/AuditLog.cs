using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Granskning;

/// <summary>Records reads and changes of confidential data. <see cref="Add"/> joins the caller's save;
/// <see cref="ReadAsync"/> saves at once, since a read has no save of its own.</summary>
public sealed class AuditLog(AppDbContext db)
{
    public void Add(ClaimsPrincipal user, AuditAction action, string objectType, int objectId, string? detail = null) =>
        db.Add(new AuditEvent
        {
            KommunId = user.KommunId() ?? "", AtUtc = db.UtcNow, UserId = user.UserId(), UserName = user.Namn(),
            Action = action, ObjectType = objectType, ObjectId = objectId, Detail = detail,
        });

    public async Task ReadAsync(ClaimsPrincipal user, string objectType, int objectId, string? detail = null)
    {
        // A fresh entry on a context that may hold nothing else pending: reads happen on GET.
        Add(user, AuditAction.Last, objectType, objectId, detail);
        await db.SaveChangesAsync();
    }
}
