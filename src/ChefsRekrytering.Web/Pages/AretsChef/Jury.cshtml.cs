using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Web.Pages.Ledarskap;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.Web.Pages.AretsChef;

/// <summary>
/// The jury (and HR): once the nomination has closed, every nomination grouped by nominee, the shortlist, each juror's
/// score and note, and the decision with its motivation. Nominators are shown only if the campaign says so, and never
/// on a juror's own nomination.
/// </summary>
[Authorize(Policy = Behorighet.Jury)]
public class JuryModel(AppDbContext db, AretsChefService service, NomineringService nomineringar) : PageModel
{
    /// <summary>The triggers this page offers as buttons; the dates open and close, HR announces.</summary>
    private static readonly T[] Knappar = [T.StartaJuryarbete, T.Omprova];

    public Kampanj K { get; private set; } = null!;
    public AretsChefWorkflow Flode { get; private set; } = null!;
    public IReadOnlyList<WorkflowAction<T>> Atgarder { get; private set; } = [];
    public int Antal { get; private set; }
    public IReadOnlyList<Nominerad> Nominerade { get; private set; } = [];
    public bool LasNomineringar => K.State >= S.NomineringStangd;
    public bool Arbetar => K.State == S.Juryarbete;
    public int? Jag => User.PersonId();

    [BindProperty] public Guid Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int ar, CancellationToken ct) => await LoadAsync(ar, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostFireAsync(int ar, T trigger, CancellationToken ct) => ChangeAsync(ar, () =>
        !Knappar.Contains(trigger) ? this.Refuse("Det steget tas inte här.")
        : Flode.Fire(trigger, User.Actor()) is { Succeeded: false } refused ? this.Refuse([.. refused.Reasons])
        : Done($"{SwedishText.Of(trigger)}: klart."), ct);

    public Task<IActionResult> OnPostKortlistaAsync(int ar, int chefId, bool pa, CancellationToken ct) => ChangeAsync(ar, async () =>
        await service.KortlistaAsync(K, chefId, pa, User.Actor(), ct) is { } fel ? this.Refuse(fel)
        : Done(pa ? "Kortlistan är uppdaterad." : "Personen är borttagen från kortlistan."), ct);

    public Task<IActionResult> OnPostBeslutaAsync(int ar, int? vinnare, [DataType(DataType.MultilineText)] string? motivering, CancellationToken ct) => ChangeAsync(ar, async () =>
        motivering?.Length > 4000 ? this.Refuse("Motiveringen får vara högst 4000 tecken.")
        : await service.BeslutaAsync(K, vinnare, motivering, User.Actor(), ct) is { Succeeded: false } refused ? this.Refuse([.. refused.Reasons])
        : Done($"Beslutet är fattat: {K.VinnareNamn} blir Årets chef {K.Ar}. HR tillkännager det."), ct);

    /// <summary>A juror's own score: no version check, since jurors score side by side and each row is the juror's own.</summary>
    public async Task<IActionResult> OnPostBedomAsync(int ar, int chefId, int? poang, [DataType(DataType.MultilineText)] string? anteckning, CancellationToken ct)
    {
        if (!await LoadAsync(ar, ct)) return NotFound();
        if (service.Bedom(K, chefId, User.Actor(), Jag, poang ?? 0, anteckning) is { } fel) return this.Refuse(fel);
        // A double submit creating the same juror's row twice: the unique index refuses the second.
        if (!await db.SaveIfUnchangedAsync(null, Guid.Empty))
        {
            await LoadAsync(ar, ct);
            return this.Refuse(VersionedSave.Conflict);
        }
        return Done("Din bedömning är sparad.");
    }

    private async Task<IActionResult> ChangeAsync(int ar, Func<Task<IActionResult>> change, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(ar, ct)) return NotFound();
        return await db.ChangeIfUnchangedAsync(K, posted, change, () => LoadAsync(ar, ct), reasons => this.Refuse(reasons));
    }

    private Task<IActionResult> ChangeAsync(int ar, Func<IActionResult> change, CancellationToken ct) =>
        ChangeAsync(ar, () => Task.FromResult(change()), ct);

    private IActionResult Done(string message) => this.Done($"/arets-chef/{K.Ar}/jury", message);

    private async Task<bool> LoadAsync(int ar, CancellationToken ct)
    {
        if (await service.LoadAsync(ar, ct) is not { } k) return false;
        K = k;
        Antal = await service.AntalNomineringarAsync(k, ct);
        Flode = service.Workflow(k, Antal);
        Atgarder = Flode.Actions().Where(a => Knappar.Contains(a.Trigger)).ToList();
        Version = k.Version;
        ModelState.Remove(nameof(Version));
        if (LasNomineringar) Nominerade = await nomineringar.PerChefAsync(k, k.JurynSerNominatorer, Jag, ct);
        return true;
    }
}
