using ChefsRekrytering.Aterkoppling;

namespace ChefsRekrytering.Web.Pages.Aterkoppling;

/// <summary>HR: opens and closes the year's round and reads the aggregate per förvaltning, and the chefs whose results
/// reach the threshold. HR never sees a chef's result below it, nor who answered what.</summary>
[Authorize(Policy = Behorighet.HR)]
public class OversiktModel(AterkopplingService service) : PageModel
{
    public Aterkopplingsoversikt Oversikt { get; private set; } = null!;
    public int? ValtAr { get; private set; }
    public OmgangInput Ny { get; private set; } = new();

    public sealed class OmgangInput
    {
        [Display(Name = "år")] public int Ar { get; set; }
        [Display(Name = "sista dagen att svara")] public DateOnly? SistaDag { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? ar, CancellationToken ct)
    {
        ValtAr = ar;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOppnaAsync([Bind(Prefix = nameof(Ny))] OmgangInput input, CancellationToken ct)
    {
        Ny = input;
        return ModelState.IsValid ? await this.AnswerAsync(await service.OppnaAsync(input.Ar, input.SistaDag, User, ct), () => LoadAsync(ct))
            : await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostStangAsync(int ar, CancellationToken ct) =>
        await this.AnswerAsync(await service.StangAsync(ar, User, ct), () => LoadAsync(ct));

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Oversikt = (await service.OversiktAsync(ValtAr, User, ct))!;
        if (Ny.Ar == 0) Ny = new() { Ar = Oversikt.Iar, SistaDag = service.Today.AddDays(21) };
    }
}
