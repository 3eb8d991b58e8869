using ChefsRekrytering.Calendar;
using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

/// <summary>
/// The recruitment's interview times (<see cref="Intervjutider"/>): the recruiting manager and HR offer times and invite
/// candidates to choose one on their own page; the panel sees the list.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IntervjutiderModel(Intervjutider service) : PageModel
{
    public Intervjutidsvy Vy { get; private set; } = null!;

    /// <summary>The recruitment as the page showed it (adding and removing times).</summary>
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public TidInput Ny { get; set; } = new();

    public sealed class TidInput
    {
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [Required, Display(Name = "starttid")] public TimeOnly? Start { get; set; }
        [Range(15, 480), Display(Name = "längd i minuter")] public int Minuter { get; set; } = 60;
        [Required, StringLength(300), Display(Name = "plats")] public string Plats { get; set; } = "";

        /// <summary>After validation: the date and start time are given. (A method: validation walks the properties.)</summary>
        public Motestid Tid() => new(Datum!.Value, Start!.Value, Minuter);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostLaggTillAsync(int id, CancellationToken ct) =>
        this.AnswerFormAsync(() => service.LaggTillAsync(id, Version, Ny.Tid(), Ny.Plats, User, ct), () => LoadAsync(id, ct));

    public async Task<IActionResult> OnPostTaBortAsync(int id, int tid, CancellationToken ct)
    {
        ModelState.Clear(); // the new time's fields are not part of this form
        return await this.AnswerAsync(await service.TaBortAsync(id, Version, tid, User, ct), () => LoadAsync(id, ct));
    }

    /// <summary>Invites one candidate; the version is the candidate's, as their row showed it.</summary>
    public async Task<IActionResult> OnPostBjudInAsync(int id, int kandidatId, Guid kandidatVersion, CancellationToken ct)
    {
        ModelState.Clear();
        return await this.AnswerAsync(await service.BjudInAsync(id, kandidatId, kandidatVersion, User, ct), () => LoadAsync(id, ct));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await service.VyAsync(id, User, ct) is not { } vy) return false;
        Vy = vy;
        Version = vy.Rekrytering.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
