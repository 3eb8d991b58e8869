using ChefsRekrytering.Organisation.Personalimport;

namespace ChefsRekrytering.Web.Pages.Admin;

/// <summary>Which header of the municipality's personnel export holds each column: one field per column, saved together.</summary>
[Authorize(Policy = Behorighet.Admin)]
public class PersonalimportKolumnerModel(PersonalimportService import) : PageModel
{
    /// <summary>The header per column, by <see cref="Kolumnmappning.Falt"/>'s property name.</summary>
    [BindProperty] public Dictionary<string, string?> Rubriker { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync() =>
        await this.AnswerAsync(await import.SparaKolumnmappningAsync(Rubriker, User, HttpContext.RequestAborted), () => LoadAsync(keepPosted: true));

    public async Task<IActionResult> OnPostAterstallAsync() =>
        await this.AnswerAsync(await import.AterstallKolumnmappningAsync(User, HttpContext.RequestAborted), () => LoadAsync());

    /// <summary>The stored headers, unless the person's own refused input is to stay in the fields.</summary>
    private async Task<bool> LoadAsync(bool keepPosted = false)
    {
        if (await import.KolumnerAsync(User, HttpContext.RequestAborted) is not { } mappning) return false;
        if (!keepPosted) Rubriker = Kolumnmappning.Falt.ToDictionary(f => f.Egenskap, f => (string?)mappning.Rubrik(f.Egenskap));
        return true;
    }
}
