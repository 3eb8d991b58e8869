using ChefsRekrytering.Calendar;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>One applicant in one recruitment: documents, where the application stands, the interview and the offer. Each
/// form posts to one command of <see cref="KandidatService"/> with the version of the application the page showed.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Kandidat, "kandidatId", "Sökandens sida")]
public class KandidatModel(KandidatService service, AnteckningService anteckningar) : PageModel
{
    public Kandidatoversikt Oversikt { get; private set; } = null!;
    public Rekrytering Rekrytering => Oversikt.Rekrytering;
    public Kandidat Kandidat => Oversikt.Kandidat;
    /// <summary>Notes, labels and (for those who run the recruitment) whose interview score is missing.</summary>
    public Anteckningsvy Anteckningar { get; private set; } = null!;

    [BindProperty] public Guid Version { get; set; }
    public BokningInput Bokning { get; set; } = new();
    public ErbjudandeInput Erbjudande { get; set; } = new();
    public EjAktuellInput EjAktuell { get; set; } = new();
    public AnteckningInput Anteckning { get; set; } = new();

    public sealed class AnteckningInput
    {
        // The length is the command's rule (AnteckningService), worded there.
        [Display(Name = "anteckning"), DataType(DataType.MultilineText)] public string? Text { get; set; }
    }

    public sealed class EjAktuellInput
    {
        [StringLength(100), Display(Name = "skäl")] public string? Avslagsskal { get; set; }
    }

    public sealed class BokningInput
    {
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [Required, Display(Name = "starttid")] public TimeOnly? Start { get; set; }
        [Range(15, 480), Display(Name = "längd i minuter")] public int Minuter { get; set; } = 60;
        [Required, StringLength(300), Display(Name = "plats")] public string Plats { get; set; } = "";

        /// <summary>After validation: the date and start time are given. (A method: validation walks the properties.)</summary>
        public Motestid Tid() => new(Datum!.Value, Start!.Value, Minuter);
    }

    public sealed class ErbjudandeInput
    {
        [Required, Display(Name = "startdatum")] public DateOnly? Startdatum { get; set; }
        [StringLength(4000), Display(Name = "villkor"), DataType(DataType.MultilineText)] public string? Villkor { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, int kandidatId) => await LoadAsync(id, kandidatId) ? Page() : NotFound();

    public Task<IActionResult> OnPostFireAsync(int id, int kandidatId, KandidatHandelse trigger) =>
        CallAsync(id, kandidatId, ct => service.FireAsync(id, kandidatId, Version, trigger, User, ct));

    /// <summary>Not going on, for the reason chosen: the command refuses when none of the municipality's reasons was chosen.</summary>
    public Task<IActionResult> OnPostEjAktuellAsync(int id, int kandidatId, [Bind(Prefix = nameof(EjAktuell))] EjAktuellInput input) =>
        CallAsync(id, kandidatId, ct => service.EjAktuellAsync(id, kandidatId, Version, input.Avslagsskal, User, ct));

    /// <summary>Withdrawing the application: the command refuses unless the box confirming it was ticked.</summary>
    public Task<IActionResult> OnPostAtertaAsync(int id, int kandidatId, bool bekraftar) =>
        CallAsync(id, kandidatId, ct => service.AtertaAsync(id, kandidatId, Version, bekraftar, User, ct));

    public Task<IActionResult> OnPostBokaAsync(int id, int kandidatId, [Bind(Prefix = nameof(Bokning))] BokningInput input) =>
        CallAsync(id, kandidatId, ct => service.BokaIntervjuAsync(id, kandidatId, Version, input.Tid(), input.Plats, User, ct));

    public Task<IActionResult> OnPostFlyttaAsync(int id, int kandidatId, [Bind(Prefix = nameof(Bokning))] BokningInput input) =>
        CallAsync(id, kandidatId, ct => service.FlyttaIntervjuAsync(id, kandidatId, Version, input.Tid(), input.Plats, User, ct));

    public Task<IActionResult> OnPostErbjudAsync(int id, int kandidatId, [Bind(Prefix = nameof(Erbjudande))] ErbjudandeInput input) =>
        CallAsync(id, kandidatId, ct => service.ErbjudAsync(id, kandidatId, Version, input.Startdatum!.Value, input.Villkor, User, ct));

    public Task<IActionResult> OnPostAnteckningAsync(int id, int kandidatId, [Bind(Prefix = nameof(Anteckning))] AnteckningInput input) =>
        CallAsync(id, kandidatId, ct => anteckningar.SkrivAsync(id, kandidatId, input.Text, User, ct), Avsnitt);

    public Task<IActionResult> OnPostTaBortAnteckningAsync(int id, int kandidatId, int anteckningId) =>
        CallAsync(id, kandidatId, ct => anteckningar.TaBortAsync(id, kandidatId, anteckningId, User, ct), Avsnitt);

    public Task<IActionResult> OnPostTaggAsync(int id, int kandidatId, string? tagg) =>
        CallAsync(id, kandidatId, ct => anteckningar.LaggTillTaggAsync(id, kandidatId, tagg, User, ct), Avsnitt);

    public Task<IActionResult> OnPostTaBortTaggAsync(int id, int kandidatId, int taggId) =>
        CallAsync(id, kandidatId, ct => anteckningar.TaBortTaggAsync(id, kandidatId, taggId, User, ct), Avsnitt);

    private const string Avsnitt = "anteckningar-rubrik";

    /// <summary>A form that did not bind shows its errors; otherwise its command runs and the page answers it. A version
    /// that did not bind is no version: the command answers that someone else changed the application.</summary>
    private async Task<IActionResult> CallAsync(int id, int kandidatId, Func<CancellationToken, Task<CommandResult>> command, string? avsnitt = null)
    {
        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid) return await LoadAsync(id, kandidatId) ? Page() : NotFound();
        return await this.AnswerAsync(await command(HttpContext.RequestAborted), () => LoadAsync(id, kandidatId), fragment: avsnitt);
    }

    private async Task<bool> LoadAsync(int id, int kandidatId)
    {
        if (await service.OversiktAsync(id, kandidatId, User, HttpContext.RequestAborted) is not { } oversikt) return false;
        Oversikt = oversikt;
        Anteckningar = await anteckningar.VyAsync(oversikt, User, HttpContext.RequestAborted);
        Version = oversikt.Kandidat.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }

    public string Tid(DateTime utc) => SwedishTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
