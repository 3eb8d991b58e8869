using ChefsRekrytering.Data;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Rekryteringar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Bench;

/// <summary>
/// Volume data for the benchmark scripts (bench/), never for production: Bench:Rekryteringar recruitments with
/// Bench:KandidaterPerRekrytering applicants each, in Kalix, owned by the demo recruiting manager. Off by default.
/// </summary>
public sealed class BenchData(AppDbContext db, CurrentKommun kommun, IOptions<BenchOptions> options)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var (recruitments, perRecruitment) = (options.Value.Rekryteringar, options.Value.KandidaterPerRekrytering);
        if (recruitments <= 0) return;
        kommun.Use("kalix");
        var existing = await db.Set<Rekrytering>().CountAsync(r => r.Diarienummer.StartsWith("BENCH"), ct);
        var owner = await db.Users.FirstAsync(u => u.Email == DemoSeeder.LoginFor("kalix", "rekryterande"), ct);
        var unit = await db.Enheter.FirstAsync(ct);
        var states = Enum.GetValues<RekryteringsTillstand>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = existing; i < recruitments; i++)
        {
            var r = new Rekrytering
            {
                KommunId = "kalix", Diarienummer = $"BENCH {i:D6}", Titel = $"Enhetschef {i}", EnhetId = unit.Id,
                AgareUserId = owner.Id, AgareNamn = owner.Namn, State = states[i % states.Length], SkapadUtc = db.UtcNow,
                Behovsbeskrivning = "Volymdata för prestandamätning.",
            };
            for (var k = 0; k < perRecruitment; k++)
                r.Kandidater.Add(new Kandidat
                {
                    KommunId = "kalix", Fornamn = "Sökande", Efternamn = $"{i}-{k}", Epost = $"bench{i}-{k}@example.com",
                    SamtyckeVersion = "bench", AtkomstHash = $"bench-{i}-{k}", InkomUtc = db.UtcNow,
                });
            db.Add(r);
            if ((i + 1) % 200 == 0) await FlushAsync(ct);
        }
        await FlushAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
