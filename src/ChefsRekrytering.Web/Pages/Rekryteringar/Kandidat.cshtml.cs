using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>One applicant in one recruitment: documents, where the application stands, the interview and the offer.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Kandidat, "kandidatId", "Sökandens sida")]
public class KandidatModel(AppDbContext db, RekryteringService service) : PageModel
{
    public Rekrytering R { get; private set; } = null!;
    public Kandidat K { get; private set; } = null!;
    public KandidatWorkflow Flode { get; private set; } = null!;
    public IReadOnlyList<WorkflowAction<KandidatHandelse>> Atgarder { get; private set; } = [];
    public IReadOnlyList<Dokument> Handlingar { get; private set; } = [];
    public IReadOnlyList<WorkflowTransition> Historik { get; private set; } = [];
    public Mote? Intervju { get; private set; }
    public Kandidat? Dubblett { get; private set; }
    public bool KanHantera => RekryteringAccess.CanManage(User, R);

    [BindProperty] public Guid Version { get; set; }
    public BokningInput Bokning { get; set; } = new();
    public ErbjudandeInput Erbjudande { get; set; } = new();

    /// <summary>Triggers with a form of their own, not a plain button.</summary>
    public static readonly KandidatHandelse[] MedFormular = [KandidatHandelse.BokaIntervju, KandidatHandelse.Erbjud];

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

    public async Task<IActionResult> OnGetAsync(int id, int kandidatId) =>
        await LoadAsync(id, kandidatId) ? Page() : NotFound();

    public Task<IActionResult> OnPostFireAsync(int id, int kandidatId, KandidatHandelse trigger) => ChangeAsync(id, kandidatId, async () =>
    {
        if (MedFormular.Contains(trigger)) return Refuse("Använd formuläret för det steget.");
        var result = await service.FireAsync(K, R, trigger, User.Actor());
        return result.Succeeded ? Done($"{SwedishText.Of(trigger)}: klart.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostBokaAsync(int id, int kandidatId, [Bind(Prefix = nameof(Bokning))] BokningInput input) => ChangeAsync(id, kandidatId, async () =>
    {
        Bokning = input;
        var organizer = await db.Users.Where(u => u.Id == R.AgareUserId).Select(u => u.Email).FirstAsync();
        var result = await service.BookInterviewAsync(K, R, input.Tid(), input.Plats.Trim(), User.Actor(), organizer!);
        return result.Succeeded ? Done("Intervjun är bokad och kallelser med kalenderinbjudan skickas.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostFlyttaAsync(int id, int kandidatId, [Bind(Prefix = nameof(Bokning))] BokningInput input) => ChangeAsync(id, kandidatId, async () =>
    {
        Bokning = input;
        var result = await service.FlyttaIntervjuAsync(K, input.Tid(), input.Plats.Trim());
        return result.Succeeded ? Done("Intervjun är flyttad och en uppdaterad kalenderinbjudan skickas.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostErbjudAsync(int id, int kandidatId, [Bind(Prefix = nameof(Erbjudande))] ErbjudandeInput input) => ChangeAsync(id, kandidatId, async () =>
    {
        Erbjudande = input;
        var result = await service.ErbjudAsync(K, R, input.Startdatum!.Value, input.Villkor, User.Actor());
        return result.Succeeded ? Done("Erbjudandet är lämnat och skickat till kandidaten.") : Refuse(result.Reasons.ToArray());
    });

    private async Task<IActionResult> ChangeAsync(int id, int kandidatId, Func<Task<IActionResult>> change)
    {
        var posted = Version; // loading puts the current version in Version, for the page shown next
        if (!await LoadAsync(id, kandidatId)) return NotFound();
        if (!KanHantera) return Forbid();
        if (!ModelState.IsValid) return Page();
        return await db.ChangeIfUnchangedAsync(K, posted, change, () => LoadAsync(id, kandidatId), Refuse);
    }

    private IActionResult Done(string message)
    {
        TempData["Meddelande"] = message;
        return Redirect($"/rekrytering/{R.Id}/kandidater/{K.Id}");
    }

    private IActionResult Refuse(params string[] reasons)
    {
        foreach (var reason in reasons) ModelState.AddModelError("", reason);
        Atgarder = Flode.Actions();
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int kandidatId)
    {
        var r = await service.LoadAsync(id);
        if (r is null || !RekryteringAccess.CanView(User, r) || r.Kandidater.FirstOrDefault(k => k.Id == kandidatId) is not { } k) return false;
        (R, K) = (r, k);
        Flode = service.Workflow(k, r);
        Atgarder = Flode.Actions();
        Version = k.Version;
        ModelState.Remove(nameof(Version));
        Handlingar = await db.Set<Dokument>().AsNoTracking()
            .Where(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id).OrderBy(d => d.Id).ToListAsync();
        Historik = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.Workflow == "Kandidat" && t.SubjectId == k.Id).OrderBy(t => t.Id).ToListAsync();
        Intervju = await service.InterviewOfAsync(k);
        Dubblett = k.MojligDubblettAvId is int other ? r.Kandidater.FirstOrDefault(x => x.Id == other) : null;
        return true;
    }

    public string Tid(DateTime utc) => SwedishTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
