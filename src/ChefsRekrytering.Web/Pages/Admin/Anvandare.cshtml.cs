using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class AnvandareModel(BehorighetService behorigheter, AppDbContext db) : PageModel
{
    public IReadOnlyList<BehorighetService.Kontorad> Users { get; private set; } = [];
    public List<SelectListItem> PersonerUtanKonto { get; private set; } = [];
    [BindProperty] public NewAccount Input { get; set; } = new();

    public sealed class NewAccount
    {
        [Required, Display(Name = "anställd")]
        public int? PersonId { get; set; }
        public List<string> Roller { get; set; } = [];
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        return await this.AnswerAsync(await behorigheter.SkapaKontoAsync(Input.PersonId!.Value, Input.Roller, User, HttpContext.RequestAborted), LoadAsync);
    }

    private async Task LoadAsync()
    {
        Users = await behorigheter.KontonAsync(User, HttpContext.RequestAborted);
        var withAccount = await db.Users.Where(u => u.PersonId != null).Select(u => u.PersonId!.Value).ToListAsync();
        PersonerUtanKonto = (await db.Personer.Where(p => p.Aktiv && !withAccount.Contains(p.Id)).OrderBy(p => p.Efternamn).ThenBy(p => p.Fornamn).ToListAsync())
            .Select(p => new SelectListItem($"{p.Namn} ({p.Epost})", p.Id.ToString())).ToList();
    }
}
