using System.ComponentModel.DataAnnotations;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using S = ChefsRekrytering.Ledarskap.UppdragskontraktTillstand;

namespace ChefsRekrytering.Web.Pages.Ledarskap;

/// <summary>
/// A manager's uppdragskontrakt: the version in force with its yearly re-assessment, the draft each side confirms, the
/// form that writes the draft from the policy, and the earlier versions. Seen only by the parties and HR.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[Lasloggas(Granskningsobjekt.Uppdragskontrakt, "personId", "Uppdragskontraktet")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class UppdragskontraktModel(AppDbContext db, UppdragskontraktService service, PolicyLibrary policies) : PageModel
{
    public Person Chef { get; private set; } = null!;
    public ChefParter Parter { get; private set; } = null!;
    public LeadershipPolicy Policy { get; private set; } = null!;
    public IReadOnlyList<Uppdragskontrakt> Versioner { get; private set; } = [];
    /// <summary>The närmast högre chef; null at the top of the tree, where the form names the principal.</summary>
    public Uppdragsgivare? NarmastHogreChef { get; private set; }
    public Uppdragskontrakt? Gallande => Versioner.FirstOrDefault(v => v.State == S.Bekraftat);
    public Uppdragskontrakt? Utkast => Versioner.FirstOrDefault(v => v.State == S.Utkast);
    public IEnumerable<Uppdragskontrakt> Ersatta => Versioner.Where(v => v.State == S.Ersatt);
    public DateOnly Idag => service.Today;
    /// <summary>The re-assessment is due within the reminder's month, or overdue.</summary>
    public bool OmprovningNara => Gallande?.OmprovasSenast <= Idag.AddDays(UppdragskontraktOmprovningsPaminnelse.DagarFore);

    /// <summary>The concurrency version of the record the posted form acts on (empty: no draft existed).</summary>
    [BindProperty] public Guid Version { get; set; }
    private KontraktInput? _kontrakt;
    private OmprovningInput? _omprovning;
    /// <summary>The draft form: what was posted, else the draft or the version in force to start from.</summary>
    public KontraktInput Kontrakt { get => _kontrakt ??= KontraktInput.From(Utkast ?? Gallande); set => _kontrakt = value; }
    public OmprovningInput Omprovning { get => _omprovning ??= new() { Datum = Idag }; set => _omprovning = value; }

    public sealed class KontraktInput
    {
        [Required, StringLength(4000), Display(Name = "ansvar"), DataType(DataType.MultilineText)] public string Ansvar { get; set; } = "";
        [Required, StringLength(4000), Display(Name = "åtaganden"), DataType(DataType.MultilineText)] public string Ataganden { get; set; } = "";
        [Required, StringLength(4000), Display(Name = "krav på resultat"), DataType(DataType.MultilineText)] public string Resultatkrav { get; set; } = "";
        [StringLength(4000), Display(Name = "hur arbetsgivaren möter förväntningarna"), DataType(DataType.MultilineText)] public string? ForvantningarKommentar { get; set; }
        [StringLength(200), Display(Name = "uppdragsgivare")] public string? Uppdragsgivare { get; set; }
        public List<string> KravIds { get; set; } = [];

        public static KontraktInput From(Uppdragskontrakt? k) => k is null ? new() : new()
        {
            Ansvar = k.Ansvar, Ataganden = k.Ataganden, Resultatkrav = k.Resultatkrav, ForvantningarKommentar = k.ForvantningarKommentar,
            Uppdragsgivare = k.UppdragsgivarePersonId is null ? k.UppdragsgivareNamn : null, KravIds = KontraktInnehall.Of(k).KravIds.ToList(),
        };

        public KontraktInnehall Innehall() =>
            new(Ansvar.Trim(), Ataganden.Trim(), Resultatkrav.Trim(), string.IsNullOrWhiteSpace(ForvantningarKommentar) ? null : ForvantningarKommentar.Trim(), KravIds);
    }

    public sealed class OmprovningInput
    {
        [Required, Display(Name = "datum för omprövningen")] public DateOnly? Datum { get; set; }
        [Required, StringLength(4000), Display(Name = "anteckning från omprövningen"), DataType(DataType.MultilineText)] public string Anteckning { get; set; } = "";
        [Required, Display(Name = "utfall")] public OmprovningsUtfall? Utfall { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) =>
        await LoadAsync(personId, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSparaAsync(int personId, [Bind(Prefix = nameof(Kontrakt))] KontraktInput input, CancellationToken ct)
    {
        Kontrakt = input;
        return ChangeAsync(personId, () => Utkast, () =>
        {
            if (input.KravIds.Any(id => Policy.FindKrav(id) is null)) return this.Refuse("Okänt krav i formuläret.");
            var uppdragsgivare = NarmastHogreChef ?? (string.IsNullOrWhiteSpace(input.Uppdragsgivare)
                ? null : new Uppdragsgivare(null, input.Uppdragsgivare.Trim()));
            if (uppdragsgivare is null) return this.Refuse("Ange uppdragsgivaren, till exempel kommunstyrelsen eller dess företrädare.");
            var utkast = service.SparaUtkast(Versioner, Chef, uppdragsgivare, input.Innehall());
            return Done($"Utkastet till version {utkast.Versionsnummer} är sparat.");
        }, ct);
    }

    public Task<IActionResult> OnPostBekraftaAsync(int personId, KontraktSida sida, CancellationToken ct) =>
        ChangeAsync(personId, () => Utkast, async () =>
        {
            if (sida == KontraktSida.Chef ? !Parter.ArChefen : !Parter.ForArbetsgivaren)
                return this.Refuse(sida == KontraktSida.Chef ? "Bara chefen själv bekräftar chefens sida."
                    : "Uppdragsgivarens sida bekräftas av närmast högre chef eller HR.");
            var k = Utkast;
            var result = await service.BekraftaAsync(Versioner, sida, User.Actor(), ct);
            if (!result.Succeeded || k is null) return this.Refuse([.. result.Reasons]);
            return Done(k.State == S.Bekraftat
                ? $"Version {k.Versionsnummer} är bekräftad av båda parter och gäller från i dag. Den ska omprövas senast {k.OmprovasSenast:yyyy-MM-dd}."
                : $"Din bekräftelse av version {k.Versionsnummer} är registrerad. Kontraktet gäller när även den andra parten har bekräftat.");
        }, ct);

    public Task<IActionResult> OnPostOmprovningAsync(int personId, [Bind(Prefix = nameof(Omprovning))] OmprovningInput input, CancellationToken ct)
    {
        Omprovning = input;
        return ChangeAsync(personId, () => Gallande, () =>
        {
            if (!Parter.ForArbetsgivaren) return this.Refuse("Omprövningen registreras av uppdragsgivaren eller HR.");
            if (Gallande is not { } gallande) return this.Refuse("Det finns inget gällande kontrakt att ompröva.");
            if (input.Datum > Idag || input.Datum < gallande.GiltigFran)
                return this.Refuse($"Datumet för omprövningen ska vara mellan {gallande.GiltigFran:yyyy-MM-dd} och i dag.");
            var uppdragsgivare = NarmastHogreChef ?? new Uppdragsgivare(null, gallande.UppdragsgivareNamn);
            service.Omprova(Versioner, gallande, Chef, uppdragsgivare, input.Datum!.Value, input.Anteckning.Trim(), input.Utfall!.Value, User.Actor());
            return Done(input.Utfall == OmprovningsUtfall.FortsatterGalla
                ? $"Omprövningen är registrerad. Kontraktet fortsätter gälla och omprövas nästa gång senast {gallande.OmprovasSenast:yyyy-MM-dd}."
                : "Omprövningen är registrerad. Ett utkast till en ny version är öppnat: skriv om det och bekräfta det båda två.");
        }, ct);
    }

    /// <summary>
    /// Every change: load (404 if not visible), check the posted form was built from the record as it is now, run the
    /// change, save only if nobody changed the record meanwhile. Refusals show the page with the reason and change nothing.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int personId, Func<Uppdragskontrakt?> target, Func<Task<IActionResult>> change, CancellationToken ct)
    {
        var posted = Version;
        if (!await LoadAsync(personId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var root = target();
        if ((root?.Version ?? Guid.Empty) != posted) return this.Refuse(VersionedSave.Conflict);
        return await this.SaveIfUnchangedAsync(db, root, posted, await change(), () => LoadAsync(personId, ct));
    }

    private Task<IActionResult> ChangeAsync(int personId, Func<Uppdragskontrakt?> target, Func<IActionResult> change, CancellationToken ct) =>
        ChangeAsync(personId, target, () => Task.FromResult(change()), ct);

    private IActionResult Done(string message) => Ledarsidor.Done(this, $"/uppdragskontrakt/{Chef.Id}", message);

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        if (await db.LoadChefAsync(User, personId, ct) is not { } sida) return false;
        (Chef, Parter) = (sida.Chef, sida.Parter);
        Policy = policies.Get(sida.Chef.KommunId);
        Versioner = await service.VersionerAsync(personId, ct);
        NarmastHogreChef = await service.NarmastHogreChefAsync(personId, sida.Org, ct);
        return true;
    }
}
