using System.Security.Claims;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Organisation;

/// <summary>Admin keeps the organisation. One rule: a municipality's Admin, for its own units and people.</summary>
public static class OrganisationAccess
{
    public static bool KanAndra(ClaimsPrincipal user) => user.IsInRole(Roller.Admin) && user.KommunId() is not null;
}

/// <summary>
/// Units, their chefs, employees and employees who have left. A chef decides who is whose närmast högre chef, and so who
/// may read a manager's avveckling case or contract: every change is written to the audit log, which HR sees under
/// Behörigheter, so changing the tree is never a quiet way to confidential records.
/// </summary>
public sealed class OrganisationService(AppDbContext db, AuditLog audit)
{
    public sealed record NyEnhet(string Namn, EnhetTyp Typ, int? OverordnadId, int? ChefId);
    public sealed record NyPerson(string Fornamn, string Efternamn, string Epost, string? Titel, int EnhetId);

    /// <summary>The municipality's units and people as Admin keeps them; null for anyone else.</summary>
    public async Task<(IReadOnlyList<Enhet> Enheter, IReadOnlyList<Person> Personer)?> LasAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!OrganisationAccess.KanAndra(actor)) return null;
        var units = await db.Enheter.AsNoTracking().ToListAsync(ct);
        var people = await db.Personer.AsNoTracking().OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync(ct);
        return (units, people);
    }

    /// <summary>A unit as it is, with the chef it has: when that chef took over is not known here (<see cref="Enhet.ChefSedan"/>
    /// stays empty), so a chef entered with the organisation counts as one from before the portal.</summary>
    public async Task<CommandResult> LaggTillEnhetAsync(NyEnhet ny, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!OrganisationAccess.KanAndra(actor)) return CommandResult.Refused("Bara en administratör kan ändra organisationen.");
        var hinder = await FinnsAsync(ny.OverordnadId, ny.ChefId, ct);
        if (hinder.Count > 0) return CommandResult.Refused(hinder);
        var enhet = new Enhet { KommunId = "", Namn = ny.Namn.Trim(), Typ = ny.Typ, OverordnadId = ny.OverordnadId, ChefId = ny.ChefId };
        db.Enheter.Add(enhet);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditAction.Skapade, Granskningsobjekt.Organisation, enhet.Id,
            $"Enheten {enhet.Namn} under {await EnhetsnamnAsync(ny.OverordnadId, ct) ?? "ingen"}, chef {await PersonnamnAsync(ny.ChefId, ct) ?? "vakant"}");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Enheten {enhet.Namn} är tillagd.");
    }

    /// <summary>A change of chef, dated today: the portal knows from when the new chef leads the unit.</summary>
    public async Task<CommandResult> ByttChefAsync(int enhetId, int? chefId, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!OrganisationAccess.KanAndra(actor)) return CommandResult.Refused("Bara en administratör kan ändra organisationen.");
        var enhet = await db.Enheter.FirstOrDefaultAsync(e => e.Id == enhetId, ct);
        if (enhet is null) return CommandResult.Refused("Enheten finns inte.");
        var hinder = await FinnsAsync(null, chefId, ct);
        if (hinder.Count > 0) return CommandResult.Refused(hinder);
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Organisation, enhet.Id,
            $"Chef för {enhet.Namn}: från {await PersonnamnAsync(enhet.ChefId, ct) ?? "vakant"} till {await PersonnamnAsync(chefId, ct) ?? "vakant"}");
        enhet.BytChef(chefId, DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow)));
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"Chefen för {enhet.Namn} är sparad.");
    }

    public async Task<CommandResult> LaggTillPersonAsync(NyPerson ny, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!OrganisationAccess.KanAndra(actor)) return CommandResult.Refused("Bara en administratör kan ändra organisationen.");
        var hinder = await FinnsAsync(ny.EnhetId, null, ct);
        var epost = ny.Epost.Trim().ToLowerInvariant();
        if (await db.Personer.AnyAsync(p => p.Epost == epost, ct)) hinder.Add("Det finns redan en anställd med den e-postadressen.");
        if (hinder.Count > 0) return CommandResult.Refused(hinder);
        var person = new Person
        {
            KommunId = "", Fornamn = ny.Fornamn.Trim(), Efternamn = ny.Efternamn.Trim(), Epost = epost, Titel = ny.Titel?.Trim(), EnhetId = ny.EnhetId,
        };
        db.Personer.Add(person);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditAction.Skapade, Granskningsobjekt.Organisation, person.Id, $"Anställd {person.Namn} ({epost}) på {await EnhetsnamnAsync(ny.EnhetId, ct)}");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done($"{person.Namn} är tillagd.");
    }

    /// <summary>
    /// An employee who has left: no longer invited to Årets chef nor counted in its participation, no longer offered as a
    /// unit's chef, and their account (if any) can no longer sign in; a session already open ends at its next request.
    /// The person and their records stay: gallring and register extracts decide about those.
    /// </summary>
    public async Task<CommandResult> MarkeraSomSlutatAsync(int personId, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!OrganisationAccess.KanAndra(actor)) return CommandResult.Refused("Bara en administratör kan ändra organisationen.");
        var person = await db.Personer.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult.Refused("Personen finns inte.");
        if (!person.Aktiv) return CommandResult.Refused($"{person.Namn} är redan markerad som slutad.");
        if (person.Id == actor.PersonId()) return CommandResult.Refused("Du kan inte markera dig själv som slutad.");
        if (await db.Enheter.Where(e => e.ChefId == person.Id).Select(e => e.Namn).ToListAsync(ct) is { Count: > 0 } leder)
            return CommandResult.Refused($"{person.Namn} är chef för {string.Join(", ", leder)}. Välj en ny chef, eller vakant, för enheten först.");

        await Avgang.LamnaAsync(db, person, ct);
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Organisation, person.Id, $"{person.Namn} markerad som slutad; kontot spärrat");
        await db.SaveChangesAsync(ct); // one save: the person, the locked accounts and their ended sessions
        return CommandResult.Done($"{person.Namn} är markerad som slutad och kan inte längre logga in.");
    }

    /// <summary>Ids from a form must name units and people of the user's own municipality (the filter sees no other).</summary>
    private async Task<List<string>> FinnsAsync(int? unitId, int? personId, CancellationToken ct)
    {
        var hinder = new List<string>();
        if (unitId is int u && !await db.Enheter.AnyAsync(e => e.Id == u, ct)) hinder.Add("Enheten finns inte.");
        if (personId is int p && !await db.Personer.AnyAsync(x => x.Id == p && x.Aktiv, ct)) hinder.Add("Personen finns inte.");
        return hinder;
    }

    private async Task<string?> EnhetsnamnAsync(int? unitId, CancellationToken ct) =>
        unitId is int u ? await db.Enheter.Where(e => e.Id == u).Select(e => e.Namn).FirstOrDefaultAsync(ct) : null;

    private async Task<string?> PersonnamnAsync(int? personId, CancellationToken ct) =>
        personId is int p ? await db.Personer.Where(x => x.Id == p).Select(x => x.Fornamn + " " + x.Efternamn).FirstOrDefaultAsync(ct) : null;
}
