using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>
/// The requirement profile, built from the municipality's own policy: its requirements are offered as competences,
/// the manager picks and weights them, adds role-specific ones, and fixes the profile. A fixed version never changes
/// (<see cref="RekryteringService.FaststallKravprofilAsync"/>).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class KravprofilModel(RekryteringService service) : PageModel
{
    public Kravprofilvy Vy { get; private set; } = null!;
    public Rekrytering Rekrytering => Vy.Rekrytering;
    public LeadershipPolicy Policy => Vy.Policy;
    public bool KanAndra => Vy.KanAndra;
    /// <summary>The profile shown: the draft being edited, else the one in force.</summary>
    public Kravprofil? Visad => Rekrytering.Utkastprofil ?? Rekrytering.GallandeKravprofil;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public List<PolicyVal> Val { get; set; } = [];
    [BindProperty] public List<EgenKompetensInput> Egna { get; set; } = [];

    public sealed class PolicyVal
    {
        public string KravId { get; set; } = "";
        [Display(Name = "med i profilen")] public bool Med { get; set; }
        [Range(1, 5), Display(Name = "vikt")] public int Vikt { get; set; } = 3;
        [StringLength(1000), DataType(DataType.MultilineText), Display(Name = "intervjufråga")] public string Fraga { get; set; } = "";
    }

    public sealed class EgenKompetensInput
    {
        [StringLength(1000), Display(Name = "kompetens")] public string Text { get; set; } = "";
        [Range(1, 5), Display(Name = "vikt")] public int Vikt { get; set; } = 3;
        [StringLength(1000), DataType(DataType.MultilineText), Display(Name = "intervjufråga")] public string Fraga { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        FillForm();
        return Page();
    }

    public Task<IActionResult> OnPostSparaAsync(int id) => CallAsync(id, (val, ct) => service.SparaKravprofilAsync(id, Version, val, User, ct), fixes: false);

    /// <summary>A fixed profile is the recruitment's next step: the answer goes back to its page.</summary>
    public Task<IActionResult> OnPostFaststallAsync(int id) => CallAsync(id, (val, ct) => service.FaststallKravprofilAsync(id, Version, val, User, ct), fixes: true);

    private async Task<IActionResult> CallAsync(int id, Func<Kravprofilval, CancellationToken, Task<Workflows.CommandResult>> command, bool fixes)
    {
        ModelState.Remove(nameof(Version)); // a version that did not bind is no version: the command says someone else changed it
        if (!ModelState.IsValid)
        {
            if (!await LoadAsync(id)) return NotFound();
            if (Val.Count != Policy.AllaKrav.Count()) FillForm(); // not this policy's form: show the stored one
            return Page();
        }
        var val = new Kravprofilval(
            Val.Select(v => new PolicyKravval(v.KravId, v.Med, v.Vikt, v.Fraga)).ToList(),
            Egna.Select(e => new EgenKompetens(e.Text, e.Vikt, e.Fraga)).ToList());
        var result = await command(val, HttpContext.RequestAborted);
        return fixes ? await this.AnswerAsync(result, () => ReloadAsync(id), "Detaljer", new { id }) : await this.AnswerAsync(result, () => ReloadAsync(id));
    }

    /// <summary>After a refusal: the recruitment as it now is, and the form as stored when someone else changed it meanwhile.</summary>
    private async Task ReloadAsync(int id)
    {
        var posted = Version;
        await LoadAsync(id);
        if (posted != Version || Val.Count != Policy.AllaKrav.Count()) FillForm();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await service.KravprofilAsync(id, User, HttpContext.RequestAborted) is not { } vy) return false;
        Vy = vy;
        Version = vy.Rekrytering.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }

    /// <summary>Every policy requirement as a row, ticked and weighted as in the profile shown.</summary>
    private void FillForm()
    {
        var current = Visad?.Kompetenser ?? [];
        Val = Policy.AllaKrav.Select(k => current.FirstOrDefault(c => c.PolicyKravId == k.Id) is { } c
            ? new PolicyVal { KravId = k.Id, Med = true, Vikt = c.Vikt, Fraga = c.Intervjufraga }
            : new PolicyVal { KravId = k.Id, Fraga = Intervjufragor.For(k.Text, Vy.Formulering) }).ToList();
        Egna = current.Where(c => c.PolicyKravId is null)
            .Select(c => new EgenKompetensInput { Text = c.Text, Vikt = c.Vikt, Fraga = c.Intervjufraga })
            .Concat(Enumerable.Range(0, 3).Select(_ => new EgenKompetensInput())).ToList();
    }
}
