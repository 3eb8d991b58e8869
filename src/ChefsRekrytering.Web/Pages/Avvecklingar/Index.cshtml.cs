using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Avvecklingar;

/// <summary>The confidential cases a user is party to; where a case starts, by the employer or on the manager's own request.</summary>
[Authorize(Policy = Behorighet.Chef)]
public class IndexModel(AppDbContext db, AvvecklingService service) : PageModel
{
    public IReadOnlyList<AvvecklingsArende> Arenden { get; private set; } = [];
    public List<SelectListItem> Startbara { get; private set; } = [];
    public bool ArChef { get; private set; }
    [BindProperty] public StartInput Start { get; set; } = new();

    public sealed class StartInput
    {
        public int? PersonId { get; set; }
        public bool EgenBegaran { get; set; }
        [Required, StringLength(4000, MinimumLength = 20), Display(Name = "bakgrund"), DataType(DataType.MultilineText)] public string Bakgrund { get; set; } = "";
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var chef = Start.EgenBegaran
            ? await db.Personer.FirstOrDefaultAsync(p => p.Id == User.PersonId())
            : (await service.StartableForAsync(User)).FirstOrDefault(p => p.Id == Start.PersonId);
        if (chef is null) ModelState.AddModelError("Start.PersonId", Start.EgenBegaran ? "Ditt konto är inte kopplat till en anställd." : "Välj en chef som du får starta ett ärende för.");
        if (!ModelState.IsValid || chef is null)
        {
            await LoadAsync();
            return Page();
        }
        var arende = await service.StartAsync(chef, Start.EgenBegaran ? Initiering.EgenBegaran : Initiering.Arbetsgivaren, Start.Bakgrund, User);
        await db.SaveChangesAsync();
        TempData["Meddelande"] = Start.EgenBegaran
            ? "Din begäran är registrerad. Din närmast högre chef och HR får besked och tar kontakt."
            : "Ärendet är startat. Nästa steg är handlingsplanen.";
        return Redirect($"/avveckling/{arende.Id}");
    }

    private async Task LoadAsync()
    {
        ArChef = User.PersonId() is int me && await db.Enheter.AnyAsync(e => e.ChefId == me);
        Arenden = await db.Set<AvvecklingsArende>().VisibleTo(User).AsNoTracking().OrderByDescending(a => a.Id).ToListAsync();
        Startbara = (await service.StartableForAsync(User)).Where(p => p.Id != User.PersonId())
            .Select(p => new SelectListItem($"{p.Namn}{(p.Titel is null ? "" : $", {p.Titel}")}", p.Id.ToString())).ToList();
    }
}
