using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Web.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Introduktioner;

/// <summary>One new manager's introduction: the checklist with owners and due dates, progress, follow-up talks.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class DetaljerModel(AppDbContext db, IntroduktionService service, PolicyLibrary policies) : PageModel
{
    public Introduktion I { get; private set; } = null!;
    public IntroduktionWorkflow Flode { get; private set; } = null!;
    public IReadOnlyList<WorkflowAction<IntroduktionHandelse>> Atgarder { get; private set; } = [];
    public Dictionary<int, Mote> Moten { get; private set; } = [];
    public LeadershipPolicy Policy { get; private set; } = null!;
    public IReadOnlyList<WorkflowTransition> Historik { get; private set; } = [];
    public DateOnly Idag => service.Today;
    private OrgChart _org = null!;

    [BindProperty] public Guid Version { get; set; }
    public BokningInput Bokning { get; set; } = new();

    public sealed class BokningInput
    {
        [Required, Display(Name = "datum")] public DateOnly? Datum { get; set; }
        [Required, Display(Name = "starttid")] public TimeOnly? Start { get; set; }
        [Range(15, 240), Display(Name = "längd i minuter")] public int Minuter { get; set; } = 60;
        [Required, StringLength(300), Display(Name = "plats")] public string Plats { get; set; } = "";
    }

    public bool ArSjalv => ChefAccess.IsSelf(User, I.ChefPersonId);
    /// <summary>HR, the hiring manager and the närmast högre chef run the introduction for the employer.</summary>
    public bool ForArbetsgivaren => ChefAccess.ActsForEmployer(User, I.ChefPersonId, _org) || I.AnstallandeChefUserId == User.UserId();

    public bool KanMarkera(IntroduktionPunkt p) => I.State is IntroduktionTillstand.Pagar or IntroduktionTillstand.Uppfoljning or IntroduktionTillstand.Planerad
        && p.KlarUtc is null && p.Typ switch
        {
            PunktTyp.Policyavsnitt => ArSjalv, // only the new manager can confirm having read the policy
            _ => p.Agare switch
            {
                PunktAgare.NyChef => ArSjalv || User.IsInRole(Roller.HR),
                PunktAgare.HR => User.IsInRole(Roller.HR),
                _ => ForArbetsgivaren,
            },
        };

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostFireAsync(int id, IntroduktionHandelse trigger, [DataType(DataType.MultilineText)] string? kommentar) => ChangeAsync(id, () =>
    {
        if (!ForArbetsgivaren) return Refuse("Introduktionen drivs av anställande chef och HR.");
        var result = Flode.Fire(trigger, User.Actor(), kommentar);
        return result.Succeeded ? Done($"{SwedishText.Of(trigger)}: klart.") : Refuse(result.Reasons.ToArray());
    });

    public Task<IActionResult> OnPostKlarAsync(int id, int punktId, [DataType(DataType.MultilineText)] string? kommentar) => ChangeAsync(id, () =>
    {
        var punkt = I.Punkter.FirstOrDefault(p => p.Id == punktId);
        if (punkt is null) return Refuse("Punkten finns inte.");
        if (!KanMarkera(punkt)) return Refuse("Du kan inte markera den här punkten som klar.");
        service.Complete(punkt, User.Namn(), kommentar);
        return Done(punkt.Typ == PunktTyp.Policyavsnitt ? $"Du har bekräftat att du läst ”{punkt.Rubrik}”." : $"”{punkt.Rubrik}” är klar.");
    });

    public Task<IActionResult> OnPostBokaAsync(int id, int punktId, [Bind(Prefix = nameof(Bokning))] BokningInput input) => ChangeAsync(id, async () =>
    {
        Bokning = input;
        if (I.Punkter.FirstOrDefault(p => p.Id == punktId) is not { } punkt) return Refuse("Uppföljningssamtalet finns inte.");
        if (!ForArbetsgivaren) return Refuse("Uppföljningssamtal bokas av anställande chef eller HR.");
        var result = await service.BokaUppfoljningAsync(I, punkt, new Motestid(input.Datum!.Value, input.Start!.Value, input.Minuter), input.Plats.Trim());
        return result.Succeeded ? Done($"”{punkt.Rubrik}” är bokat och kallelser med kalenderinbjudan skickas.") : Refuse(result.Reasons.ToArray());
    });

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<IActionResult>> change)
    {
        var posted = Version; // loading puts the current version in Version, for the page shown next
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await db.ChangeIfUnchangedAsync(I, posted, change, () => LoadAsync(id), Refuse);
    }

    private Task<IActionResult> ChangeAsync(int id, Func<IActionResult> change) => ChangeAsync(id, () => Task.FromResult(change()));

    private IActionResult Done(string message)
    {
        TempData["Meddelande"] = message;
        return Redirect($"/introduktion/{I.Id}");
    }

    private IActionResult Refuse(params string[] reasons)
    {
        foreach (var reason in reasons) ModelState.AddModelError("", reason);
        Atgarder = Flode.Actions();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var intro = await service.LoadAsync(id);
        if (intro is null) return false;
        _org = await db.LoadOrgChartAsync();
        I = intro;
        if (!ChefAccess.CanSee(User, intro.ChefPersonId, _org) && intro.AnstallandeChefUserId != User.UserId()) return false;
        Flode = service.Workflow(intro);
        Atgarder = Flode.Actions();
        Moten = await service.MeetingsAsync(intro);
        Policy = policies.Get(intro.KommunId);
        Historik = await db.WorkflowTransitions.AsNoTracking().Where(t => t.Workflow == "Introduktion" && t.SubjectId == id).OrderBy(t => t.Id).ToListAsync();
        Version = intro.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
