using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class AnvandareRollerModel(BehorighetService behorigheter) : PageModel
{
    public string Namn { get; private set; } = "";
    public string Epost { get; private set; } = "";
    public IReadOnlyList<string> Vantande { get; private set; } = [];
    public bool Tvasteg { get; private set; }
    [BindProperty] public List<string> Valda { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id) =>
        await this.AnswerAsync(await behorigheter.AndraRollerAsync(id, Valda, User, HttpContext.RequestAborted), () => LoadAsync(id), "Anvandare");

    public async Task<IActionResult> OnPostTvastegAsync(string id) =>
        await this.AnswerAsync(await behorigheter.NollstallTvastegAsync(id, User, HttpContext.RequestAborted), () => LoadAsync(id), "AnvandareRoller", new { id });

    /// <summary>Only accounts of the admin's own municipality can be found (the municipality filter).</summary>
    private async Task<bool> LoadAsync(string id)
    {
        var konto = await behorigheter.KontoAsync(id, User, HttpContext.RequestAborted);
        if (konto is null) return false;
        (Namn, Epost, Vantande, Tvasteg) = (konto.Namn, konto.Epost, konto.Vantande, konto.Tvasteg);
        if (!Request.HasFormContentType) Valda = [.. konto.Roller, .. konto.Vantande];
        return true;
    }
}
