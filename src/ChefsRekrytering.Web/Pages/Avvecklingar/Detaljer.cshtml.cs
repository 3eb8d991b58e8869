using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using S = ChefsRekrytering.Avvecklingar.AvvecklingTillstand;

namespace ChefsRekrytering.Web.Pages.Avvecklingar;

/// <summary>One confidential case: the action plan, follow-ups, attachments, evaluation and outcome. Every visit is logged.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
// Razor Pages take a size limit on the page, not on a handler: it is the attachment's, and more than any other form needs.
[RequestSizeLimit(12 * 1024 * 1024)]
[Lasloggas(Granskningsobjekt.Avveckling, "id", "Ärendet öppnat")]
public class DetaljerModel(AppDbContext db, AvvecklingService service, AuditLog audit, DocumentService documents) : PageModel
{
    public AvvecklingsArende A { get; private set; } = null!;
    public AvvecklingWorkflow Flode { get; private set; } = null!;
    public IReadOnlyList<WorkflowAction<AvvecklingHandelse>> Atgarder { get; private set; } = [];
    public IReadOnlyList<Dokument> Bilagor { get; private set; } = [];
    public IReadOnlyList<AuditEvent> Logg { get; private set; } = [];
    public IReadOnlyList<WorkflowTransition> Historik { get; private set; } = [];
    public bool KanDriva => AvvecklingAccess.CanDrive(User, A);
    public bool PlanenOppen => AvvecklingService.PlanenOppen(A);

    [BindProperty] public Guid Version { get; set; }
    public AtgardInput NyAtgard { get; set; } = new();
    public UtvarderingInput Utvardering { get; set; } = new();

    public sealed class AtgardInput
    {
        [Required, StringLength(2000), Display(Name = "åtgärd"), DataType(DataType.MultilineText)] public string Beskrivning { get; set; } = "";
        [Required, StringLength(200), Display(Name = "ansvarig")] public string Ansvarig { get; set; } = "";
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [Required, Display(Name = "uppföljningsdatum")] public DateOnly? Uppfoljning { get; set; }
        public bool ArStod { get; set; }
    }

    public sealed class UtvarderingInput
    {
        [Required, Display(Name = "utfall")] public AvvecklingUtfall? Utfall { get; set; }
        [Required, StringLength(4000), Display(Name = "utvärdering"), DataType(DataType.MultilineText)] public string Text { get; set; } = "";
        [Display(Name = "sista dag som chef")] public DateOnly? SistaDag { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Utvardering = new UtvarderingInput { Utfall = A.Utfall, Text = A.Utvardering ?? "", SistaDag = A.SistaDagSomChef };
        return Page();
    }

