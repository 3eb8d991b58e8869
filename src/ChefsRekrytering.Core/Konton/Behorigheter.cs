using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Konton;

public enum RollbegaranLage { Vantar, Godkand, Avslagen }

/// <summary>
/// A role that opens confidential records (HR, Jury) or the administration itself (Admin), asked for by Admin and given
/// only when a second person, HR or another Admin, approves: no one gives themselves, or anyone alone, those rights.
/// </summary>
public class Rollbegaran : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public required string UserId { get; set; }
    public required string Namn { get; set; }
    public required string Roll { get; set; }
    public required string BegardAvUserId { get; set; }
    public required string BegardAv { get; set; }
    public DateTime BegardUtc { get; set; }
    public RollbegaranLage Lage { get; set; } = RollbegaranLage.Vantar;
    public string? BeslutAvUserId { get; set; }
    public string? BeslutAv { get; set; }
    public DateTime? BeslutUtc { get; set; }
}

internal sealed class RollbegaranConfiguration : IEntityTypeConfiguration<Rollbegaran>
{
    public void Configure(EntityTypeBuilder<Rollbegaran> b)
    {
        b.ToTable("Rollbegaranden");
        b.Property(r => r.KommunId).HasMaxLength(40);
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.Namn).HasMaxLength(200);
        b.Property(r => r.Roll).HasMaxLength(40);
        b.Property(r => r.BegardAvUserId).HasMaxLength(450);
        b.Property(r => r.BegardAv).HasMaxLength(200);
        b.Property(r => r.BeslutAvUserId).HasMaxLength(450);
        b.Property(r => r.BeslutAv).HasMaxLength(200);
        b.HasIndex(r => new { r.KommunId, r.Lage });
    }
}

/// <summary>Who may do what with accounts and roles: one rule, used by every command and query of <see cref="BehorighetService"/>.</summary>
public static class BehorighetAccess
{
    /// <summary>The roles that need a second person: they open confidential records or the administration.</summary>
    public static readonly IReadOnlySet<string> KraverTvaPersoner = new HashSet<string> { Roller.HR, Roller.Jury, Roller.Admin };

    public static bool KanAdministrera(ClaimsPrincipal user) => user.IsInRole(Roller.Admin) && user.KommunId() is not null;

    /// <summary>HR and Admin see the waiting requests and the log of changes to accounts and the organisation.</summary>
    public static bool KanGranska(ClaimsPrincipal user) => (user.IsInRole(Roller.HR) || user.IsInRole(Roller.Admin)) && user.KommunId() is not null;

    /// <summary>The reasons a person may not decide a request; none when they may.</summary>
    public static IReadOnlyList<string> HinderAttBesluta(ClaimsPrincipal user, Rollbegaran begaran)
    {
        var hinder = new List<string>();
        if (!KanGranska(user)) hinder.Add("Bara HR eller en administratör kan besluta om roller.");
        if (begaran.BegardAvUserId == user.UserId()) hinder.Add("Den som begärde rollen kan inte själv godkänna den. En andra person, HR eller en annan administratör, behövs.");
        if (begaran.UserId == user.UserId()) hinder.Add("Du kan inte besluta om en roll till dig själv.");
        return hinder;
    }
}

