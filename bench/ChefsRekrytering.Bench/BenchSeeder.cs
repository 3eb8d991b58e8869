using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Bench;

/// <summary>
/// The <c>Bench</c> settings of the benchmark scripts (bench/), all off by default. For bench/arets-chef.sh:
/// <see cref="Anstallda"/> employees with accounts (all with <see cref="Losenord"/>) in one municipality, <see cref="Chefer"/>
/// of them leading a unit, and this year's Årets chef campaign opening today; the start refuses it in Production, since
/// every account shares a published password. For bench/rekrytering-lista.sh: <see cref="Rekryteringar"/> recruitments
/// with <see cref="KandidaterPerRekrytering"/> applicants each (<see cref="BenchData"/>).
/// </summary>
public sealed class BenchOptions
{
    public const string Losenord = "Bench-2026-nominera";
    /// <summary>The bench signs in thousands of accounts to prepare its sessions; the hash cost is lowered in bench mode only
    /// so that takes seconds, not minutes. The nomination it measures never hashes a password. Not with
    /// <see cref="FullHashkostnad"/>: bench/inloggning-massa.sh measures the sign-in itself, at production's cost.</summary>
    public const int HashIterationer = 1_000;

    /// <summary>The employee number BenchSeeder gives employee <paramref name="i"/>; bench/oidc-leverantor.mjs sends the same.</summary>
    public static string Anstallningsnummer(int i) => $"B{i:00000}";

    public int Anstallda { get; set; }
    public int Chefer { get; set; } = 40;
    public string Kommun { get; set; } = "alvsbyn";
    /// <summary>The campaign opens this many days from today; bench/kommunens-dag.sh says 1 and has HR move the opening to
    /// today once its sessions are ready and the portal is warm.</summary>
    public int KampanjOppnarOmDagar { get; set; }
    public int Rekryteringar { get; set; }
    public int KandidaterPerRekrytering { get; set; } = 20;
    /// <summary>bench/kommunens-dag.sh: the recruitments as this many years of history (<see cref="BenchData"/>).</summary>
    public int HistorikAr { get; set; }
    /// <summary>With <see cref="HistorikAr"/>: how many recruitments' applicants fall due for gallring today, the same at
    /// every data size, as the daily job finds the day's share and not the whole history.</summary>
    public int GallringIdag { get; set; } = 2;
    /// <summary>Time the reports and the day's gallring after seeding and log their time and SQL commands (<see cref="BenchMatning"/>).</summary>
    public bool Matning { get; set; }
    /// <summary>Keep Identity's own password hash cost (bench/inloggning-massa.sh), instead of <see cref="HashIterationer"/>.</summary>
    public bool FullHashkostnad { get; set; }
}

public sealed class BenchSeeder(
    AppDbContext db, CurrentKommun kommun, PortalInitializer portal, IPasswordHasher<ApplicationUser> hasher, ILookupNormalizer normalizer,
    RoleManager<IdentityRole> roles, AretsChefService arets, IOptions<BenchOptions> options, IHostEnvironment env, ILogger<BenchSeeder> log)
{
    public const string Doman = "bench.example";

    public static string Epost(int i) => $"anstalld{i:00000}@{Doman}";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (o.Anstallda <= 0) return;
        if (env.IsProduction())
            throw new InvalidOperationException("Bench:Anstallda skapar konton med ett känt lösenord och får aldrig användas i produktion.");
        if (!portal.KommunIds.Contains(o.Kommun))
            throw new InvalidOperationException($"Bench:Kommun '{o.Kommun}' är inte en av kommunerna i Portal:Kommuner.");
        kommun.Use(o.Kommun);
        if (await db.Personer.AnyAsync(p => p.Epost == Epost(1), ct)) return;

        var chefer = Math.Clamp(o.Chefer, 1, o.Anstallda);
        var top = new Enhet { KommunId = o.Kommun, Namn = "Bänktestets förvaltning", Typ = EnhetTyp.Forvaltning };
        var units = Enumerable.Range(1, chefer).Select(i => new Enhet { KommunId = o.Kommun, Namn = $"Bänkenhet {i:000}", Overordnad = top }).ToList();
        var people = Enumerable.Range(1, o.Anstallda).Select(i => new Person
        {
            KommunId = o.Kommun, Fornamn = "Anställd", Efternamn = $"{i:00000}", Epost = Epost(i), Titel = "Medarbetare",
            Anstallningsnummer = BenchOptions.Anstallningsnummer(i), Enhet = units[(i - 1) % chefer],
        }).ToList();
        db.AddRange(units.Prepend(top));
        db.AddRange(people);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < chefer; i++) units[i].ChefId = people[i].Id;

        // Accounts written directly with one hash: UserManager would hash each password again.
        var roleId = (await roles.FindByNameAsync(Roller.Medarbetare))!.Id;
        var hash = hasher.HashPassword(null!, BenchOptions.Losenord);
        foreach (var p in people)
        {
            var user = new ApplicationUser
            {
                UserName = p.Epost, NormalizedUserName = normalizer.NormalizeName(p.Epost), Email = p.Epost,
                NormalizedEmail = normalizer.NormalizeEmail(p.Epost), EmailConfirmed = true, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, KommunId = o.Kommun, Namn = p.Namn, PersonId = p.Id,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync(ct);
        // The campaign as HR creates it, through the same command and rules; the scheduler opens it today.
        var today = arets.Today;
        var hr = new ClaimsPrincipal(new ClaimsIdentity([new(PortalClaims.Kommun, o.Kommun), new(ClaimTypes.Role, Roller.HR), new(PortalClaims.Namn, "Bänkdata")], "bench"));
        var oppnar = today.AddDays(o.KampanjOppnarOmDagar);
        var kampanj = await arets.SkapaKampanjAsync(new(today.Year, oppnar, oppnar.AddDays(14), JurynSerNominatorer: false, Offentlig: false), hr, ct);
        if (!kampanj.Succeeded) throw new InvalidOperationException($"Bänkdata: kampanjen kunde inte skapas: {string.Join(" ", kampanj.Reasons)}");
        log.LogWarning("Bänkdata: {Antal} anställda med konton, {Chefer} chefer och en kampanj för Årets chef i {Kommun}", o.Anstallda, chefer, o.Kommun);
    }
}

public static class BenchServiceExtensions
{
    public static IServiceCollection AddPortalBench(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<BenchOptions>().Bind(config.GetSection("Bench"));
        services.AddScoped<BenchSeeder>();
        services.AddScoped<BenchData>();
        if (config.GetValue<int>("Bench:Anstallda") > 0 && !config.GetValue<bool>("Bench:FullHashkostnad"))
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = BenchOptions.HashIterationer);
        return services;
    }

    /// <summary>Both kinds of bench data; each does nothing unless its Bench: setting asks for it.</summary>
    public static async Task SeedBenchDataAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<BenchSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<BenchData>().SeedAsync();
        if (scope.ServiceProvider.GetRequiredService<IOptions<BenchOptions>>().Value.Matning)
        {
            using var measuring = services.CreateScope();
            await ActivatorUtilities.CreateInstance<BenchMatning>(measuring.ServiceProvider).RunAsync();
        }
    }
}