    public Task<IActionResult> OnPostFireAsync(int id, AvvecklingHandelse trigger) => ChangeAsync(id, drive: true, async () =>
    {
        var result = await service.FireAsync(A, trigger, User);
        return result.Succeeded ? Done($"{SwedishText.Of(trigger)}: klart.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostAtgardAsync(int id, [Bind(Prefix = nameof(NyAtgard))] AtgardInput input) => ChangeAsync(id, drive: true, () =>
    {
        NyAtgard = input;
        var result = service.LaggTillAtgard(A, new PlaneradAtgard(input.Beskrivning, input.Ansvarig, input.Datum!.Value, input.Uppfoljning!.Value, input.ArStod), User);
        return result.Succeeded ? Done("Åtgärden är tillagd i handlingsplanen.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostGenomfordAsync(int id, int atgardId) => ChangeAsync(id, drive: true, () =>
    {
        if (A.Atgarder.FirstOrDefault(x => x.Id == atgardId) is not { } x) return Refuse("Åtgärden finns inte.");
        x.GenomfordUtc ??= db.UtcNow;
        audit.Add(User, AuditAction.Andrade, AvvecklingService.ObjectType, A.Id, "Åtgärd genomförd");
        return Done("Åtgärden är markerad som genomförd.");
    });

    public Task<IActionResult> OnPostAnteckningAsync(int id, int atgardId, [DataType(DataType.MultilineText)] string? text) => ChangeAsync(id, drive: false, () =>
    {
        if (A.Atgarder.FirstOrDefault(x => x.Id == atgardId) is not { } x) return Refuse("Åtgärden finns inte.");
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4000) return Refuse("Skriv en anteckning (högst 4000 tecken).");
        x.Anteckningar.Add(new Uppfoljningsanteckning { KommunId = A.KommunId, SkrivenUtc = db.UtcNow, Av = User.Namn(), Text = text.Trim() });
        audit.Add(User, AuditAction.Andrade, AvvecklingService.ObjectType, A.Id, "Uppföljningsanteckning");
        return Done("Anteckningen är sparad.");
    });

    public Task<IActionResult> OnPostUtvarderingAsync(int id, [Bind(Prefix = nameof(Utvardering))] UtvarderingInput input) => ChangeAsync(id, drive: true, () =>
    {
        Utvardering = input;
        var result = service.SparaUtvardering(A, input.Utfall!.Value, input.Text, input.SistaDag, User);
        return result.Succeeded ? Done("Utvärderingen är sparad.") : Refuse(result.Reasons.ToArray());
    });

    public async Task<IActionResult> OnPostBilagaAsync(int id, IFormFile? fil)
    {
        if (!await LoadAsync(id) || !KanDriva) return NotFound();
        if (fil is null || fil.Length == 0) return Refuse("Välj en fil.");
        await using var stream = fil.OpenReadStream();
        var result = await documents.UploadAsync(stream, fil.FileName, DokumentTyp.Bilaga, AvvecklingDocumentAccess.Owner, A.Id, User.UserId()!);
        if (result.Error is not null) return Refuse(result.Error);
        audit.Add(User, AuditAction.Andrade, AvvecklingService.ObjectType, A.Id, "Bilaga tillagd");
        await db.SaveChangesAsync();
        return Done("Bilagan är sparad.");
    }

    private async Task<IActionResult> ChangeAsync(int id, bool drive, Func<Task<IActionResult>> change)
    {
        var posted = Version; // loading puts the current version in Version, for the page shown next
        if (!await LoadAsync(id)) return NotFound();
        // The concerned manager may write follow-up notes; only the employer side changes the plan. Outsiders see nothing.
        if (drive && !KanDriva) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await db.ChangeIfUnchangedAsync(A, posted, change, () => LoadAsync(id), Refuse);
    }

    private Task<IActionResult> ChangeAsync(int id, bool drive, Func<IActionResult> change) =>
        ChangeAsync(id, drive, () => Task.FromResult(change()));

    private IActionResult Done(string message)
    {
        TempData["Meddelande"] = message;
        return Redirect($"/avveckling/{A.Id}");
    }

    private IActionResult Refuse(params string[] reasons)
    {
        foreach (var reason in reasons) ModelState.AddModelError("", reason);
        Atgarder = Flode.Actions();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var a = await service.LoadAsync(id);
        if (a is null || !AvvecklingAccess.CanSee(User, a)) return false;
        A = a;
        Flode = service.Workflow(a);
        Atgarder = Flode.Actions();
        Version = a.Version;
        ModelState.Remove(nameof(Version));
        Bilagor = await db.Set<Dokument>().AsNoTracking().Where(d => d.OwnerType == AvvecklingDocumentAccess.Owner && d.OwnerId == id).ToListAsync();
        Historik = await db.WorkflowTransitions.AsNoTracking().Where(t => t.Workflow == "Avveckling" && t.SubjectId == id).OrderBy(t => t.Id).ToListAsync();
        if (AvvecklingAccess.IsHr(User))
            Logg = await db.Set<AuditEvent>().AsNoTracking().Where(e => e.ObjectType == AvvecklingService.ObjectType && e.ObjectId == id)
                .OrderByDescending(e => e.Id).Take(200).ToListAsync();
        return true;
    }
}
