using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using T = ChefsRekrytering.Ledarskap.SjalvskattningHandelse;

namespace ChefsRekrytering.Web.Pages.Ledarskap;

/// <summary>
/// One year's self-assessment: the manager rates each policy requirement, with the previous assessment beside it, and
/// hands it in; the närmast högre chef or HR records the talk. Seen only by the parties and HR.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Sjalvskattning, "personId", "Självskattning {ar}")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class SjalvskattningModel(AppDbContext db, PolicyLibrary policies) : PageModel
{
    public const int SamtalMaxLangd = 4000;

    public Person Chef { get; private set; } = null!;
    public ChefParter Parter { get; private set; } = null!;
    public LeadershipPolicy Policy { get; private set; } = null!;
    public int Ar { get; private set; }
    /// <summary>Null when the manager has not started this year's.</summary>
    public Sjalvskattning? S { get; private set; }
    /// <summary>The latest earlier year's assessment, for comparison.</summary>
    public Sjalvskattning? Forra { get; private set; }
    public SjalvskattningWorkflow? Flode { get; private set; }
    public bool KanFylla => Parter.ArChefen && S?.State == SjalvskattningTillstand.Utkast;
    public bool KanBorja => Parter.ArChefen && S is null && Ar == db.Idag().Year;
    /// <summary>Requirements left unrated when the manager tried to hand in; marked beside each.</summary>
    public HashSet<string> Saknas { get; } = [];

    [BindProperty] public Guid Version { get; set; }

    public sealed class RadInput
    {
        public string KravId { get; set; } = "";
        public Betyg? Betyg { get; set; }
        [StringLength(SjalvskattningRad.KommentarMaxLangd), Display(Name = "kommentar"), DataType(DataType.MultilineText)] public string? Kommentar { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int personId, int ar, CancellationToken ct) =>
        await LoadAsync(personId, ar, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSparaAsync(int personId, int ar, [Bind(Prefix = "Rader")] List<RadInput> rader, CancellationToken ct) =>
        ChangeAsync(personId, ar, () => Fyll(rader, lamnaIn: false), ct);

    public Task<IActionResult> OnPostLamnaInAsync(int personId, int ar, [Bind(Prefix = "Rader")] List<RadInput> rader, CancellationToken ct) =>
        ChangeAsync(personId, ar, () => Fyll(rader, lamnaIn: true), ct);

    public Task<IActionResult> OnPostAteroppnaAsync(int personId, int ar, CancellationToken ct) =>
        ChangeAsync(personId, ar, () => Outcome(Flode!.Fire(T.Ateroppna, User.Actor()), "Självskattningen är öppen för ändring."), ct);

    public Task<IActionResult> OnPostDiskuteraAsync(int personId, int ar, [DataType(DataType.MultilineText)] string? kommentar, CancellationToken ct) =>
        ChangeAsync(personId, ar, () => kommentar?.Length > SamtalMaxLangd
            ? this.Refuse($"Kommentaren från samtalet får vara högst {SamtalMaxLangd} tecken.")
            : Outcome(Flode!.Diskutera(User.Actor(), kommentar), "Samtalet är registrerat."), ct);

    /// <summary>The manager's ratings and comments, saved as a draft or handed in; handing in with an unrated requirement
    /// saves nothing and marks what is missing.</summary>
    private IActionResult Fyll(List<RadInput> rader, bool lamnaIn)
    {
        if (!Parter.ArChefen) return this.Refuse(SjalvskattningWorkflow.BaraChefen + ".");
        if (S!.State != SjalvskattningTillstand.Utkast) return this.Refuse("Självskattningen är inlämnad. Öppna den för ändring först.");
        foreach (var input in rader)
        {
            if (S.Rader.FirstOrDefault(r => r.KravId == input.KravId) is not { } rad) return this.Refuse("Okänt krav i formuläret.");
            rad.Betyg = input.Betyg;
            rad.Kommentar = string.IsNullOrWhiteSpace(input.Kommentar) ? null : input.Kommentar.Trim();
        }
        if (!lamnaIn) return Done("Självskattningen är sparad som utkast.");
        var result = Flode!.Fire(T.LamnaIn, User.Actor());
        if (!result.Succeeded) Saknas.UnionWith(S.Rader.Where(r => r.Betyg is null).Select(r => r.KravId));
        return Outcome(result, "Självskattningen är inlämnad inför samtalet med närmast högre chef.");
    }

    /// <summary>
    /// Every change: load (404 if not visible), check the form was built from the assessment as it is now, run the change,
    /// save only if nobody changed it meanwhile. Refusals show the page with the reasons and save nothing.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int personId, int ar, Func<IActionResult> change, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(personId, ar, ct)) return NotFound();
        if (S is null) return this.Refuse($"Självskattningen för {ar} är inte påbörjad.");
        if (!ModelState.IsValid) return Page();
        if (posted != S.Version) return this.Refuse(VersionedSave.Conflict);
        return await this.SaveIfUnchangedAsync(db, S, posted, change(), () => LoadAsync(personId, ar, ct));
    }

    private IActionResult Outcome(WorkflowResult result, string message) => result.Succeeded ? Done(message) : this.Refuse([.. result.Reasons]);

    private IActionResult Done(string message) => Ledarsidor.Done(this, $"/sjalvskattning/{Chef.Id}/{Ar}", message);

    private async Task<bool> LoadAsync(int personId, int ar, CancellationToken ct)
    {
        if (await db.LoadChefAsync(User, personId, ct) is not { } sida) return false;
        (Chef, Parter, Ar) = (sida.Chef, sida.Parter, ar);
        Policy = policies.Get(Chef.KommunId);
        var skattningar = db.Set<Sjalvskattning>().Include(s => s.Rader).Where(s => s.ChefPersonId == personId);
        S = await skattningar.FirstOrDefaultAsync(s => s.Ar == ar, ct);
        Forra = await skattningar.AsNoTracking().Where(s => s.Ar < ar).OrderByDescending(s => s.Ar).FirstOrDefaultAsync(ct);
        Flode = S is null ? null : new SjalvskattningWorkflow(S, db, Parter);
        Version = S?.Version ?? Guid.Empty;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
