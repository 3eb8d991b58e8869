using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.AretsChef;

/// <summary>HR's figures for a campaign: counts only, never who nominated whom, and never for a group smaller than
/// <see cref="MinstaGrupp"/> employees (<see cref="Nominatorer"/> is null when the whole municipality is that small).</summary>
public sealed record Statistik(int Nomineringar, int? Nominatorer, int Anstallda, int MinstaGrupp, IReadOnlyList<NomineradRad> PerNominerad,
    IReadOnlyList<EnhetsRad> PerEnhet)
{
    /// <summary>Distinct nominators per employee invited when the campaign opened (<see cref="Inbjuden"/>).</summary>
    public double? Deltagande => Nominatorer is not int n || Anstallda == 0 ? null : (double)n / Anstallda;
}

public sealed record NomineradRad(string Namn, string Enheter, int Nomineringar);

/// <summary>A unit, or the small units together (<see cref="Enheter"/> &gt; 1): its employees, how many of them nominated
/// (null when fewer than the smallest group shown), and how many nominations its managers received.</summary>
public sealed record EnhetsRad(string Enhet, int Anstallda, int? Nominatorer, int NomineringarTillChefen, int Enheter = 1)
{
    public double? Deltagande => Nominatorer is not int n || Anstallda == 0 ? null : (double)n / Anstallda;
}

public static class AretsChefStatistik
{
    public const string UtanEnhet = "Utan enhet";

    /// <summary>Grouped in the database: a handful of small queries whatever the number of nominations. HR reads it through
    /// <see cref="AretsChefService.StatistikAsync"/>, which asks the access rule.</summary>
    internal static async Task<Statistik> StatistikAsync(this AppDbContext db, Kampanj k, int minstaGrupp, CancellationToken ct = default)
    {
        var nomineringar = db.Set<Nominering>().Where(n => n.KampanjId == k.Id);
        // Counted against those the campaign invited, in the units they had then: a closed campaign's figures stay.
        var inbjudna = db.Set<Inbjuden>().Where(i => i.KampanjId == k.Id);
        var perEnhetInbjudna = await inbjudna.GroupBy(i => i.EnhetId).Select(g => new { EnhetId = g.Key, Antal = g.Count() }).ToListAsync(ct);
        var inbjudnaNominatorer = await nomineringar.Join(inbjudna, n => n.NominatorPersonId, i => i.PersonId, (n, i) => i.EnhetId)
            .GroupBy(e => e).Select(g => new { EnhetId = g.Key, Antal = g.Count() }).ToListAsync(ct);
        // One employed after the invitations who nominated anyway took part: counted in both, in their unit now.
        var ovrigaNominatorer = await nomineringar.Where(n => !inbjudna.Any(i => i.PersonId == n.NominatorPersonId))
            .Join(db.Personer, n => n.NominatorPersonId, p => p.Id, (n, p) => p.EnhetId)
            .GroupBy(e => e).Select(g => new { EnhetId = g.Key, Antal = g.Count() }).ToListAsync(ct);
        var anstallda = perEnhetInbjudna.Concat(ovrigaNominatorer).ToList();
        var nominatorer = inbjudnaNominatorer.Concat(ovrigaNominatorer).ToList();
        var tillChef = await nomineringar.GroupBy(n => n.EnhetId).Select(g => new { EnhetId = g.Key, Antal = g.Count() }).ToListAsync(ct);
        var perChef = await nomineringar.GroupBy(n => n.ChefPersonId).Select(g => new { ChefId = g.Key, Antal = g.Count() }).ToListAsync(ct);

        var chefIds = perChef.Select(c => c.ChefId).ToList();
        var namn = await db.Personer.Where(p => chefIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Fornamn + " " + p.Efternamn, ct);
        var enheter = await db.Enheter.AsNoTracking().Select(e => new { e.Id, e.Namn, e.ChefId }).ToListAsync(ct);
        var enhetsnamn = enheter.ToDictionary(e => e.Id, e => e.Namn);
        var leder = enheter.Where(e => e.ChefId != null).ToLookup(e => e.ChefId!.Value, e => e.Namn);
        var sv = SwedishTime.NameOrder;

        var perNominerad = perChef
            .Select(c => new NomineradRad(namn.GetValueOrDefault(c.ChefId, "Okänd"), string.Join(", ", leder[c.ChefId].Order(sv)), c.Antal))
            .OrderByDescending(r => r.Nomineringar).ThenBy(r => r.Namn, sv).ToList();
        var perEnhet = anstallda.Select(a => a.EnhetId).Union(nominatorer.Select(x => x.EnhetId)).Union(tillChef.Select(x => x.EnhetId))
            .Select(id => new EnhetsRad(id is int e ? enhetsnamn.GetValueOrDefault(e, UtanEnhet) : UtanEnhet,
                anstallda.Where(a => a.EnhetId == id).Sum(a => a.Antal), nominatorer.Where(x => x.EnhetId == id).Sum(x => x.Antal),
                tillChef.Where(x => x.EnhetId == id).Sum(x => x.Antal)))
            .ToList();
        var totalt = anstallda.Sum(a => a.Antal);
        return new Statistik(perChef.Sum(c => c.Antal), totalt >= minstaGrupp ? nominatorer.Sum(x => x.Antal) : null, totalt, minstaGrupp,
            perNominerad, Skydda(perEnhet, minstaGrupp));
    }

    /// <summary>
    /// Units with fewer than <paramref name="minsta"/> employees are shown as one row. Should that row still be too small,
    /// the smallest of the other units join it: otherwise the total minus the units shown would give it away.
    /// </summary>
    internal static IReadOnlyList<EnhetsRad> Skydda(IReadOnlyList<EnhetsRad> rader, int minsta)
    {
        var sma = rader.Where(r => r.Anstallda < minsta).ToList();
        var stora = rader.Where(r => r.Anstallda >= minsta).OrderBy(r => r.Anstallda).ToList();
        while (sma.Count > 0 && sma.Sum(r => r.Anstallda) < minsta && stora.Count > 0)
        {
            sma.Add(stora[0]);
            stora.RemoveAt(0);
        }
        var sv = SwedishTime.NameOrder;
        var visade = stora.OrderBy(r => r.Enhet == UtanEnhet).ThenBy(r => r.Enhet, sv).ToList();
        if (sma.Count == 0) return visade;
        var anstallda = sma.Sum(r => r.Anstallda);
        visade.Add(new EnhetsRad(sma.Count == 1 ? sma[0].Enhet : $"Övriga enheter ({sma.Count} st)", anstallda,
            anstallda >= minsta ? sma.Sum(r => r.Nominatorer ?? 0) : null, sma.Sum(r => r.NomineringarTillChefen), sma.Count));
        return visade;
    }
}
