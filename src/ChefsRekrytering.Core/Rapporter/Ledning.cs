using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rapporter;

/// <summary>
/// The municipality's leadership, who read the reports beside HR: the chef of the kommunledning and the chefs of the
/// förvaltningar, as the org tree says now. A unit chef is not: in a small municipality the tables about a handful of
/// recruitments and introductions point at people, and the leadership is who answers for them.
/// </summary>
public static class Ledning
{
    /// <summary>Does this person lead the kommunledning or a förvaltning of this municipality? Explicit about the
    /// municipality, since it is also asked at sign-in, before the request has one.</summary>
    public static Task<bool> LederAsync(AppDbContext db, string kommunId, int? personId, CancellationToken ct = default) =>
        personId is int id
            ? db.Enheter.IgnoreQueryFilters().AnyAsync(e => e.KommunId == kommunId && e.ChefId == id
                && (e.Typ == EnhetTyp.Kommunledning || e.Typ == EnhetTyp.Forvaltning), ct)
            : Task.FromResult(false);
}
