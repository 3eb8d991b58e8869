using ChefsRekrytering.Introduktioner;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Introduktion;

/// <summary>HR starts an introduction for a manager hired outside the portal.</summary>
[Authorize(Policy = Behorighet.HR)]
public class NyModel(IntroduktionService service) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<SelectListItem> Personer { get; private set; } = [];
    public List<SelectListItem> Chefer { get; private set; } = [];

    public sealed class InputModel
    {
        [Required, Display(Name = "ny chef")] public int? PersonId { get; set; }
        [Required, StringLength(200), Display(Name = "befattning")] public string Befattning { get; set; } = "";
        [Required, Display(Name = "startdatum")] public DateOnly? Startdatum { get; set; }
        [Required, Display(Name = "anställande chef")] public string? AnstallandeChefUserId { get; set; }
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var result = await service.SkapaAsync(new NyIntroduktion(Input.PersonId!.Value, Input.Befattning, Input.Startdatum!.Value, Input.AnstallandeChefUserId!),
            User, HttpContext.RequestAborted);
        if (!result.Succeeded) return await this.AnswerAsync(result.Result, LoadAsync);
        TempData["Meddelande"] = result.Result.Message;
        return RedirectToPage("Detaljer", new { id = result.Value });
    }

    private async Task LoadAsync()
    {
        var val = await service.ValAsync(User, HttpContext.RequestAborted);
        Personer = val.Personer.Select(p => new SelectListItem($"{p.Namn}{(p.Titel is null ? "" : $", {p.Titel}")}", p.Id.ToString())).ToList();
        Chefer = val.Chefer.Select(u => new SelectListItem(u.Namn, u.Id)).ToList();
    }
}
