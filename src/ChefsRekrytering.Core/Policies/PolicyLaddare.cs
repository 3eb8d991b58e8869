using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Policies;

/// <summary>Brings the published versions from the database into <see cref="PolicyLibrary"/>.</summary>
public sealed class PolicyLaddare(AppDbContext db, PolicyLibrary library)
{
    /// <summary>What a person sees as the author of version 1: the policy as the portal was delivered with it.</summary>
    public const string Ursprung = "Inläst när portalen installerades";

    /// <summary>Version 1 of each municipality that has none yet: its file in content/policies, as adopted.</summary>
    public async Task SaddaAsync(IEnumerable<string> kommunIds, CancellationToken ct = default)
    {
        var har = await db.Set<Policyversion>().IgnoreQueryFilters().Select(p => p.KommunId).Distinct().ToListAsync(ct);
        foreach (var id in kommunIds.Except(har))
        {
            if (library.Filer.FirstOrDefault(p => p.Id == id) is not { Filtext: { } text }) continue;
            db.Add(new Policyversion
            {
                Id = Guid.NewGuid(), KommunId = id, Nummer = 1, Status = Policystatus.Publicerad, Innehall = text,
                SkapadUtc = db.UtcNow, SkapadAv = Ursprung, PubliceradUtc = db.UtcNow, PubliceradAv = Ursprung,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reloads the library when the published versions differ from what it holds; cheap when they do not.</summary>
    public async Task<bool> LaddaOmAndratAsync(CancellationToken ct = default)
    {
        var stamp = await StampAsync(ct);
        if (stamp == library.Stamp) return false;
        await LaddaAsync(ct);
        return true;
    }

    public async Task LaddaAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<Policyversion>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == Policystatus.Publicerad).ToListAsync(ct);
        library.Ersatt(rows.Select(Las), Stamp(rows.Count, rows.Max(r => r.PubliceradUtc)));
    }

    public static LeadershipPolicy Las(Policyversion row) =>
        PolicyFileParser.Parse($"{row.KommunId}.md", row.Innehall ?? "") with
        {
            VersionId = row.Id, Versionsnummer = row.Nummer, GiltigFran = row.GiltigFran, PubliceradUtc = row.PubliceradUtc,
            Andringar = row.Andringar, Filtext = row.Innehall,
        };

    // Published rows are only ever added, so their count and newest publication name the set: one query, every 15 s.
    private async Task<string> StampAsync(CancellationToken ct)
    {
        var sett = await db.Set<Policyversion>().IgnoreQueryFilters().Where(p => p.Status == Policystatus.Publicerad)
            .GroupBy(_ => 1).Select(g => new { Antal = g.Count(), Senast = g.Max(p => p.PubliceradUtc) }).FirstOrDefaultAsync(ct);
        return Stamp(sett?.Antal ?? 0, sett?.Senast);
    }

    private static string Stamp(int antal, DateTime? senast) => $"{antal}:{senast:O}";
}

/// <summary>Sees a version published by another instance within <see cref="Intervall"/>.</summary>
public sealed class PolicyUppdaterare(IServiceScopeFactory scopes, ILogger<PolicyUppdaterare> log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Intervall = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Intervall, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<PolicyLaddare>().LaddaOmAndratAsync(stoppingToken))
                    log.LogInformation("Ledarpolicyerna lästes om efter en ny publicerad version.");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogWarning(e, "Kunde inte läsa om ledarpolicyerna; försöker igen om {Sekunder} s.", Intervall.TotalSeconds);
            }
        }
    }
}
