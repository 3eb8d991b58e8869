using ChefsRekrytering.Data;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Ledarskap;

/// <summary>A manager's self-assessments year by year, side by side per policy requirement; the manager starts this year's.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Sjalvskattning, "personId", "Självskattningar år för år")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class SjalvskattningarModel(AppDbContext db, PolicyLibrary policies) : PageModel
{
    public Person Chef { get; private set; } = null!;
    public ChefParter Parter { get; private set; } = null!;
    public LeadershipPolicy Policy { get; private set; } = null!;
    /// <summary>Oldest first, so the comparison reads left to right.</summary>
    public IReadOnlyList<Sjalvskattning> Skattningar { get; private set; } = [];
    public int Iar => db.Idag().Year;
    public bool KanBorja => Parter.ArChefen && Skattningar.All(s => s.Ar != Iar);

    /// <summary>Every requirement assessed in any year, in the latest year's wording and order.</summary>
    public IEnumerable<SjalvskattningRad> Krav => Skattningar.Reverse().SelectMany(s => s.Ordnade).DistinctBy(r => r.KravId);

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    /// <summary>Starts this year's self-assessment from the policy as it reads now; opening it twice opens the same one.</summary>
    public async Task<IActionResult> OnPostNyAsync(int personId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        if (!Parter.ArChefen) return this.Refuse(SjalvskattningWorkflow.BaraChefen + ".");
        if (KanBorja)
        {
            db.Add(Sjalvskattning.For(Chef, Iar, Policy, db.UtcNow));
            // Refused only by the unique index, when the same manager started it in another tab a moment ago: open that one.
            await db.SaveIfUnchangedAsync(null, Guid.Empty);
        }
        return Redirect($"/sjalvskattning/{personId}/{Iar}");
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        if (await db.LoadChefAsync(User, personId, ct) is not { } sida) return false;
        (Chef, Parter) = (sida.Chef, sida.Parter);
        Policy = policies.Get(Chef.KommunId);
        Skattningar = await db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader)
            .Where(s => s.ChefPersonId == personId).OrderBy(s => s.Ar).ToListAsync(ct);
        return true;
    }
}
