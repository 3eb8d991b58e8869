using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages;

[AllowAnonymous]
public class IndexModel(AppDbContext db, PolicyLibrary policies) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public LeadershipPolicy? Policy { get; private set; }
    public IEnumerable<string> Roller => ChefsRekrytering.Konton.Roller.Alla.Where(User.IsInRole);
    public string? EnhetPath { get; private set; }
    public string? ChefNamn { get; private set; }
    public IReadOnlyList<string> LeddaEnheter { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (!SignedIn || User.KommunId() is not { } kommunId) return;
        Policy = policies.Find(kommunId);
        if (User.PersonId() is not int personId) return;

        var org = await db.LoadOrgChartAsync();
        var me = await db.Personer.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId);
        if (me?.EnhetId is int enhetId) EnhetPath = org.PathOf(enhetId);
        if (org.ChefFor(personId) is int chefId)
            ChefNamn = await db.Personer.Where(p => p.Id == chefId).Select(p => p.Fornamn + " " + p.Efternamn).FirstOrDefaultAsync();
        LeddaEnheter = org.UnitsLedBy(personId).Select(u => u.Namn).ToList();
    }
}
