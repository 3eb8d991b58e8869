using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>
/// The jury (and HR): once the nomination has closed, every nomination grouped by nominee, the shortlist, each juror's
/// score and note, and the decision with its motivation. Nominators are shown only if the campaign says so, and never
/// on a juror's own nomination.
/// </summary>
[Authorize(Policy = Behorighet.Jury)]
public class JuryModel(AretsChefService service) : PageModel
{
    public Juryarbete Arbete { get; private set; } = null!;
    public Kampanj Kampanj => Arbete.Kampanj;
    public bool LasNomineringar => AretsChefWorkflow.NomineringenStangd.Contains(Kampanj.State);
    public bool Arbetar => Kampanj.State == S.Juryarbete;
    public int? Jag => User.PersonId();

    [BindProperty] public Guid Version { get; set; }
    /// <summary>The decision form: as posted after a refusal, else as the campaign has it.</summary>
    [BindProperty] public int? Vinnare { get; set; }
    [BindProperty, DataType(DataType.MultilineText), Display(Name = "motivering")] public string? Motivering { get; set; }

    public async Task<IActionResult> OnGetAsync(int ar, CancellationToken ct) => await LoadAsync(ar, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFireAsync(int ar, T trigger, CancellationToken ct) =>
        await this.AnswerAsync(await service.FireAsync(ar, Version, trigger, User, ct), () => LoadAsync(ar, ct));

    public async Task<IActionResult> OnPostKortlistaAsync(int ar, int chefId, bool pa, CancellationToken ct) =>
        await this.AnswerAsync(await service.KortlistaAsync(ar, Version, chefId, pa, User, ct), () => LoadAsync(ar, ct));

    public async Task<IActionResult> OnPostBeslutaAsync(int ar, CancellationToken ct) =>
        await this.AnswerAsync(await service.BeslutaAsync(ar, Version, Vinnare, Motivering, User, ct), () => LoadAsync(ar, ct));

    public async Task<IActionResult> OnPostBedomAsync(int ar, int chefId, int? poang, [DataType(DataType.MultilineText)] string? anteckning, CancellationToken ct) =>
        await this.AnswerAsync(await service.BedomAsync(ar, chefId, poang, anteckning, User, ct), () => LoadAsync(ar, ct));

    private async Task<bool> LoadAsync(int ar, CancellationToken ct)
    {
        if (await service.JuryarbeteAsync(ar, User, ct) is not { } arbete) return false;
        Arbete = arbete;
        Version = arbete.Kampanj.Version;
        ModelState.Remove(nameof(Version));
        if (!Request.HasFormContentType || !Request.Form.ContainsKey(nameof(Motivering))) (Vinnare, Motivering) = (Kampanj.VinnarePersonId, Kampanj.Motivering);
        return true;
    }
}
