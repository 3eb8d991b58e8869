using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Organisation;

/// <summary>
/// What "has left" means, wherever the news comes from (Admin, the HR system's export, the identity provider's SCIM
/// provisioning): the person is no longer active (not invited to Årets chef nor offered as a chef), a unit they led
/// becomes vacant, their entry in the internal pool (chefsförsörjning) goes, and their accounts are locked with a new security stamp, which ends their open sessions in the same
/// save. The person and their records stay: gallring and register extracts decide about those. The caller saves.
/// </summary>
public static class Avgang
{
    /// <summary>Marks <paramref name="person"/> as left; returns the names of the units that became vacant.</summary>
    public static async Task<IReadOnlyList<string>> LamnaAsync(AppDbContext db, Person person, CancellationToken ct)
    {
        var dag = DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));
        person.Aktiv = false;
        var leder = await db.Enheter.Where(e => e.ChefId == person.Id).ToListAsync(ct);
        foreach (var enhet in leder) enhet.BytChef(null, dag);
        await Chefsforsorjning.ChefsforsorjningService.LamnaPoolenAsync(db, person.Id, ct); // the internal pool is for employees
        foreach (var user in await db.Users.Where(u => u.PersonId == person.Id).ToListAsync(ct))
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        return leder.Select(e => e.Namn).ToList();
    }

    /// <summary>Back again (re-employed, or a mistaken "left" undone): active, and accounts may sign in again.</summary>
    public static async Task AterAsync(AppDbContext db, Person person, CancellationToken ct)
    {
        person.Aktiv = true;
        foreach (var user in await db.Users.Where(u => u.PersonId == person.Id).ToListAsync(ct))
        {
            user.LockoutEnd = null;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
    }
}
