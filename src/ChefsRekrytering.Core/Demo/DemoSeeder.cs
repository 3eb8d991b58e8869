using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Demo;

/// <summary>
/// Seeds demo org trees, people and one account per role on first run, so the portal can be tried at once.
/// Runs only when Demo:Seed is on; a municipality that already has people is left alone.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, CurrentKommun kommun, UserManager<ApplicationUser> users, DemoRekryteringar recruitments,
    Microsoft.Extensions.Hosting.IHostEnvironment env, ILogger<DemoSeeder> log)
{
    /// <summary>Shared by every demo account; printed at start-up. Never used outside demo data.</summary>
    public const string DemoPassword = "Demo-2026-chef";

    public static string LoginFor(string kommunId, string login) => $"{login}@{kommunId}.example";

    public async Task SeedAsync(IReadOnlyCollection<string> kommunIds, CancellationToken ct = default)
    {
        if (Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsProduction(env))
            throw new InvalidOperationException("Portal:SeedDemo skapar konton med ett publicerat lösenord och får aldrig användas i produktion.");
        foreach (var org in DemoOrganisation.All.Where(o => kommunIds.Contains(o.KommunId)))
        {
            if (await db.Personer.IgnoreQueryFilters().AnyAsync(p => p.KommunId == org.KommunId, ct)) continue;
            kommun.Use(org.KommunId); // each municipality's records are written as that municipality
            await SeedOrgAsync(org, ct);
            var fore = await db.Set<Notifications.OutboxMessage>().IgnoreQueryFilters().MaxAsync(m => (long?)m.Id, ct) ?? 0;
            await recruitments.SeedAsync(org.KommunId, ct);
            // The demo's recruitments are made through the same commands as a person's, so they enqueue the same hand-off
            // mails; nobody is waiting for those, so they are dropped unsent.
            await db.Set<Notifications.OutboxMessage>().Where(m => m.Id > fore).ExecuteDeleteAsync(ct);
            log.LogInformation("Demodata skapad för {Kommun}", org.KommunId);
        }
    }

    private async Task SeedOrgAsync(DemoOrganisation.Org org, CancellationToken ct)
    {
        var units = new Dictionary<string, Enhet>();
        foreach (var u in org.Units)
        {
            var unit = new Enhet { KommunId = org.KommunId, Namn = u.Namn, Typ = u.Typ, Overordnad = u.Parent is null ? null : units[u.Parent] };
            units[u.Key] = unit;
            db.Enheter.Add(unit);
        }
        var people = new Dictionary<string, Person>();
        foreach (var e in org.People)
        {
            var person = new Person
            {
                KommunId = org.KommunId, Fornamn = e.Fornamn, Efternamn = e.Efternamn, Titel = e.Titel,
                Epost = e.Login is null ? $"{Ascii(e.Fornamn)}.{Ascii(e.Efternamn)}@{org.KommunId}.example" : LoginFor(org.KommunId, e.Login),
                Enhet = units[e.UnitKey],
            };
            people[e.Key] = person;
            db.Personer.Add(person);
        }
        await db.SaveChangesAsync(ct);
        foreach (var u in org.Units.Where(u => u.ChefKey is not null))
            units[u.Key].ChefId = people[u.ChefKey!].Id;
        await db.SaveChangesAsync(ct);

        foreach (var e in org.People.Where(e => e.Login is not null))
        {
            var person = people[e.Key];
            var user = new ApplicationUser
            {
                UserName = person.Epost, Email = person.Epost, EmailConfirmed = true,
                KommunId = org.KommunId, Namn = person.Namn, PersonId = person.Id,
            };
            Check(await users.CreateAsync(user, DemoPassword), person.Epost);
            // Every employee is a Medarbetare; the other roles come on top.
            Check(await users.AddToRolesAsync(user, e.Roles!.Prepend(Roller.Medarbetare).Distinct()), person.Epost);
        }
    }

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demokontot {who} kunde inte skapas: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    private static string Ascii(string s) => Policies.PolicyFileParser.Slugify(s);

    /// <summary>The demo accounts, for the start-up hint and the sign-in page.</summary>
    public static IEnumerable<(string KommunId, string Epost, string Namn, string[] Roller)> Accounts(IReadOnlyCollection<string> kommunIds) =>
        DemoOrganisation.All.Where(o => kommunIds.Contains(o.KommunId))
            .SelectMany(o => o.People.Where(p => p.Login is not null)
                .Select(p => (o.KommunId, LoginFor(o.KommunId, p.Login!), $"{p.Fornamn} {p.Efternamn}", p.Roles!.Prepend(Roller.Medarbetare).Distinct().ToArray())));
}
