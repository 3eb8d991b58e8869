using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Akademi;

/// <summary>
/// One manager's track: the four steps, the development activities with a form to record one, and the knowledge
/// transfer checklist when they are leaving. Seen by the manager, their närmast högre chef and HR (ChefAccess); for
/// everyone else, and for people who are not managers, the page does not exist (404).
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Ledarakademin, "personId", "Spår och utvecklingsaktiviteter")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class SparModel(LedarakademinService service, AppDbContext db) : PageModel
{
    public LedarakademinSpar Spar { get; private set; } = null!;
    public LedarakademinLage Lage { get; private set; } = null!;
    public string? NarmastHogreChef { get; private set; }
    public IReadOnlyList<Utvecklingsaktivitet> Aktiviteter { get; private set; } = [];
    public Kompetensvaxling? Kompetensvaxling { get; private set; }
    public List<SelectListItem> Typer { get; private set; } = [];
    public bool KanStarta { get; private set; }
    public bool KanBocka { get; private set; }
    public DateOnly Idag { get; private set; }

    [BindProperty] public AktivitetInput Ny { get; set; } = new();
    [BindProperty] public StartInput Start { get; set; } = new();

    public sealed class AktivitetInput
    {
        [Required, Display(Name = "typ av aktivitet")] public AktivitetTyp? Typ { get; set; }
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [StringLength(500), Display(Name = "beskrivning")] public string? Beskrivning { get; set; }
    }

    public sealed class StartInput
    {
        [Required, Display(Name = "sista dag")] public DateOnly? SistaDag { get; set; }
        [Required, StringLength(200), Display(Name = "anledning")] public string Anledning { get; set; } = "";
    }

    public bool KanRegistrera(AktivitetTyp typ) => LedarakademinAccess.KanRegistrera(User, Spar.Chef.PersonId, Lage.Org, typ);

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAktivitetAsync(int personId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        ModelState.ValidateOnly(nameof(Ny));
        if (Ny.Typ is AktivitetTyp typ)
        {
            if (!KanRegistrera(typ))
                ModelState.AddModelError("Ny.Typ", "Medarbetarsamtal och lönesamtal registreras av närmast högre chef eller HR.");
            if (!Utvecklingsaktivitet.ArSamtal(typ) && string.IsNullOrWhiteSpace(Ny.Beskrivning))
                ModelState.AddModelError("Ny.Beskrivning", "Beskriv aktiviteten, till exempel kursens eller nätverkets namn.");
        }
        if (Ny.Datum > Idag) ModelState.AddModelError("Ny.Datum", "Datumet kan inte vara senare än i dag: registrera aktiviteten när den är genomförd.");
        if (!ModelState.IsValid) return Page();

        db.Add(new Utvecklingsaktivitet
        {
            KommunId = "", PersonId = personId, Typ = Ny.Typ!.Value, Datum = Ny.Datum!.Value,
            Beskrivning = string.IsNullOrWhiteSpace(Ny.Beskrivning) ? null : Ny.Beskrivning.Trim(),
            RegistreradAv = User.Namn(), RegistreradUtc = db.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        return Done($"{SwedishText.Of(Ny.Typ.Value)} {Ny.Datum:yyyy-MM-dd} är registrerad.");
    }

    public async Task<IActionResult> OnPostTaBortAsync(int personId, int aktivitetId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        var aktivitet = await db.Set<Utvecklingsaktivitet>().FirstOrDefaultAsync(a => a.Id == aktivitetId && a.PersonId == personId, ct);
        if (aktivitet is null) return NotFound();
        if (!KanRegistrera(aktivitet.Typ)) return Forbid();
        db.Remove(aktivitet);
        await db.SaveChangesAsync(ct);
        return Done($"{SwedishText.Of(aktivitet.Typ)} {aktivitet.Datum:yyyy-MM-dd} är borttagen.");
    }

    public async Task<IActionResult> OnPostStartaAsync(int personId, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        if (!KanStarta) return Forbid();
        ModelState.ValidateOnly(nameof(Start));
        if (ModelState.IsValid && Kompetensvaxling.SistaDagFel(Start.SistaDag!.Value, Idag) is { } fel) ModelState.AddModelError("Start.SistaDag", fel);
        if (!ModelState.IsValid) return Page();
        await service.StartaKompetensvaxlingAsync(personId, Start.SistaDag!.Value, Start.Anledning, User.Actor(), ct);
        await db.SaveChangesAsync(ct);
        return Done("Kompetensväxlingen är startad med checklistan för överlämning.");
    }

    public async Task<IActionResult> OnPostPunktAsync(int personId, int punktId, bool klar, CancellationToken ct)
    {
        if (!await LoadAsync(personId, ct)) return NotFound();
        var punkt = Kompetensvaxling?.Punkter.FirstOrDefault(p => p.Id == punktId);
        if (punkt is null) return NotFound();
        if (!KanBocka) return Forbid();
        punkt.KlarUtc = klar ? punkt.KlarUtc ?? db.UtcNow : null;
        punkt.KlarAv = klar ? punkt.KlarAv ?? User.Namn() : null;
        await db.SaveChangesAsync(ct);
        return Done(klar ? $"{punkt.Rubrik} är överlämnat." : $"{punkt.Rubrik} är markerat som inte klart.");
    }

    private RedirectToPageResult Done(string message)
    {
        TempData["Meddelande"] = message;
        return RedirectToPage();
    }


    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        Lage = await service.LoadAsync(personId, ct);
        if (Lage.For(personId) is not { } spar || !ChefAccess.CanSee(User, personId, Lage.Org)) return false;
        Spar = spar;
        Idag = service.Today;
        NarmastHogreChef = Lage.Org.ChefFor(personId) is int chef ? Lage.Namn.GetValueOrDefault(chef) : null;
        Aktiviteter = await db.Set<Utvecklingsaktivitet>().AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.Datum).ThenByDescending(a => a.Id).ToListAsync(ct);
        Kompetensvaxling = await db.Set<Kompetensvaxling>().Include(k => k.Punkter.OrderBy(p => p.Ordning))
            .Where(k => k.PersonId == personId).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        Typer = Enum.GetValues<AktivitetTyp>().Where(KanRegistrera).Select(t => new SelectListItem(SwedishText.Of(t), t.ToString(), t == Ny.Typ)).ToList();
        KanStarta = LedarakademinAccess.KanStartaKompetensvaxling(User, personId, Lage.Org) && Kompetensvaxling?.ArKlar != false;
        KanBocka = LedarakademinAccess.KanBocka(User, personId, Lage.Org);
        return true;
    }
}
