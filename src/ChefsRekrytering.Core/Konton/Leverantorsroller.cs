using ChefsRekrytering.Data;
using ChefsRekrytering.Scim;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Konton;

/// <summary>
/// The one meaning of "roles from the municipality's groups" (<see cref="OidcKommun.Roller"/>): a group (its id or its
/// name) gives the roles mapped to it; a role named anywhere in the mapping belongs to the provider and is taken away
/// when no group gives it any more; roles named nowhere there are Admin's to give in the portal. The groups come from
/// the ID token's claims at sign-in and from the provider's SCIM provisioning (the groups the person is a member of),
/// both of the same identity provider, so either source alone suffices.
/// </summary>
public static class Leverantorsroller
{
    /// <summary>The group keys the provider's SCIM provisioning knows for the person: each group's id and name.</summary>
    public static async Task<IReadOnlyList<string>> ScimGrupperAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        var grupper = await db.Set<ScimGruppMedlem>().Where(m => m.Koppling!.PersonId == personId)
            .Select(m => new { m.Grupp!.ExternalId, m.Grupp.DisplayName }).ToListAsync(ct);
        return grupper.SelectMany(g => g.ExternalId is null ? [g.DisplayName] : new[] { g.ExternalId, g.DisplayName }).ToList();
    }

    /// <summary>Each mapped role the groups give is added to the account, each mapped role they no longer give is taken.
    /// Saves through <paramref name="users"/>.</summary>
    public static async Task SattAsync(UserManager<ApplicationUser> users, ApplicationUser konto, OidcKommun? config, IEnumerable<string> grupper)
    {
        if (config is null || config.Roller.Count == 0) return;
        var nycklar = grupper.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var styrda = config.Roller.Values.SelectMany(r => r).Where(Roller.Alla.Contains).ToHashSet();
        var ges = config.Roller.Where(m => nycklar.Contains(m.Key)).SelectMany(m => m.Value).Where(styrda.Contains).ToHashSet();
        var har = (await users.GetRolesAsync(konto)).ToHashSet();
        if (ges.Except(har).ToList() is { Count: > 0 } lagg) Kontrollera(await users.AddToRolesAsync(konto, lagg));
        if (har.Intersect(styrda).Except(ges).ToList() is { Count: > 0 } ta) Kontrollera(await users.RemoveFromRolesAsync(konto, ta));
    }

    private static void Kontrollera(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
