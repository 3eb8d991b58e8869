using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class AnvandareModel(BehorighetService behorigheter) : PageModel
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
        PersonerUtanKonto = (await behorigheter.UtanKontoAsync(User, HttpContext.RequestAborted))
            .Select(p => new SelectListItem($"{p.Namn} ({p.Epost})", p.Id.ToString())).ToList();
    }
}
