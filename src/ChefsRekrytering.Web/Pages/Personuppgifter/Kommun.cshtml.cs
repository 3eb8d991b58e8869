using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Rekryteringar;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Personuppgifter;

/// <summary>One municipality's privacy notice, for anyone: the controller with its organisation number, the data
/// protection officer, the legal basis, how long applicants' data is kept (Gallring:ManaderEfterBeslut), who receives
/// it, the reader's rights and how to complain to IMY.</summary>
[AllowAnonymous]
public class KommunModel(AnsokanService ansokan, IOptions<PersonuppgifterOptions> options, IOptions<GallringOptions> gallring) : PageModel
{
    public ChefsRekrytering.Kommuner.Kommun Kommun { get; private set; } = null!;
    public PersonuppgifterOptions.Kontakt Kontakt { get; private set; } = null!;
    public int LagringManader => gallring.Value.ManaderEfterBeslut;

    /// <summary>The organisation number as it is usually written (212000-2411), or null when not recorded.</summary>
    public string? Organisationsnummer => Kommun.Organisationsnummer is { Length: 10 } n ? $"{n[..6]}-{n[6..]}" : null;

    public async Task<IActionResult> OnGetAsync(string kommun, CancellationToken ct)
    {
        if ((await ansokan.KommunerAsync(ct)).FirstOrDefault(k => k.Id == kommun) is not { } k) return NotFound();
        Kommun = k;
        Kontakt = options.Value.For(k.Id);
        return Page();
    }
}
