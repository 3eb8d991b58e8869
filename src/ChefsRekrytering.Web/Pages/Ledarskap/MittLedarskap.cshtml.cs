using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Ledarskap;

/// <summary>
/// A signed-in manager's way to their own uppdragskontrakt and self-assessment, and to those of the managers they are
/// närmast högre chef for; HR sees every manager of the municipality.
/// </summary>
[Authorize(Policy = Behorighet.Chef)]
public class MittLedarskapModel(AppDbContext db) : PageModel
{
    public sealed record Rad(int PersonId, string Namn, string Enheter, string Kontrakt, string Sjalvskattning);

    public int Iar => db.Idag().Year;
    /// <summary>The user's own row; null when they lead no unit.</summary>
    public Rad? Jag { get; private set; }
    /// <summary>The managers the user is närmast högre chef for, or, for HR, every manager.</summary>
    public IReadOnlyList<Rad> Chefer { get; private set; } = [];
    public bool ArHr => User.IsInRole(Roller.HR);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = await db.LoadOrgChartAsync(ct);
        var me = User.PersonId();
        var managers = await db.Enheter.Where(e => e.ChefId != null).Select(e => e.ChefId!.Value).Distinct().ToListAsync(ct);
        var rows = await RowsAsync(managers, org, ct);
        Jag = rows.FirstOrDefault(r => r.PersonId == me);
        Chefer = rows.Where(r => r.PersonId != me && (ArHr || org.ChefFor(r.PersonId) == me)).ToList();
    }

    /// <summary>Each manager with where their contract and this year's self-assessment stand: three queries in all.</summary>
    private async Task<List<Rad>> RowsAsync(List<int> ids, OrgChart org, CancellationToken ct)
    {
        var people = await db.Personer.Where(p => ids.Contains(p.Id)).OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn)
            .Select(p => new { p.Id, Namn = p.Fornamn + " " + p.Efternamn }).ToListAsync(ct);
        var kontrakt = await db.Set<Uppdragskontrakt>().Where(k => ids.Contains(k.ChefPersonId) && k.State != UppdragskontraktTillstand.Ersatt)
            .Select(k => new { k.ChefPersonId, k.State, k.Versionsnummer, k.OmprovasSenast }).ToListAsync(ct);
        var year = Iar;
        var skattningar = await db.Set<Sjalvskattning>().Where(s => ids.Contains(s.ChefPersonId) && s.Ar == year)
            .ToDictionaryAsync(s => s.ChefPersonId, s => s.State, ct);
        return people.Select(p =>
        {
            var egna = kontrakt.Where(k => k.ChefPersonId == p.Id).ToList();
            var gallande = egna.FirstOrDefault(k => k.State == UppdragskontraktTillstand.Bekraftat);
            var utkast = egna.FirstOrDefault(k => k.State == UppdragskontraktTillstand.Utkast);
            var text = gallande is null ? "Inget bekräftat kontrakt" : $"Version {gallande.Versionsnummer} gäller, omprövas senast {gallande.OmprovasSenast:yyyy-MM-dd}";
            if (utkast is not null) text += $"; utkast till version {utkast.Versionsnummer}";
            return new Rad(p.Id, p.Namn, string.Join(", ", org.UnitsLedBy(p.Id).Select(u => u.Namn)), text,
                skattningar.TryGetValue(p.Id, out var state) ? SwedishText.Of(state) : "Inte påbörjad");
        }).ToList();
    }
}
