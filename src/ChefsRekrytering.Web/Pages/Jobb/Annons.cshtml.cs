using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using Microsoft.Extensions.Options;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using Microsoft.Extensions.Localization;

namespace ChefsRekrytering.Web.Pages.Jobb;

/// <summary>
/// One advert and its application form, for anyone. An advert that is not published, or whose last day has passed,
/// answers 404 with a page saying so. The size limits sit on the class because Razor Pages ignore filter
/// attributes on handler methods.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PortalRateLimits.Ansokan)]
public class AnnonsModel(AnsokanService ansokan, PolicyLibrary policies, DocumentOptions documentOptions, MailLinks links,
    IOptions<Arkiv.GallringOptions> gallring, IWebHostEnvironment env, IStringLocalizer<Sokandetexter> T) : PageModel
{
    /// <summary>Two files of at most Storage:Documents:MaxBytes (10 MB by default) and a few text fields.</summary>
    private const long MaxRequestBytes = 25 * 1024 * 1024;

    public Annons? Annons { get; private set; }
    public LeadershipPolicy? Policy { get; private set; }
    /// <summary>The recruitment's screening questions, answered on the form.</summary>
    public IReadOnlyList<Urvalsfraga> Urvalsfragor { get; private set; } = [];
    /// <summary>The refusals in the form's order, for the summary above it.</summary>
    public IReadOnlyList<string> Fel { get; private set; } = [];
    /// <summary>What the applicant is told about their data (the legal basis, not a consent), with this deployment's retention time.</summary>
    public IReadOnlyList<string> Personuppgiftstext => Personuppgiftsinformation.Text(Annons!.Kommun, gallring.Value.ManaderEfterBeslut, Sokandesprak.Nu);
    /// <summary>The advert as schema.org JobPosting, for search engines (<see cref="JobPosting"/>).</summary>
    public string JsonLd => JobPosting.Json(Annons!, links.For(Url.Page("/Jobb/Annons", new { id = Annons!.Id })!),
        KommunLogotyp.For(env.WebRootFileProvider, Annons.KommunId) is { Egen: true } logotyp ? links.For(logotyp.Sokvag) : null);
    public string MaxFilstorlek => Filstorlek.Text(documentOptions.MaxBytes);

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The form's fields; the checks are <see cref="AnsokanService"/>'s, so no caller can skip them.</summary>
    public sealed class InputModel
    {
        [Display(Name = "förnamn")] public string Fornamn { get; set; } = "";
        [Display(Name = "efternamn")] public string Efternamn { get; set; } = "";
        [Display(Name = "e-postadress")] public string Epost { get; set; } = "";
        [Display(Name = "telefonnummer")] public string Telefon { get; set; } = "";
        [Display(Name = "CV")] public IFormFile? Cv { get; set; }
        [Display(Name = "personligt brev")] public IFormFile? Brev { get; set; }
        /// <summary>The answers to the screening questions by question id (fields Input.Svar[id]). Multi-line, so a free-text
        /// answer keeps its paragraphs; the service makes every other answer one line.</summary>
        [DataType(DataType.MultilineText)] public Dictionary<int, string?> Svar { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : InteAktuell();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return InteAktuell();
        await using var cv = Input.Cv?.OpenReadStream();
        await using var brev = Input.Brev?.OpenReadStream();
        var result = await ansokan.SubmitAsync(id,
            new NyAnsokan(Input.Fornamn, Input.Efternamn, Input.Epost, Input.Telefon,
                cv is null ? null : new AnsokanFil(Input.Cv!.FileName, cv), brev is null ? null : new AnsokanFil(Input.Brev!.FileName, brev), Input.Svar,
                Sokandesprak.Nu),
            // The link in the mail opens the page in the language the applicant applied in.
            token => links.For(Url.Page("/Ansokan/Index", new { token, sprak = Sokandesprak.Nu == Sprak.Engelska ? Sprak.Engelska : null })!), ct);
        if (result.Succeeded)
        {
            TempData["Meddelande"] = T["Tack! Din ansökan är skickad. Vi har mejlat en bekräftelse med länken till den här sidan – spara mejlet."].Value;
            return RedirectToPage("/Ansokan/Index", new { token = result.Token });
        }
        Fel = result.Fel.Select(T.Ord).ToList();
        foreach (var fel in result.Fel) ModelState.AddModelError(fel.Falt is null ? "" : $"{nameof(Input)}.{fel.Falt}", T.Ord(fel));
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Annons = await ansokan.FindPublishedAsync(id, ct);
        Policy = Annons is null ? null : policies.Find(Annons.KommunId);
        Urvalsfragor = Annons is null ? [] : await ansokan.UrvalsfragorAsync(id, ct);
        return Annons is not null;
    }

    private PageResult InteAktuell()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
