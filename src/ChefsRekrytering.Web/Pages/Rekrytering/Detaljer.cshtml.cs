using ChefsRekrytering.Platsbanken;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>One recruitment: where it stands, what may be done next and why the rest must wait, and each step's record.
/// Each form posts to one command of <see cref="RekryteringService"/> with the version the page was built from.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class DetaljerModel(RekryteringService service, Gallring gallring, PlatsbankenService platsbanken) : PageModel
{
    public Rekryteringsoversikt Oversikt { get; private set; } = null!;
    public Rekrytering Rekrytering => Oversikt.Rekrytering;
    /// <summary>The advert in Platsbanken, for HR and the owner (null for the panel).</summary>
    public Platsbankenstatus? Platsbanken { get; private set; }
    public IReadOnlyList<Begrepp> Kommunval => platsbanken.Kommunval;
    /// <summary>When the applicants' data goes, in words: the date once the recruitment is closed, else the rule.</summary>
    public string GallringText => gallring.GallrasUtc(Rekrytering) is { } utc
        ? $"Sökandes personuppgifter och handlingar gallras {SwedishTime.ToLocal(utc):yyyy-MM-dd}, {gallring.Manader} månader efter " +
          $"{(Rekrytering.State == RekryteringsTillstand.Avbruten ? "avbrottet" : "anställningsbeslutet")}. Den anställdas ansökan och annonsen sparas."
        : $"Sökandes personuppgifter och handlingar gallras {gallring.Manader} månader efter anställningsbeslutet, eller efter ett avbrott.";

    /// <summary>The page's sections by their heading's id without "-rubrik", in the process's order.</summary>
    public static readonly IReadOnlyList<string> Ordning = ["behov", "kravprofil", "annons", "kandidater", "panel", "mbl", "beslut", "arkiv", "historik"];

    /// <summary>The sections that hold a phase's work, in the order it is done: shown first, and open.</summary>
    public static IReadOnlyList<string> Aktuella(RekryteringsTillstand fas) => fas switch
    {
        RekryteringsTillstand.Utkast or RekryteringsTillstand.Behovsprovning => ["behov"],
        RekryteringsTillstand.Kravprofil => ["kravprofil", "annons"],
        RekryteringsTillstand.Annonserad => ["annons", "kandidater"],
        RekryteringsTillstand.Urval or RekryteringsTillstand.Intervjuer => ["kandidater", "panel"],
        // The MBL record is made from here once a candidate is proposed (it takes the recruitment on to the decision).
        RekryteringsTillstand.Referenser => ["kandidater", "mbl"],
        RekryteringsTillstand.FackligSamverkan => ["mbl"],
        RekryteringsTillstand.Beslut => ["beslut"],
        RekryteringsTillstand.Erbjudande => ["kandidater", "beslut"],
        RekryteringsTillstand.Tillsatt => ["beslut", "kandidater", "arkiv", "historik"],
        _ => ["arkiv", "historik"],
    };

    /// <summary>The current phase's work, shown first and open.</summary>
    public IReadOnlyList<string> AvsnittNu => Aktuella(Rekrytering.State);

    /// <summary>The other sections, folded below the process in its order.</summary>
    public IEnumerable<string> OvrigaAvsnitt => Ordning.Except(AvsnittNu);

    /// <summary>Open: the phase's work, or the section whose form was just sent and answered on the page (its errors or
    /// reasons, what was typed), wherever it stands.</summary>
    public bool Oppet(string avsnitt) => Aktuella(Rekrytering.State).Contains(avsnitt)
        || (HttpMethods.IsPost(Request.Method) && FormularensAvsnitt.GetValueOrDefault(RouteData.Values["handler"] as string ?? Request.Query["handler"].ToString()) == avsnitt);

    private static readonly Dictionary<string, string> FormularensAvsnitt = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Behov"] = "behov", ["Las"] = "behov", ["Annons"] = "annons", ["Panel"] = "panel", ["TaBortPanel"] = "panel",
        ["Mbl"] = "mbl", ["Beslut"] = "beslut", ["Gallringsstopp"] = "arkiv", ["HavGallringsstopp"] = "arkiv",
    };

    [BindProperty] public Guid Version { get; set; }

    // The candidate list's filter and order on the screening answers (UrvalsfragaService.Lista), from the query string.
    [BindProperty(SupportsGet = true, Name = "krav")] public string? KravFilter { get; set; }
    /// <summary>A question and an answer, "12:Ja".</summary>
    [BindProperty(SupportsGet = true, Name = "villkor")] public string? Villkor { get; set; }
    [BindProperty(SupportsGet = true, Name = "sortera")] public int? SorteraPa { get; set; }
    public Urvalsfilter Urvalsfilter => Villkor?.Split(':', 2) is [var f, var svar] && int.TryParse(f, out var fragaId)
        ? new(KravFilter == "alla", fragaId, svar, SorteraPa) : new(KravFilter == "alla", null, null, SorteraPa);
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
        // Platsbanken (shown when it is configured): concept ids chosen by their Swedish labels, and the workplace address.
        [StringLength(40), Display(Name = "yrke")] public string? Yrke { get; set; }
        [StringLength(40), Display(Name = "kommun")] public string? Kommun { get; set; }
        [StringLength(40), Display(Name = "anställningstyp")] public string? Anstallningstyp { get; set; }
        [StringLength(40), Display(Name = "varaktighet")] public string? Varaktighet { get; set; }
        [StringLength(40), Display(Name = "arbetstid")] public string? Arbetstid { get; set; }
        [StringLength(40), Display(Name = "lönetyp")] public string? Lonetyp { get; set; }
        [StringLength(200), Display(Name = "gatuadress")] public string? Gatuadress { get; set; }
        [StringLength(10), Display(Name = "postnummer")] public string? Postnummer { get; set; }
        [StringLength(100), Display(Name = "ort")] public string? Ort { get; set; }

        public Platsbanksfalt Falt() => new(Yrke, Kommun, Anstallningstyp, Varaktighet, Arbetstid, Lonetyp, Gatuadress, Postnummer, Ort);

        public static AnnonsInput From(Rekrytering r)
        {
            var f = Platsbanksfalt.Fran(r);
            return new AnnonsInput
            {
                Text = r.Annonstext, SistaAnsokningsdag = r.SistaAnsokningsdag, Yrke = f.Yrke, Kommun = f.Kommun, Anstallningstyp = f.Anstallningstyp,
                Varaktighet = f.Varaktighet, Arbetstid = f.Arbetstid, Lonetyp = f.Lonetyp, Gatuadress = f.Gatuadress, Postnummer = f.Postnummer, Ort = f.Ort,
            };
        }
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

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    // Each form returns to its own section (the fragment), not to the top of a long page.
    public Task<IActionResult> OnPostFireAsync(int id, RekryteringsHandelse trigger, [DataType(DataType.MultilineText)] string? kommentar) =>
        CallAsync(id, "nasta-rubrik", ct => service.FireAsync(id, Version, trigger, kommentar, User, ct));

    public Task<IActionResult> OnPostBehovAsync(int id, [Bind(Prefix = nameof(Behov))] BehovInput input) =>
        CallAsync(id, "behov-rubrik", ct => service.SparaBehovAsync(id, Version, input.Behov(), User, ct));

    public Task<IActionResult> OnPostLasAsync(int id, [Bind(Prefix = nameof(Las))] LasInput input, bool godkann) =>
        CallAsync(id, godkann ? "nasta-rubrik" : "behov-rubrik", ct => service.RegistreraLasAsync(id, Version, input.Utfall, input.Kommentar, User, ct, godkann));

    public Task<IActionResult> OnPostAnnonsAsync(int id, [Bind(Prefix = nameof(Annons))] AnnonsInput input, bool publicera) =>
        CallAsync(id, publicera ? "nasta-rubrik" : "annons-rubrik",
            ct => service.SparaAnnonsAsync(id, Version, input.Text, input.SistaAnsokningsdag!.Value, User, ct, publicera, input.Falt()));

    public Task<IActionResult> OnPostMblAsync(int id, [Bind(Prefix = nameof(Mbl))] MblInput input) =>
        CallAsync(id, "beslut-rubrik", ct => service.RegistreraMblAsync(id, Version, input.Datum!.Value, input.Parter, input.Utfall, User, ct));

    public Task<IActionResult> OnPostBeslutAsync(int id, [Bind(Prefix = nameof(Beslut))] BeslutInput input) =>
        CallAsync(id, "kandidater-rubrik",
            ct => service.RegistreraBeslutAsync(id, Version, input.Datum!.Value, input.Beslutsfattare, input.KandidatId!.Value, input.Motivering, User, ct));

    public Task<IActionResult> OnPostPanelAsync(int id, string? userId) =>
        CallAsync(id, "panel-rubrik", ct => service.LaggTillIPanelenAsync(id, Version, userId, User, ct));

    public Task<IActionResult> OnPostTaBortPanelAsync(int id, int panelId) =>
        CallAsync(id, "panel-rubrik", ct => service.TaBortUrPanelenAsync(id, Version, panelId, User, ct));

    public Task<IActionResult> OnPostGallringsstoppAsync(int id, [DataType(DataType.MultilineText)] string? skal) =>
        CallAsync(id, "arkiv-rubrik", ct => service.SattGallringsstoppAsync(id, Version, skal, User, ct));

    public Task<IActionResult> OnPostHavGallringsstoppAsync(int id) =>
        CallAsync(id, "arkiv-rubrik", ct => service.HavGallringsstoppAsync(id, Version, User, ct));

    /// <summary>A form that did not bind shows its errors; otherwise its command runs and the page answers it, returning to
    /// <paramref name="avsnitt"/>. A version that did not bind is no version: the command answers that someone else
    /// changed the recruitment.</summary>
    private async Task<IActionResult> CallAsync(int id, string avsnitt, Func<CancellationToken, Task<CommandResult>> command)
    {
        ModelState.Remove(nameof(Version));
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        return await this.AnswerAsync(await command(HttpContext.RequestAborted), () => LoadAsync(id), fragment: avsnitt);
    }

    /// <summary>The recruitment as this user may see it (null: 404), and every form filled from it; a posted form keeps
    /// what was typed (the tag helpers show the posted values), and the version is the one now stored.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        if (await service.OversiktAsync(id, User, HttpContext.RequestAborted) is not { } oversikt) return false;
        Oversikt = oversikt;
        var r = oversikt.Rekrytering;
        Version = r.Version;
        ModelState.Remove(nameof(Version));
        Behov = BehovInput.From(r);
        Las = new LasInput { Utfall = r.LasUtfall, Kommentar = r.LasKommentar };
        Annons = AnnonsInput.From(r);
        Platsbanken = await platsbanken.StatusAsync(r, User, HttpContext.RequestAborted);
        Mbl = new MblInput { Datum = r.MblDatum, Parter = r.MblParter ?? "", Utfall = r.MblUtfall ?? "" };
        Beslut = new BeslutInput { Datum = r.BeslutDatum, Beslutsfattare = r.Beslutsfattare ?? "", KandidatId = r.ValdKandidatId, Motivering = r.BeslutMotivering };
        return true;
    }

    public string Tid(DateTime utc) => SwedishTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm");
}
