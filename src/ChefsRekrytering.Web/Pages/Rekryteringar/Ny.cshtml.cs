using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

[Authorize(Policy = Behorighet.Rekrytering)]
public class NyModel(AppDbContext db, RekryteringService service) : PageModel
{
    [BindProperty] public BehovInput Input { get; set; } = new();
    public List<SelectListItem> Enheter { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.EnhetId is int id && !await db.Enheter.AnyAsync(e => e.Id == id))
            ModelState.AddModelError("Input.EnhetId", "Enheten finns inte.");
        if (ModelState.GetValidationState("Input.OnskatTilltrade") != ModelValidationState.Invalid
            && service.OnskatTilltradeFel(Input.OnskatTilltrade) is { } fel) ModelState.AddModelError("Input.OnskatTilltrade", fel);
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var r = await service.CreateAsync(User.KommunId()!, Input.Titel, Input.EnhetId!.Value, User.UserId()!, User.Namn());
        Input.ApplyTo(r);
        await db.SaveChangesAsync();
        TempData["Meddelande"] = $"Rekryteringen {r.Diarienummer} är skapad.";
        return Redirect($"/rekrytering/{r.Id}");
    }

    private async Task LoadAsync() => Enheter = (await db.Enheter.OrderBy(e => e.Namn).ToListAsync())
        .Select(e => new SelectListItem(e.Namn, e.Id.ToString())).ToList();
}

/// <summary>The need, as entered when creating a recruitment and while it is still being assessed.</summary>
public sealed class BehovInput
{
    [Required, StringLength(200), Display(Name = "befattning")] public string Titel { get; set; } = "";
    [Required, Display(Name = "enhet")] public int? EnhetId { get; set; }
    [Required, StringLength(4000, MinimumLength = 20), Display(Name = "behov"), DataType(DataType.MultilineText)] public string Behovsbeskrivning { get; set; } = "";
    public Anstallningsform Anstallningsform { get; set; }
    [Range(10, 100), Display(Name = "omfattning")] public int Omfattning { get; set; } = 100;
    [Display(Name = "önskat tillträde")] public DateOnly? OnskatTilltrade { get; set; }

    public void ApplyTo(Rekrytering r)
    {
        r.Titel = Titel.Trim();
        if (EnhetId is int id) r.EnhetId = id;
        r.Behovsbeskrivning = Behovsbeskrivning.Trim();
        r.Anstallningsform = Anstallningsform;
        r.Omfattning = Omfattning;
        r.OnskatTilltrade = OnskatTilltrade;
    }

    public static BehovInput From(Rekrytering r) => new()
    {
        Titel = r.Titel, EnhetId = r.EnhetId, Behovsbeskrivning = r.Behovsbeskrivning,
        Anstallningsform = r.Anstallningsform, Omfattning = r.Omfattning, OnskatTilltrade = r.OnskatTilltrade,
    };
}
