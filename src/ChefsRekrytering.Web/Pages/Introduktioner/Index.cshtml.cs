using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Introduktioner;

/// <summary>Introductions: all of them for HR; for a manager their own and those they lead or are responsible for.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Introduktion> Rader { get; private set; } = [];
    public bool ArHr => User.IsInRole(Roller.HR);

    public async Task OnGetAsync()
    {
        var org = await db.LoadOrgChartAsync();
        var all = await db.Set<Introduktion>().AsNoTracking().Include(i => i.Punkter).OrderByDescending(i => i.Startdatum).ToListAsync();
        var me = User.UserId();
        Rader = all.Where(i => ChefAccess.CanSee(User, i.ChefPersonId, org) || i.AnstallandeChefUserId == me).ToList();
    }
}
