using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Startsida;

/// <summary>The signed-in person's place in the organisation, as the start page shows it: their unit's path, their
/// chef (the närmast högre chef) and the units they lead.</summary>
public sealed record MinPlats(string? Enhet, string? Chef, IReadOnlyList<string> LeddaEnheter)
{
    /// <summary>For an account without an employee record, or before signing in.</summary>
    public static readonly MinPlats Ingen = new(null, null, []);
}

/// <summary>What the start page shows a signed-in person about themselves.</summary>
public sealed class StartsidaService(AppDbContext db)
{
    /// <summary>Everything that waits for the person's action, across the processes (<see cref="VantarPaDig"/>).</summary>
    public Task<IReadOnlyList<Uppgift>> VantarAsync(ClaimsPrincipal user, CancellationToken ct = default) => new VantarPaDig(db).ForAsync(user, ct);

    public DateTime UtcNow => db.UtcNow;

    /// <summary>The tree once, the person and their chef's name: three small queries. Only one's own place, in one's own
    /// municipality (the query filter).</summary>
    public async Task<MinPlats> MinPlatsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.KommunId() is null || user.PersonId() is not int personId) return MinPlats.Ingen;
        var org = await db.LoadOrgChartAsync(ct);
        var enhetId = await db.Personer.AsNoTracking().Where(p => p.Id == personId).Select(p => p.EnhetId).FirstOrDefaultAsync(ct);
        var chef = org.ChefFor(personId) is int chefId
            ? await db.Personer.Where(p => p.Id == chefId).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync(ct)
            : null;
        return new MinPlats(enhetId is int e ? org.PathOf(e) : null, chef, org.UnitsLedBy(personId).Select(u => u.Namn).ToList());
    }
}
