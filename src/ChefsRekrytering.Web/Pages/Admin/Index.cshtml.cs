using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class IndexModel(AppDbContext db, PolicyLibrary policies) : PageModel
{
    public string KommunId => User.KommunId()!;
    public string KommunNamn => policies.Get(KommunId).Kommun;
    public int Anvandare { get; private set; }
    public int Enheter { get; private set; }
    public int Personer { get; private set; }

    public async Task OnGetAsync()
    {
        Anvandare = await db.Users.CountAsync(u => u.KommunId == KommunId);
        Enheter = await db.Enheter.CountAsync();
        Personer = await db.Personer.CountAsync();
    }
}
