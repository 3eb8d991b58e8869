using ChefsRekrytering.AretsChef;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>HR plans each year's campaign: its dates, which the scheduler opens and closes it on, and its settings.</summary>
[Authorize(Policy = Behorighet.HR)]
public class KampanjerModel(AretsChefService service) : PageModel
{
    public IReadOnlyList<Kampanjrad> Kampanjer { get; private set; } = [];
    public KampanjInput Ny { get; private set; } = new();
    /// <summary>The year whose change form was posted and refused, to show its errors beside it.</summary>
    public int? FelAr { get; private set; }
    /// <summary>Errors show at the top unless they belong to a year whose change form is shown.</summary>
    public bool FelOverst => FelAr is not int ar || !Kampanjer.Any(x => x.Kampanj.Ar == ar && AretsChefWorkflow.Andringsbara.Contains(x.Kampanj.State));

    public sealed class KampanjInput
    {
        [Display(Name = "år")] public int Ar { get; set; }
        [Display(Name = "dagen nomineringen öppnar")] public DateOnly? Oppnar { get; set; }
        [Display(Name = "sista dagen att nominera")] public DateOnly? SistaDag { get; set; }
        [Display(Name = "juryn ser vem som nominerat")] public bool JurynSerNominatorer { get; set; }
        [Display(Name = "vinnaren visas offentligt")] public bool Offentlig { get; set; }

        public KampanjUppgifter Uppgifter => new(Ar, Oppnar, SistaDag, JurynSerNominatorer, Offentlig);
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>A date outside any sensible range (SensibleDates) is refused before the campaign's own rules reckon with it.</summary>
    public async Task<IActionResult> OnPostNyAsync([Bind(Prefix = nameof(Ny))] KampanjInput input, CancellationToken ct)
    {
        Ny = input;
        return ModelState.IsValid ? await this.AnswerAsync(await service.SkapaKampanjAsync(input.Uppgifter, User, ct), () => LoadAsync(ct))
            : await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAndraAsync(int ar, Guid version, [Bind(Prefix = "Andra")] KampanjInput input, CancellationToken ct)
    {
        FelAr = ar;
        return ModelState.IsValid ? await this.AnswerAsync(await service.AndraKampanjAsync(ar, version, input.Uppgifter with { Ar = ar }, User, ct), () => LoadAsync(ct))
            : await PageAsync(ct);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Kampanjer = await service.KampanjerAsync(User, ct);
        if (Request.HasFormContentType && Request.Query["handler"] == "Ny") return; // the posted form stays as it was
        var forslag = service.Forslag(Kampanjer);
        Ny = new KampanjInput { Ar = forslag.Ar, Oppnar = forslag.Oppnar, SistaDag = forslag.SistaDag };
    }
}
