using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using S = ChefsRekrytering.Rekryteringar.RekryteringsTillstand;

namespace ChefsRekrytering.Web.Pages.Rekryteringar;

/// <summary>
/// The requirement profile, built from the municipality's own policy: its requirements are offered as competences,
/// the manager picks and weights them, adds role-specific ones, and fixes the profile. A fixed version never changes.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class KravprofilModel(AppDbContext db, RekryteringService service, PolicyLibrary policies) : PageModel
{
    public Rekrytering R { get; private set; } = null!;
    public LeadershipPolicy Policy { get; private set; } = null!;
    public bool KanAndra => RekryteringAccess.CanManage(User, R) && R.State <= S.Kravprofil;
    /// <summary>The profile shown: the draft being edited, else the one in force.</summary>
    public Kravprofil? Visad => R.Utkastprofil ?? R.GallandeKravprofil;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public List<PolicyVal> Val { get; set; } = [];
    [BindProperty] public List<EgenKompetens> Egna { get; set; } = [];

    public sealed class PolicyVal
    {
        public string KravId { get; set; } = "";
        public bool Med { get; set; }
        [Range(1, 5)] public int Vikt { get; set; } = 3;
        [StringLength(1000), DataType(DataType.MultilineText)] public string Fraga { get; set; } = "";
    }

    public sealed class EgenKompetens
    {
        [StringLength(1000), Display(Name = "kompetens")] public string Text { get; set; } = "";
        [Range(1, 5)] public int Vikt { get; set; } = 3;
        [StringLength(1000), DataType(DataType.MultilineText)] public string Fraga { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        FillForm();
        return Page();
    }

    public Task<IActionResult> OnPostSparaAsync(int id) => EditAsync(id, fix: false);

    public Task<IActionResult> OnPostFaststallAsync(int id) => EditAsync(id, fix: true);

    private async Task<IActionResult> EditAsync(int id, bool fix)
    {
        var posted = Version; // loading puts the current version in Version, for the page shown next
        if (!await LoadAsync(id)) return NotFound();
        if (!KanAndra) return Forbid();
        var known = Policy.AllaKrav.ToDictionary(k => k.Id);
        if (Val.Any(v => !known.ContainsKey(v.KravId))) ModelState.AddModelError("", "Okänt krav i formuläret.");
        var chosen = Val.Where(v => v.Med).ToList();
        var own = Egna.Where(e => !string.IsNullOrWhiteSpace(e.Text)).ToList();
        if (fix && chosen.Count + own.Count == 0) ModelState.AddModelError("", "Välj minst en kompetens innan kravprofilen fastställs.");
        if (!ModelState.IsValid) return Page();

        // Editing a fixed profile starts the next version; a draft is edited in place.
        var draft = R.Utkastprofil;
        if (draft is null)
        {
            draft = new Kravprofil { KommunId = R.KommunId, Version = (R.Kravprofiler.Max(k => (int?)k.Version) ?? 0) + 1 };
            R.Kravprofiler.Add(draft);
        }
        draft.Kompetenser.Clear();
        var order = 0;
        foreach (var v in chosen)
        {
            var krav = known[v.KravId];
            draft.Kompetenser.Add(new KravprofilKompetens
            {
                KommunId = R.KommunId, PolicyKravId = krav.Id, Omrade = krav.AreaNamn, Text = krav.Text, Vikt = v.Vikt,
                Intervjufraga = string.IsNullOrWhiteSpace(v.Fraga) ? Intervjufragor.For(krav.Text) : v.Fraga.Trim(), Ordning = order++,
            });
        }
        foreach (var e in own)
            draft.Kompetenser.Add(new KravprofilKompetens
            {
                KommunId = R.KommunId, Omrade = "Rollspecifik kompetens", Text = e.Text.Trim(), Vikt = e.Vikt,
                Intervjufraga = string.IsNullOrWhiteSpace(e.Fraga) ? Intervjufragor.For(e.Text) : e.Fraga.Trim(), Ordning = order++,
            });
        if (fix)
        {
            draft.Faststalld = true;
            draft.FaststalldUtc = db.UtcNow;
            draft.FaststalldAv = User.Namn();
        }
        if (!await db.SaveIfUnchangedAsync(R, posted))
        {
            await LoadAsync(id);
            FillForm();
            ModelState.AddModelError("", VersionedSave.Conflict);
            return Page();
        }
        TempData["Meddelande"] = fix ? $"Kravprofilen version {draft.Version} är fastställd." : $"Utkastet till version {draft.Version} är sparat.";
        return Redirect(fix ? $"/rekrytering/{id}" : $"/rekrytering/{id}/kravprofil");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var r = await service.LoadAsync(id);
        if (r is null || !RekryteringAccess.CanView(User, r)) return false;
        R = r;
        Policy = policies.Get(r.KommunId);
        Version = r.Version;
        return true;
    }

    /// <summary>Every policy requirement as a row, ticked and weighted as in the profile shown.</summary>
    private void FillForm()
    {
        var current = Visad?.Kompetenser ?? [];
        Val = Policy.AllaKrav.Select(k => current.FirstOrDefault(c => c.PolicyKravId == k.Id) is { } c
            ? new PolicyVal { KravId = k.Id, Med = true, Vikt = c.Vikt, Fraga = c.Intervjufraga }
            : new PolicyVal { KravId = k.Id, Fraga = Intervjufragor.For(k.Text) }).ToList();
        Egna = current.Where(c => c.PolicyKravId is null)
            .Select(c => new EgenKompetens { Text = c.Text, Vikt = c.Vikt, Fraga = c.Intervjufraga })
            .Concat(Enumerable.Range(0, 3).Select(_ => new EgenKompetens())).ToList();
    }
}
