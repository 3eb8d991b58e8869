using ChefsRekrytering.Avvecklingar;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Avveckling;

/// <summary>The confidential cases a user is party to; where a case starts, by the employer or on the manager's own request.</summary>
[Authorize(Policy = Behorighet.Chef)]
public class IndexModel(AvvecklingService service) : PageModel
{
    public AvvecklingLista Lista { get; private set; } = new([], [], false);
    public List<SelectListItem> Startbara { get; private set; } = [];
    [BindProperty] public StartInput Start { get; set; } = new();

    public sealed class StartInput
    {
        public int? PersonId { get; set; }
        [Display(Name = "på egen begäran")] public bool EgenBegaran { get; set; }
        [Required, StringLength(4000, MinimumLength = 20), Display(Name = "bakgrund"), DataType(DataType.MultilineText)] public string Bakgrund { get; set; } = "";
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var result = await service.StartaArendeAsync(new NyttArende(Start.PersonId, Start.EgenBegaran, Start.Bakgrund), User, HttpContext.RequestAborted);
        if (!result.Succeeded) return await this.AnswerAsync(result.Result, LoadAsync, reasonKey: "Start.PersonId");
        TempData["Meddelande"] = result.Result.Message;
        return RedirectToPage("Detaljer", new { id = result.Value });
    }

    private async Task LoadAsync()
    {
        Lista = await service.ListaAsync(User, HttpContext.RequestAborted);
        Startbara = Lista.Startbara.Select(p => new SelectListItem($"{p.Namn}{(p.Titel is null ? "" : $", {p.Titel}")}", p.Id.ToString())).ToList();
    }
}
