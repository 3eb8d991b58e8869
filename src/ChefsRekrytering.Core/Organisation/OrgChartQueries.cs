using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Organisation;

public static class OrgChartQueries
{
    /// <summary>The current municipality's tree: two small queries, no per-person lookups.</summary>
    public static async Task<OrgChart> LoadOrgChartAsync(this AppDbContext db, CancellationToken ct = default)
    {
        var units = await db.Enheter.AsNoTracking().ToListAsync(ct);
        var people = await db.Personer.AsNoTracking().Select(p => new { p.Id, p.EnhetId }).ToListAsync(ct);
        return new OrgChart(units, people.Select(p => (p.Id, p.EnhetId)));
    }
}
