using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>An announced winner for anyone, when HR chose to publish it publicly: the winner and the jury's motivation, nothing else.</summary>
[AllowAnonymous]
public class OffentligModel(AppDbContext db, PolicyLibrary policies) : PageModel
{
    public Kampanj K { get; private set; } = null!;
    public string Kommun { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kommun, int ar, CancellationToken ct)
    {
        // No one is signed in: the municipality comes from the address, so the filter is lifted and named explicitly.
        var k = await db.Set<Kampanj>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(x => x.KommunId == kommun && x.Ar == ar && x.Offentlig && x.State == KampanjTillstand.Tillkannagiven, ct);
        if (k is null || policies.Find(kommun) is not { } policy) return NotFound();
        (K, Kommun) = (k, policy.Kommun);
        return Page();
    }
}
