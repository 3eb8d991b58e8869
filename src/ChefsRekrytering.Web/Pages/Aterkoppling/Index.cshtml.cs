using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Ledarskap;

namespace ChefsRekrytering.Web.Pages.Aterkoppling;

/// <summary>Every employee: the year's feedback to their own chef, once, anonymously.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IndexModel(AterkopplingService service) : PageModel
{
    public Svarssida Sida { get; private set; } = null!;
    public SvarInput Svar { get; private set; } = new();
    public int Minsta => service.Minsta;

    public sealed class SvarInput
    {
        [Display(Name = "år")] public int Ar { get; set; }
        [Display(Name = "chef")] public int? ChefPersonId { get; set; }
        [Display(Name = "svar")] public Dictionary<string, Betyg?> Betyg { get; set; } = [];
        [Display(Name = "kommentar"), DataType(DataType.MultilineText)] public string? Fritext { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Svar))] SvarInput input, CancellationToken ct)
    {
        Svar = input;
        return await this.AnswerAsync(await service.SvaraAsync(new(input.Ar, input.ChefPersonId, input.Betyg, input.Fritext), User, ct), () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Sida = await service.SidaAsync(User, ct);
}
