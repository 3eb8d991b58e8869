using ChefsRekrytering.Calendar;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Rekryteringar;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace ChefsRekrytering.Web.Pages.Ansokan;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>
/// The applicant's own page, reached through the private link in the confirmation mail: where the application
/// stands, what was sent, and a way to withdraw it (<see cref="AnsokanService.AtertaAsync"/>). The address carries the
/// secret, so no cache keeps the page and no link on it passes the address on as a referrer. An unknown token is a plain 404.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class IndexModel(AnsokanService ansokan, IStringLocalizer<Sokandetexter> T) : PageModel
{
    public MinAnsokan Ansokan { get; private set; } = null!;
    public Kandidat Kandidat => Ansokan.Kandidat;
    public Rekrytering Rekrytering => Ansokan.Rekrytering;
    public string Kommun => Ansokan.Kommun;
    public AnsokanLage Lage => Ansokan.Lage;
    public IReadOnlyList<(DokumentTyp Typ, string Namn)> Dokument => Ansokan.Dokument;
    public Mote? Intervju => Ansokan.Intervju;
    public IReadOnlyList<Intervjutid> Intervjutider => Ansokan.Intervjutider;
    public Erbjudandevy? Erbjudande => Ansokan.Erbjudande;

    /// <summary>The application as this page showed it: withdrawing what someone changed meanwhile is refused and explained.</summary>
    [BindProperty] public Guid? Version { get; set; }
    [BindProperty, Display(Name = "bekräftelse")] public bool Bekraftar { get; set; }
    /// <summary>The heading over the reasons a form was refused, after the form.</summary>
    public string FelRubrik { get; private set; } = "Ansökan kunde inte återtas";
    [BindProperty, Display(Name = "bekräftelse av svaret")] public bool BekraftarSvar { get; set; }
    /// <summary>The answer to "Hur upplevde du rekryteringen?", 1–5, and an optional comment (<see cref="AnsokanService.SvaraPaUpplevelsenAsync"/>).</summary>
    [BindProperty, Display(Name = "betyg")] public int? Betyg { get; set; }
    [BindProperty, Display(Name = "kommentar"), DataType(DataType.MultilineText)] public string? Kommentar { get; set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) =>
        Response.Headers["Referrer-Policy"] = "no-referrer";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAtertaAsync(string token, CancellationToken ct)
    {
        if (!Bekraftar)
        {
            ModelState.AddModelError(nameof(Bekraftar), T["Kryssa i rutan för att bekräfta att du vill återta din ansökan."]);
            return await LoadAsync(token, ct) ? Page() : NotFound();
        }
        // Refused: the application as it now is, not as the refused withdrawal left it in memory.
        return await this.AnswerAsync(T.Ord(await ansokan.AtertaAsync(token, Version, ct)), () => LoadAsync(token, ct));
    }

    /// <summary>Books, or moves to, the interview time chosen; a taken or past time is refused and the free ones shown again.</summary>
    public async Task<IActionResult> OnPostBokaTidAsync(string token, int tid, CancellationToken ct)
    {
        FelRubrik = "Tiden kunde inte bokas";
        return await this.AnswerAsync(T.Ord(await ansokan.BokaIntervjutidAsync(token, tid, Version, ct)), () => LoadAsync(token, ct), fragment: "intervjutid");
    }

    /// <summary>The answer to the offer, yes or no, when the box confirming it is ticked.</summary>
    public async Task<IActionResult> OnPostSvaraAsync(string token, bool ja, CancellationToken ct)
    {
        FelRubrik = "Svaret kunde inte lämnas";
        return await this.AnswerAsync(T.Ord(await ansokan.SvaraPaErbjudandetAsync(token, ja, BekraftarSvar, Version, ct)), () => LoadAsync(token, ct), fragment: "erbjudande");
    }

    /// <summary>The one question about the recruitment, after the outcome: a score from 1 to 5 (said at the field), once.</summary>
    public async Task<IActionResult> OnPostUpplevelseAsync(string token, CancellationToken ct)
    {
        FelRubrik = "Svaret kunde inte skickas";
        if (Betyg is not (>= 1 and <= 5))
        {
            ModelState.AddModelError(nameof(Betyg), T[AnsokanService.UpplevelseBetyg]);
            return await LoadAsync(token, ct) ? Page() : NotFound();
        }
        return await this.AnswerAsync(T.Ord(await ansokan.SvaraPaUpplevelsenAsync(token, Betyg.Value, Kommentar, ct)), () => LoadAsync(token, ct), fragment: "upplevelse");
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        if (await ansokan.MinAnsokanAsync(token, ct) is not { } minAnsokan) return false;
        Ansokan = minAnsokan;
        Version = minAnsokan.Kandidat.Version;
        ModelState.Remove(nameof(Version));
        return true;
    }
}
