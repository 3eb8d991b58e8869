using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>HR's figures for a year: nominations per unit and per nominee, and how many employees took part.</summary>
[Authorize(Policy = Behorighet.HR)]
public class StatistikModel(AppDbContext db, AretsChefService service, Microsoft.Extensions.Options.IOptions<AretsChefOptions> options) : PageModel
{
    public Kampanj K { get; private set; } = null!;
    public Statistik S { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int ar, CancellationToken ct)
    {
        if (await service.LoadAsync(ar, ct) is not { } k) return NotFound();
        (K, S) = (k, await db.StatistikAsync(k, options.Value.MinstaGrupp, ct));
        return Page();
    }
}
