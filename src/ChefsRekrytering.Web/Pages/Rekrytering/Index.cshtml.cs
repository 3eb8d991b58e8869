using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Rad(int Id, string Diarienummer, string Titel, string Enhet, string Agare, RekryteringsTillstand State, int Sokande);

    public IReadOnlyList<Rad> Rader { get; private set; } = [];
    public List<SelectListItem> Faser { get; private set; } = [];
    public bool KanSkapa => User.IsInRole(Roller.RekryterandeChef) || User.IsInRole(Roller.HR);
    [BindProperty(SupportsGet = true)] public string? Fas { get; set; }
    [BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;
    public const int PerSida = 50;
    public int Totalt { get; private set; }
    public int Sidor => Math.Max(1, (Totalt + PerSida - 1) / PerSida);

    public async Task OnGetAsync()
    {
        var query = db.Set<Rekrytering>().VisibleTo(User);
        query = Fas switch
        {
            "avslutade" => query.Where(r => r.State == RekryteringsTillstand.Tillsatt || r.State == RekryteringsTillstand.Avbruten),
            "alla" => query,
            _ => query.Where(r => r.State != RekryteringsTillstand.Tillsatt && r.State != RekryteringsTillstand.Avbruten),
        };
        // Two queries whatever the data size: the total, and one page with the applicant counts computed in the database.
        Totalt = await query.CountAsync();
        Sida = Math.Clamp(Sida, 1, Sidor);
        Rader = await query.OrderByDescending(r => r.Id).Skip((Sida - 1) * PerSida).Take(PerSida)
            .Select(r => new Rad(r.Id, r.Diarienummer, r.Titel, r.Enhet!.Namn, r.AgareNamn, r.State, r.Kandidater.Count))
            .ToListAsync();
        Faser =
        [
            new("Pågående", "pagaende", Fas is null or "pagaende"),
            new("Avslutade", "avslutade", Fas == "avslutade"),
            new("Alla", "alla", Fas == "alla"),
        ];
    }
}
