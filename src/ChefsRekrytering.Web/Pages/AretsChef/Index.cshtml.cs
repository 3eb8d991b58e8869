using ChefsRekrytering.AretsChef;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>
/// Årets chef for every employee: nominate a manager while the nomination is open (and change the nomination until it
/// closes), else what comes next, and the latest announcement. The POST is the burst path (see
/// <see cref="NomineringService.NomineraAsync(NomineringForm, System.Security.Claims.ClaimsPrincipal, CancellationToken)"/>).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(NomineringService nomineringar) : PageModel
{
    public Nomineringssida Sida { get; private set; } = null!;
    public NomineringInput Nominering { get; private set; } = new();

    public sealed class NomineringInput
    {
        public int? ChefPersonId { get; set; }
        [DataType(DataType.MultilineText)] public Dictionary<string, string?> Motiveringar { get; set; } = [];
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Sida.Min is { } min)
            Nominering = new() { ChefPersonId = min.ChefPersonId, Motiveringar = min.Motiveringar.ToDictionary(m => m.KriteriumId, m => (string?)m.Text) };
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Nominering))] NomineringInput input, CancellationToken ct)
    {
        Nominering = input;
        return await this.AnswerAsync(await nomineringar.NomineraAsync(new(input.ChefPersonId, input.Motiveringar), User, ct), () => LoadAsync(ct));
    }

    /// <summary>Mail me when Årets chef is announced, or not.</summary>
    public async Task<IActionResult> OnPostBevakaAsync(bool pa, CancellationToken ct) =>
        await this.AnswerAsync(await nomineringar.BevakaAsync(pa, User, ct), () => LoadAsync(ct), fragment: "bevaka-rubrik");

    private async Task LoadAsync(CancellationToken ct) => Sida = await nomineringar.SidaAsync(User, ct);
}
