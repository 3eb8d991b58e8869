using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>Registration numbers "REK 2026/0001": one series per municipality and year, never two alike.</summary>
public static class Diarium
{
    public static async Task<string> NextAsync(AppDbContext db, string kommunId, int year, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var series = await db.Set<DiarieSerie>().FirstOrDefaultAsync(d => d.Ar == year, ct);
            if (series is null)
            {
                series = new DiarieSerie { KommunId = kommunId, Ar = year };
                db.Add(series);
            }
            series.Senaste++;
            try
            {
                await db.SaveChangesAsync(ct);
                return $"REK {year}/{series.Senaste:D4}";
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Someone else took the number (a concurrency conflict, or the year's first row): read again.
                db.Entry(series).State = EntityState.Detached;
            }
        }
    }
}
