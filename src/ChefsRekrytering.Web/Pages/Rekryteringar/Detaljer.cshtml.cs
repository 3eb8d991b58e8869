using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using S = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>One recruitment: where it stands, what may be done next and why the rest must wait, and each step's record.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class DetaljerModel(AppDbContext db, RekryteringService service, UserManager<ApplicationUser> users, Gallring gallring) : PageModel
{
    public Rekrytering R { get; private set; } = null!;
    public IReadOnlyList<WorkflowAction<RekryteringsHandelse>> Atgarder { get; private set; } = [];
    public IReadOnlyList<WorkflowTransition> Historik { get; private set; } = [];
    public RekryteringWorkflow Flode { get; private set; } = null!;
    public List<SelectListItem> PanelVal { get; private set; } = [];
    public bool KanHantera => RekryteringAccess.CanManage(User, R);
    public bool ArHr => RekryteringAccess.IsHr(User);
    /// <summary>When the applicants' data goes, in words: the date once the recruitment is closed, else the rule.</summary>
    public string GallringText => gallring.GallrasUtc(R) is { } utc
        ? $"Sökandes personuppgifter och handlingar gallras {SwedishTime.ToLocal(utc):yyyy-MM-dd}, {gallring.Manader} månader efter " +
          $"{(R.State == S.Avbruten ? "avbrottet" : "anställningsbeslutet")}. Den anställdas ansökan och annonsen sparas."
        : $"Sökandes personuppgifter och handlingar gallras {gallring.Manader} månader efter anställningsbeslutet, eller efter ett avbrott.";

    [BindProperty] public Guid Version { get; set; }
    public BehovInput Behov { get; set; } = new();
    public LasInput Las { get; set; } = new();
    public AnnonsInput Annons { get; set; } = new();
    public MblInput Mbl { get; set; } = new();
    public BeslutInput Beslut { get; set; } = new();

    public sealed class LasInput
    {
        [Required, Display(Name = "utfall av kontrollen")] public LasUtfall? Utfall { get; set; }
        [StringLength(2000), Display(Name = "kommentar"), DataType(DataType.MultilineText)] public string? Kommentar { get; set; }
    }

    public sealed class AnnonsInput
    {
        [Required, StringLength(8000, MinimumLength = 100), Display(Name = "annonstext"), DataType(DataType.MultilineText)] public string Text { get; set; } = "";
        [Required, Display(Name = "sista ansökningsdag")] public DateOnly? SistaAnsokningsdag { get; set; }
    }

    public sealed class MblInput
    {
        [Required, Display(Name = "datum för förhandlingen")] public DateOnly? Datum { get; set; }
        [Required, StringLength(1000), Display(Name = "parter")] public string Parter { get; set; } = "";
        [Required, StringLength(2000), Display(Name = "utfall"), DataType(DataType.MultilineText)] public string Utfall { get; set; } = "";
    }

    public sealed class BeslutInput
    {
        [Required, Display(Name = "beslutsdatum")] public DateOnly? Datum { get; set; }
        [Required, StringLength(200), Display(Name = "beslutsfattare")] public string Beslutsfattare { get; set; } = "";
        [Required, Display(Name = "vald kandidat")] public int? KandidatId { get; set; }
        [StringLength(4000), Display(Name = "motivering"), DataType(DataType.MultilineText)] public string? Motivering { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Behov = BehovInput.From(R);
        Las = new LasInput { Utfall = R.LasUtfall, Kommentar = R.LasKommentar };
        Annons = new AnnonsInput { Text = R.Annonstext, SistaAnsokningsdag = R.SistaAnsokningsdag };
        Mbl = new MblInput { Datum = R.MblDatum, Parter = R.MblParter ?? "", Utfall = R.MblUtfall ?? "" };
        Beslut = new BeslutInput { Datum = R.BeslutDatum, Beslutsfattare = R.Beslutsfattare ?? "", KandidatId = R.ValdKandidatId, Motivering = R.BeslutMotivering };
        return Page();
    }

    public Task<IActionResult> OnPostFireAsync(int id, RekryteringsHandelse trigger, [DataType(DataType.MultilineText)] string? kommentar) => ChangeAsync(id, async () =>
    {
        if (MayFire(trigger) is { } denied) return Refuse(denied);
        // Closing tells everyone still in the process first, so the guard "all told" can hold.
        if (trigger is RekryteringsHandelse.Avbryt or RekryteringsHandelse.Tillsatt && service.Workflow(R).Actions().Any(a => a.Trigger == trigger && Offered(a)))
        {
            if (trigger == RekryteringsHandelse.Avbryt && string.IsNullOrWhiteSpace(kommentar))
                return Refuse("Ange ett skäl för att avbryta rekryteringen.");
            await service.CloseRemainingAsync(R, User.Actor());
        }
        var result = await service.FireAsync(R, trigger, User.Actor(), kommentar);
        return result.Succeeded ? Done($"{SwedishText.Of(trigger)}: klart.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostBehovAsync(int id, [Bind(Prefix = nameof(Behov))] BehovInput input) => ChangeAsync(id, async () =>
    {
        Behov = input;
        if (R.State is not (S.Utkast or S.Behovsprovning)) return Refuse("Behovet kan bara ändras före godkännandet.");
        if (Behov.EnhetId is int e && !await db.Enheter.AnyAsync(x => x.Id == e)) return Refuse("Enheten finns inte.");
        if (service.OnskatTilltradeFel(Behov.OnskatTilltrade) is { } fel) return Refuse(fel);
        Behov.ApplyTo(R);
        return Done("Behovet är sparat.");
    });

    public Task<IActionResult> OnPostLasAsync(int id, [Bind(Prefix = nameof(Las))] LasInput input) => ChangeAsync(id, () =>
    {
        Las = input;
        if (!ArHr) return Task.FromResult(Refuse("Företrädesrätten kontrolleras av HR."));
        if (R.State is not (S.Utkast or S.Behovsprovning or S.Kravprofil)) return Task.FromResult(Refuse("Företrädesrätten kontrolleras före annonseringen."));
        R.LasUtfall = Las.Utfall;
        R.LasKommentar = Las.Kommentar?.Trim();
        R.LasKontrolleradUtc = db.UtcNow;
        R.LasKontrolleradAv = User.Namn();
        return Task.FromResult(Done("Kontrollen av företrädesrätt är registrerad."));
    });

    public Task<IActionResult> OnPostAnnonsAsync(int id, [Bind(Prefix = nameof(Annons))] AnnonsInput input) => ChangeAsync(id, () =>
    {
        Annons = input;
        var result = service.SparaAnnons(R, input.Text, input.SistaAnsokningsdag!.Value);
        return Task.FromResult(result.Succeeded ? Done("Annonsen är sparad.") : Refuse(result.Reasons.ToArray()));
    });

    public Task<IActionResult> OnPostMblAsync(int id, [Bind(Prefix = nameof(Mbl))] MblInput input) => ChangeAsync(id, () =>
    {
        Mbl = input;
        var result = service.RegistreraMbl(R, input.Datum!.Value, input.Parter, input.Utfall, User.Actor());
        return Task.FromResult(result.Succeeded ? Done("Den fackliga samverkan är registrerad.") : Refuse(result.Reasons.ToArray()));
    });

    public Task<IActionResult> OnPostBeslutAsync(int id, [Bind(Prefix = nameof(Beslut))] BeslutInput input) => ChangeAsync(id, () =>
    {
        Beslut = input;
        var result = service.RegistreraBeslut(R, input.Datum!.Value, input.Beslutsfattare, input.KandidatId!.Value, input.Motivering);
        return Task.FromResult(result.Succeeded ? Done("Beslutet är registrerat. Fatta beslutet för att gå vidare till erbjudande.") : Refuse(result.Reasons.ToArray()));
    });

    public Task<IActionResult> OnPostPanelAsync(int id, string? userId) => ChangeAsync(id, async () =>
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || user.KommunId != R.KommunId) return Refuse("Välj en person i kommunen.");
        if (R.Panel.Any(p => p.UserId == user.Id) || user.Id == R.AgareUserId) return Refuse($"{user.Namn} är redan med i rekryteringen.");
        R.Panel.Add(new PanelMedlem { KommunId = R.KommunId, UserId = user.Id, Namn = user.Namn });
        return Done($"{user.Namn} är tillagd i intervjupanelen.");
    });

    public Task<IActionResult> OnPostTaBortPanelAsync(int id, int panelId) => ChangeAsync(id, () =>
    {
        var member = R.Panel.FirstOrDefault(p => p.Id == panelId);
        if (member is null) return Task.FromResult(Refuse("Panelmedlemmen finns inte."));
        R.Panel.Remove(member);
        return Task.FromResult(Done($"{member.Namn} är borttagen ur intervjupanelen."));
    });

    /// <summary>HR stops gallring of the applicants' data, for instance while a discrimination claim is tried.</summary>
    public Task<IActionResult> OnPostGallringsstoppAsync(int id, [DataType(DataType.MultilineText)] string? skal) => ChangeAsync(id, () =>
    {
        if (!ArHr) return Task.FromResult(Refuse("Gallringsstopp sätts av HR."));
        if (string.IsNullOrWhiteSpace(skal) || skal.Trim().Length > Gallring.SkalMaxLangd)
            return Task.FromResult(Refuse($"Ange skälet till gallringsstoppet (högst {Gallring.SkalMaxLangd} tecken), till exempel en anmälan om diskriminering."));
        gallring.SattStopp(R, skal, User);
        return Task.FromResult(Done("Gallringsstoppet är satt. Sökandes uppgifter sparas tills stoppet hävs."));
    });

    public Task<IActionResult> OnPostHavGallringsstoppAsync(int id) => ChangeAsync(id, () =>
    {
        if (!ArHr) return Task.FromResult(Refuse("Gallringsstopp hävs av HR."));
        if (!R.GallringsStopp) return Task.FromResult(Refuse("Rekryteringen har inget gallringsstopp."));
        gallring.HavStopp(R, User);
        return Task.FromResult(Done("Gallringsstoppet är hävt. Uppgifter vars tid har gått ut gallras vid nästa dagliga körning."));
    });

    /// <summary>Offered as a button: permitted now, or waiting only for applicants to be told, which the button does first.</summary>
    public static bool Offered(WorkflowAction<RekryteringsHandelse> a) => a.Permitted
        || a.Reasons.Count > 0 && a.Reasons.All(r => r is RekryteringWorkflow.AllaBeskedTillsatt or RekryteringWorkflow.AllaBeskedAvbryt);

    /// <summary>Whether this user may fire the trigger at all (the workflow decides whether it is possible now).</summary>
    public string? MayFire(RekryteringsHandelse trigger) => trigger switch
    {
        RekryteringsHandelse.GodkannBehov when !ArHr => "Behovet godkänns av HR.",
        _ when !KanHantera => "Bara rekryterande chef och HR kan driva rekryteringen.",
        _ => null,
    };

    /// <summary>
    /// Every change: load (404 if not visible), check the user may manage it, check the form's version so a change made
    /// meanwhile by someone else is never overwritten, run the change, save. Refusals show the page with the reason.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int id, Func<Task<IActionResult>> change)
    {
        var posted = Version; // loading puts the current version in Version, for the page shown next
        if (!await LoadAsync(id)) return NotFound();
        if (!KanHantera && !ArHr) return Forbid();
        if (!ModelState.IsValid)
        {
            Prepare();
            return Page();
        }
        return await db.ChangeIfUnchangedAsync(R, posted, change, () => LoadAsync(id), Refuse);
    }

    private IActionResult Done(string message)
    {
        TempData["Meddelande"] = message;
        return Redirect($"/rekrytering/{R.Id}");
    }

    private IActionResult Refuse(params string[] reasons)
    {
        foreach (var reason in reasons) ModelState.AddModelError("", reason);
        Prepare();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var r = await service.LoadAsync(id);
        if (r is null || !RekryteringAccess.CanView(User, r)) return false;
        R = r;
        Historik = await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.Workflow == "Rekrytering" && t.SubjectId == id).OrderBy(t => t.Id).ToListAsync();
        PanelVal = (await db.Users.Where(u => u.KommunId == r.KommunId).OrderBy(u => u.Namn).Select(u => new { u.Id, u.Namn }).ToListAsync())
            .Where(u => u.Id != r.AgareUserId && r.Panel.All(p => p.UserId != u.Id))
            .Select(u => new SelectListItem(u.Namn, u.Id)).ToList();
        Prepare();
        return true;
    }

    private void Prepare()
    {
        Flode = service.Workflow(R);
        Atgarder = Flode.Actions();
        Version = R.Version;
        ModelState.Remove(nameof(Version));
    }

    public string Tid(DateTime utc) => SwedishTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
