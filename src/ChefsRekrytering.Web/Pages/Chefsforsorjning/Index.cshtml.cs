using ChefsRekrytering.Chefsforsorjning;
using ChefsRekrytering.Ledarskap;

namespace ChefsRekrytering.Web.Pages.Chefsforsorjning;

/// <summary>
/// An employee declares interest in a manager's role (the internal pool): what interests them, a self-assessment against
/// the policy's requirements, and the consent; they can change it and withdraw it. Their own entry only: the person id
/// the form posts is checked by the service.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(ChefsforsorjningService service) : PageModel
{
    public MinIntresseanmalan? Min { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public int PersonId { get; set; }
        [Display(Name = "samtycke")] public bool Samtycke { get; set; }
        [Display(Name = "intresse"), DataType(DataType.MultilineText), StringLength(Intresseanmalan.IntresseMaxLangd)] public string? Intresse { get; set; }
        /// <summary>The rating of each requirement, by its id (fields Input.Betyg[kravId]).</summary>
        public Dictionary<string, Betyg?> Betyg { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Min?.Anmalan is { } a)
            Input = new() { PersonId = a.PersonId, Intresse = a.Intresse, Betyg = a.Skattningar.ToDictionary(s => s.KravId, s => s.Betyg) };
        else if (Min is not null) Input.PersonId = Min.Person.Id;
    }

    public async Task<IActionResult> OnPostSparaAsync(CancellationToken ct) => ModelState.IsValid
        ? await this.AnswerAsync(await service.SparaAsync(new Anmalan(Input.PersonId, Input.Samtycke, Input.Intresse,
            Input.Betyg.Select(b => (b.Key, b.Value)).ToList()), User, ct), () => LoadAsync(ct))
        : await ShowAsync(ct);

    public async Task<IActionResult> OnPostAterkallaAsync(CancellationToken ct) =>
        await this.AnswerAsync(await service.AterkallaAsync(Input.PersonId, User, ct), () => LoadAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Min = await service.MinAsync(User, ct);
}