/// <summary>
/// Accounts and roles. Admin creates accounts (the person chooses the password from a mailed link, so no one else ever
/// knows it) and changes roles; a role in <see cref="BehorighetAccess.KraverTvaPersoner"/> becomes a request that HR or
/// another Admin decides. Every change is written to the audit log, which HR reads, and a changed account's signed-in
/// sessions end at once (a new security stamp).
/// </summary>
public sealed class BehorighetService(
    AppDbContext db, UserManager<ApplicationUser> users, AuditLog audit, Outbox outbox, PolicyLibrary policies, MailLinks links)
{
    public sealed record Kontorad(string Id, string Namn, string Epost, IReadOnlyList<string> Roller, IReadOnlyList<string> Vantande, bool Sparrat, bool Tvasteg = false);

    /// <summary>The municipality's accounts with their roles and waiting requests (three queries).</summary>
    public Task<IReadOnlyList<Kontorad>> KontonAsync(ClaimsPrincipal actor, CancellationToken ct = default) => KontonAsync(actor, null, ct);

    /// <summary>One account of the municipality, or null (also for another municipality's account).</summary>
    public async Task<Kontorad?> KontoAsync(string userId, ClaimsPrincipal actor, CancellationToken ct = default) =>
        (await KontonAsync(actor, userId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<Kontorad>> KontonAsync(ClaimsPrincipal actor, string? userId, CancellationToken ct)
    {
        if (!BehorighetAccess.KanAdministrera(actor)) return [];
        var accounts = await db.Users.AsNoTracking().Where(u => userId == null || u.Id == userId).OrderBy(u => u.Namn)
            .Select(u => new { u.Id, u.Namn, u.Email, u.LockoutEnd, u.TwoFactorEnabled }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id join u in db.Users on ur.UserId equals u.Id
                           where userId == null || u.Id == userId
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var vantande = await db.Set<Rollbegaran>().AsNoTracking().Where(r => r.Lage == RollbegaranLage.Vantar && (userId == null || r.UserId == userId))
            .Select(r => new { r.UserId, r.Roll }).ToListAsync(ct);
        return accounts.Select(a => new Kontorad(a.Id, a.Namn, a.Email ?? "",
            Roller.Alla.Where(r => roles.Any(x => x.UserId == a.Id && x.Name == r)).ToList(),
            vantande.Where(v => v.UserId == a.Id).Select(v => v.Roll).ToList(),
            a.LockoutEnd > new DateTimeOffset(db.UtcNow), a.TwoFactorEnabled)).ToList();
    }

    /// <summary>The municipality's active employees who have no account yet, by name: whom Admin may give one.</summary>
    public async Task<IReadOnlyList<Organisation.Person>> UtanKontoAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BehorighetAccess.KanAdministrera(actor)) return [];
        var withAccount = db.Users.Where(u => u.PersonId != null).Select(u => u.PersonId!.Value);
        return await db.Personer.AsNoTracking().Where(p => p.Aktiv && !withAccount.Contains(p.Id))
            .OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync(ct);
    }

    /// <summary>How many accounts, units and employees the municipality has, for Admin's start page; null for anyone else.</summary>
    public async Task<(int Konton, int Enheter, int Personer)?> AntalAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BehorighetAccess.KanAdministrera(actor)) return null;
        return (await db.Users.CountAsync(ct), await db.Enheter.CountAsync(ct), await db.Personer.CountAsync(ct));
    }

    public async Task<IReadOnlyList<Rollbegaran>> VantandeAsync(ClaimsPrincipal actor, CancellationToken ct = default) =>
        BehorighetAccess.KanGranska(actor)
            ? await db.Set<Rollbegaran>().AsNoTracking().Where(r => r.Lage == RollbegaranLage.Vantar).OrderBy(r => r.BegardUtc).ToListAsync(ct)
            : [];

    /// <summary>The latest changes to accounts, roles and the organisation, newest first: what Admin has done, for HR to see.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AndringarAsync(ClaimsPrincipal actor, int antal = 100, CancellationToken ct = default) =>
        BehorighetAccess.KanGranska(actor)
            ? await db.Set<AuditEvent>().AsNoTracking()
                .Where(e => e.ObjectType == Granskningsobjekt.Behorighet || e.ObjectType == Granskningsobjekt.Organisation)
                .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(antal).ToListAsync(ct)
            : [];

    /// <summary>An account for an employee of the municipality, with a mail to choose a password.</summary>
    public async Task<CommandResult> SkapaKontoAsync(int personId, IReadOnlyCollection<string> roller, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BehorighetAccess.KanAdministrera(actor)) return CommandResult.Refused("Bara en administratör kan skapa konton.");
        if (roller.Except(Roller.Kommunens).Any()) return CommandResult.Refused("Okänd roll.");
        var person = await db.Personer.FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return CommandResult.Refused("Den anställda finns inte.");
        if (!person.Aktiv) return CommandResult.Refused($"{person.Namn} har slutat och kan inte få ett konto.");
        if (await db.Users.AnyAsync(u => u.PersonId == person.Id, ct)) return CommandResult.Refused("Den anställda har redan ett konto.");

        // Identity saves at every step; the transaction makes the account, its roles, requests, log and mail one change.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new ApplicationUser
        {
            UserName = person.Epost, Email = person.Epost, EmailConfirmed = true, KommunId = person.KommunId, Namn = person.Namn, PersonId = person.Id,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return CommandResult.Refused(created.Errors.Select(e => e.Description).ToList());
        var direkt = roller.Prepend(Roller.Medarbetare).Where(r => !BehorighetAccess.KraverTvaPersoner.Contains(r)).Distinct().ToList();
        var added = await users.AddToRolesAsync(user, direkt);
        if (!added.Succeeded) return CommandResult.Refused(added.Errors.Select(e => e.Description).ToList());
        var begarda = Begar(user, roller.Where(BehorighetAccess.KraverTvaPersoner.Contains), actor);
        audit.Add(actor, AuditAction.Skapade, Granskningsobjekt.Behorighet, person.Id,
            $"Konto för {person.Namn} ({person.Epost}) med rollerna {string.Join(", ", direkt)}{BegardaText(begarda)}");

        await MejlaValjLosenordAsync(user, person, policies.Find(person.KommunId)?.Kommun);
        await MejlaBeslutsfattareAsync(begarda, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Done($"Kontot för {person.Namn} är skapat. Ett mejl med en länk för att välja lösenord är skickat till {person.Epost}."
            + (begarda.Count > 0 ? $" {Vantar(begarda)}" : ""));
    }

    /// <summary>
    /// The first Admin of a municipality just added by <see cref="Kommuner.KommunService"/>: no one there could approve a
    /// request yet, so the role is given at once. Called only inside that command, which checked the portal
    /// administrator's right, runs in a scope whose municipality is the new one and owns the transaction.
    /// </summary>
    internal async Task<CommandResult> SkapaForstaAdminAsync(Organisation.Person person, string kommunNamn)
    {
        var user = new ApplicationUser
        {
            UserName = person.Epost, Email = person.Epost, EmailConfirmed = true, KommunId = person.KommunId, Namn = person.Namn, PersonId = person.Id,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return CommandResult.Refused(created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRolesAsync(user, [Roller.Medarbetare, Roller.Admin]);
        if (!added.Succeeded) return CommandResult.Refused(added.Errors.Select(e => e.Description).ToList());
        await MejlaValjLosenordAsync(user, person, kommunNamn);
        return CommandResult.Done();
    }

    /// <summary>The person chooses the password from a mailed link, so no one else ever knows it.</summary>
    private async Task MejlaValjLosenordAsync(ApplicationUser user, Organisation.Person person, string? kommunNamn)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.For($"/konto/valj-losenord?id={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
        await outbox.EnqueueAsync<NyttKonto, NyttKonto.Innehall>(new MailRecipient(person.Epost, person.Namn), "Ditt konto i ChefsRekrytering",
            new NyttKonto.Innehall(person.Namn, kommunNamn, link), topic: $"Konto:{person.Id}", kommunId: person.KommunId);
    }

    /// <summary>
    /// Sets an account's roles: removed ones go at once, added ones that need a second person become requests, the rest
    /// are given. The account's sessions end, so the change holds from its next request.
    /// </summary>
    public async Task<CommandResult> AndraRollerAsync(string userId, IReadOnlyCollection<string> valda, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BehorighetAccess.KanAdministrera(actor)) return CommandResult.Refused("Bara en administratör kan ändra roller.");
        var user = await users.FindByIdAsync(userId); // through the municipality filter: another municipality's account is not found
        if (user is null) return CommandResult.NotFound;
        if (valda.Except(Roller.Kommunens).Any()) return CommandResult.Refused("Okänd roll.");
        if (user.Id == actor.UserId() && !valda.Contains(Roller.Admin)) return CommandResult.Refused("Du kan inte ta bort din egen administratörsroll.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var nuvarande = await users.GetRolesAsync(user);
        var bort = nuvarande.Except(valda).Where(Roller.Kommunens.Contains).ToList(); // the portal's role is not the municipality's to take
        var nya = valda.Except(nuvarande).ToList();
        var direkt = nya.Where(r => !BehorighetAccess.KraverTvaPersoner.Contains(r)).ToList();
        var redanBegarda = await db.Set<Rollbegaran>().Where(r => r.UserId == user.Id && r.Lage == RollbegaranLage.Vantar).ToListAsync(ct);
        var begarda = Begar(user, nya.Where(r => BehorighetAccess.KraverTvaPersoner.Contains(r) && !redanBegarda.Any(b => b.Roll == r)), actor);
        // A waiting request for a role Admin no longer ticks is withdrawn.
        foreach (var aterkallad in redanBegarda.Where(b => !valda.Contains(b.Roll)))
        {
            aterkallad.Lage = RollbegaranLage.Avslagen;
            (aterkallad.BeslutAvUserId, aterkallad.BeslutAv, aterkallad.BeslutUtc) = (actor.UserId(), actor.Namn(), db.UtcNow);
            audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Behorighet, user.PersonId ?? 0, $"Begäran om rollen {aterkallad.Roll} för {user.Namn} återkallad");
        }

        var result = await users.RemoveFromRolesAsync(user, bort);
        if (result.Succeeded) result = await users.AddToRolesAsync(user, direkt);
        if (!result.Succeeded) return CommandResult.Refused(result.Errors.Select(e => e.Description).ToList());
        if (bort.Count + direkt.Count > 0)
        {
            audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Behorighet, user.PersonId ?? 0,
                $"Roller för {user.Namn}:{(direkt.Count > 0 ? $" gav {string.Join(", ", direkt)}" : "")}{(bort.Count > 0 ? $" tog bort {string.Join(", ", bort)}" : "")}");
            await users.UpdateSecurityStampAsync(user); // saves, and ends the account's sessions
        }
        foreach (var b in begarda)
            audit.Add(actor, AuditAction.Skapade, Granskningsobjekt.Behorighet, user.PersonId ?? 0, $"Begärde rollen {b.Roll} för {user.Namn}");
        await MejlaBeslutsfattareAsync(begarda, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Done($"Rollerna för {user.Namn} är sparade." + (begarda.Count > 0 ? $" {Vantar(begarda)}" : ""));
    }

    /// <summary>
    /// A person who has lost both their phone and their recovery codes: Admin switches the second step off and forgets
    /// the app's key. The person's sessions end; if their role requires the step, they set up a new app at next sign-in.
    /// </summary>
    public async Task<CommandResult> NollstallTvastegAsync(string userId, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BehorighetAccess.KanAdministrera(actor)) return CommandResult.Refused("Bara en administratör kan stänga av tvåstegsverifiering.");
        var user = await users.FindByIdAsync(userId); // through the municipality filter
        if (user is null) return CommandResult.NotFound;
        if (user.Id == actor.UserId()) return CommandResult.Refused("Din egen tvåstegsverifiering ändrar du under Mina uppgifter, och en annan administratör kan stänga av den.");
        if (!user.TwoFactorEnabled) return CommandResult.Refused($"{user.Namn} har ingen tvåstegsverifiering påslagen.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // a new security stamp: open sessions end
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Behorighet, user.PersonId ?? 0, $"Stängde av tvåstegsverifiering för {user.Namn}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Done($"Tvåstegsverifieringen för {user.Namn} är avstängd. Personen slår på den igen med en ny app vid nästa inloggning.");
    }

    /// <summary>HR or another Admin approves or refuses a waiting request.</summary>
    public async Task<CommandResult> BeslutaAsync(int begaranId, bool godkann, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BehorighetAccess.KanGranska(actor)) return CommandResult.NotFound;
        var begaran = await db.Set<Rollbegaran>().FirstOrDefaultAsync(r => r.Id == begaranId, ct);
        if (begaran is null) return CommandResult.NotFound;
        if (begaran.Lage != RollbegaranLage.Vantar) return CommandResult.Conflict("Begäran är redan beslutad.");
        if (BehorighetAccess.HinderAttBesluta(actor, begaran) is { Count: > 0 } hinder) return CommandResult.Refused(hinder);
        var user = await users.FindByIdAsync(begaran.UserId);
        if (user is null) return CommandResult.NotFound;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        begaran.Lage = godkann ? RollbegaranLage.Godkand : RollbegaranLage.Avslagen;
        (begaran.BeslutAvUserId, begaran.BeslutAv, begaran.BeslutUtc) = (actor.UserId(), actor.Namn(), db.UtcNow);
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Behorighet, user.PersonId ?? 0,
            $"{(godkann ? "Godkände" : "Avslog")} rollen {begaran.Roll} för {user.Namn}, begärd av {begaran.BegardAv}");
        if (godkann && !await users.IsInRoleAsync(user, begaran.Roll))
        {
            var added = await users.AddToRoleAsync(user, begaran.Roll);
            if (!added.Succeeded) return CommandResult.Refused(added.Errors.Select(e => e.Description).ToList());
            await users.UpdateSecurityStampAsync(user);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Done(godkann ? $"{user.Namn} har nu rollen {begaran.Roll}." : $"Begäran om rollen {begaran.Roll} för {user.Namn} är avslagen.");
    }

    private List<Rollbegaran> Begar(ApplicationUser user, IEnumerable<string> roller, ClaimsPrincipal actor)
    {
        var begarda = roller.Distinct().Select(r => new Rollbegaran
        {
            KommunId = user.KommunId, UserId = user.Id, Namn = user.Namn, Roll = r, BegardAvUserId = actor.UserId()!, BegardAv = actor.Namn(),
            BegardUtc = db.UtcNow,
        }).ToList();
        db.AddRange(begarda);
        return begarda;
    }

    /// <summary>Everyone who could decide (HR and the other Admins) gets a mail: a request should not wait unseen.</summary>
    private async Task MejlaBeslutsfattareAsync(IReadOnlyList<Rollbegaran> begarda, CancellationToken ct)
    {
        if (begarda.Count == 0) return;
        var kommunId = begarda[0].KommunId;
        var kandidater = (await users.GetUsersInRoleAsync(Roller.HR)).Concat(await users.GetUsersInRoleAsync(Roller.Admin))
            .Where(u => u.Email is not null && u.LockoutEnd is null && u.Id != begarda[0].BegardAvUserId && u.Id != begarda[0].UserId)
            .DistinctBy(u => u.Id).ToList();
        var lank = links.For("/behorigheter");
        foreach (var mottagare in kandidater)
            await outbox.EnqueueAsync<ArendeNotis, ArendeNotis.Innehall>(new MailRecipient(mottagare.Email!, mottagare.Namn), "En roll väntar på ditt godkännande",
                new ArendeNotis.Innehall(mottagare.Namn, $"{begarda[0].BegardAv} har begärt {string.Join(" och ", begarda.Select(b => $"rollen {b.Roll}"))} " +
                    $"för {begarda[0].Namn}. En andra person behöver godkänna eller avslå det.", lank),
                topic: $"Rollbegaran:{begarda[0].UserId}", kommunId: kommunId);
    }

    private static string BegardaText(IReadOnlyList<Rollbegaran> begarda) =>
        begarda.Count == 0 ? "" : $"; begärde {string.Join(", ", begarda.Select(b => b.Roll))}";

    private static string Vantar(IReadOnlyList<Rollbegaran> begarda) =>
        $"{(begarda.Count == 1 ? $"Rollen {begarda[0].Roll}" : $"Rollerna {string.Join(" och ", begarda.Select(b => b.Roll))}")} " +
        "väntar på att en andra person, HR eller en annan administratör, godkänner under Behörigheter.";
}
