using ChefsRekrytering.Data;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Kommuner;

public sealed class PortalOptions
{
    /// <summary>The municipalities this deployment serves (policy ids). Empty: every policy in content/policies.</summary>
    public List<string> Kommuner { get; set; } = [];
    /// <summary>Seed demo people and accounts on first run.</summary>
    public bool SeedDemo { get; set; }
    /// <summary>
    /// The portal's public address (https://rekrytering.kommun.se) for links in mails, also those sent by background jobs
    /// (<see cref="Notifications.MailLinks"/>). Empty: the address the server listens on, which is right for `dotnet run`
    /// and wrong behind a proxy, so Production refuses to start without it. Never taken from a request's Host header,
    /// which is the sender's word and would otherwise decide where a mail from the municipality points.
    /// </summary>
    public string PublicUrl { get; set; } = "";
}

/// <summary>Brings the database to the current schema and the configured municipalities, roles and demo data.</summary>
public sealed class PortalInitializer(
    AppDbContext db, PolicyLibrary policies, IOptions<PortalOptions> options,
    RoleManager<IdentityRole> roles, DemoSeeder demo, TimeProvider clock, PolicyLaddare policyversioner)
{
    private List<string> _baraIDatabasen = [];

    /// <summary>The configured municipalities and, once initialized, those a portal administrator added in the database.</summary>
    public IReadOnlyList<string> KommunIds => Konfigurerade.Union(_baraIDatabasen).ToList();

    private IReadOnlyList<string> Konfigurerade => options.Value.Kommuner.Count > 0
        ? options.Value.Kommuner
        : policies.Filer.Select(p => p.Id).ToList();

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            // WAL lets readers work while one request writes: needed for a burst of nominations on SQLite.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        foreach (var role in Roller.Alla.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
            await roles.CreateAsync(new IdentityRole(role));

        foreach (var id in Konfigurerade)
        {
            var policy = policies.Find(id) ?? throw new InvalidOperationException(
                $"Kommunen '{id}' är konfigurerad men har ingen ledarpolicy i content/policies/{id}.md.");
            var kommun = await db.Kommuner.FindAsync([id], ct);
            if (kommun is null)
                db.Kommuner.Add(new Kommun { Id = id, Namn = policy.Kommun, SkapadUtc = clock.GetUtcNow().UtcDateTime });
            else
                kommun.Namn = policy.Kommun;
        }
        await db.SaveChangesAsync(ct);
        // Added without a deploy (KommunService): their policy lives in the database only, so no file is asked for.
        _baraIDatabasen = (await db.Kommuner.Select(k => k.Id).ToListAsync(ct)).Except(Konfigurerade).ToList();
        await policyversioner.SaddaAsync(Konfigurerade, ct);
        await policyversioner.LaddaAsync(ct);

        if (options.Value.SeedDemo)
        {
            await demo.SeedAsync(Konfigurerade, ct);
            // A hint for the person who started the portal, on the console rather than in the logs, which may travel.
            Console.WriteLine($"Demokonton, lösenord {DemoSeeder.DemoPassword} för alla:\n" +
                string.Join("\n", DemoSeeder.Accounts(Konfigurerade).Select(a => $"  {a.Epost,-34} {string.Join(", ", a.Roller)}")));
        }
    }
}
