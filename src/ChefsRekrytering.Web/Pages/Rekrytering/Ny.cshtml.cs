using ChefsRekrytering.Rekryteringar;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

[Authorize(Policy = Behorighet.Rekrytering)]
public class NyModel(RekryteringService service) : PageModel
{
    [BindProperty] public BehovInput Input { get; set; } = new();
    public List<SelectListItem> Enheter { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    /// <summary><paramref name="skicka"/>: the need also goes to HR in the same step.</summary>
    public async Task<IActionResult> OnPostAsync(bool skicka)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var created = await service.SkapaAsync(Input.Behov(), User, HttpContext.RequestAborted, skicka);
        return await this.AnswerAsync(created.Result, LoadAsync, "Detaljer", new { id = created.Value });
    }

    private async Task LoadAsync() => Enheter = (await service.EnheterAsync(HttpContext.RequestAborted))
        .Select(e => new SelectListItem(e.Namn, e.Id.ToString())).ToList();
}

/// <summary>The need, as entered when creating a recruitment and while it is still being assessed.</summary>
public sealed class BehovInput
{
    [Required, StringLength(200), Display(Name = "befattning")] public string Titel { get; set; } = "";
    [Required, Display(Name = "enhet")] public int? EnhetId { get; set; }
    [Required, StringLength(4000, MinimumLength = 20), Display(Name = "behov"), DataType(DataType.MultilineText)] public string Behovsbeskrivning { get; set; } = "";
    [Display(Name = "anställningsform")] public Anstallningsform Anstallningsform { get; set; }
    [Range(10, 100), Display(Name = "omfattning")] public int Omfattning { get; set; } = 100;
    [Display(Name = "önskat tillträde")] public DateOnly? OnskatTilltrade { get; set; }

    /// <summary>After validation: the unit is given.</summary>
    public Behov Behov() => new(Titel, EnhetId!.Value, Behovsbeskrivning, Anstallningsform, Omfattning, OnskatTilltrade);

    public static BehovInput From(Rekrytering r) => new()
    {
        Titel = r.Titel, EnhetId = r.EnhetId, Behovsbeskrivning = r.Behovsbeskrivning,
        Anstallningsform = r.Anstallningsform, Omfattning = r.Omfattning, OnskatTilltrade = r.OnskatTilltrade,
    };
}
