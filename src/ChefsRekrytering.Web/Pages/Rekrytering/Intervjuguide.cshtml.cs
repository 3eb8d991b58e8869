using ChefsRekrytering.Rekryteringar;

namespace ChefsRekrytering.Web.Pages.Rekrytering;

using Rekrytering = ChefsRekrytering.Rekryteringar.Rekrytering; // the type, which the namespace Pages.Rekrytering would hide

/// <summary>The structured interview guide: the fixed kravprofil's questions, the same for every candidate, printable.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
public class IntervjuguideModel(RekryteringService service) : PageModel
{
    /// <summary>The municipality's follow-up questions (asked after every answer) and scale.</summary>
    public Intervjuformulering Formulering { get; private set; } = null!;

    public Rekrytering Rekrytering { get; private set; } = null!;
    public Kravprofil? Profil { get; private set; }
    public IReadOnlyList<KravprofilKompetens> Kompetenser { get; private set; } = [];
    /// <summary>Candidates whose scorecard can be filled in now, for the user's own links.</summary>
    public IReadOnlyList<Kandidat> AttBedoma { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.SynligAsync(id, User, ct) is not { Rekrytering: var r } synlig) return NotFound();
        Rekrytering = r;
        Formulering = await service.IntervjuformuleringAsync(User, ct);
        Profil = r.GallandeKravprofil;
        Kompetenser = Profil?.Ordnade() ?? [];
        AttBedoma = synlig.KanBedoma ? r.Kandidater.Where(k => Bedomningar.Hinder(k) is null).OrderBy(k => k.Visningsnamn).ToList() : [];
        return Page();
    }
}
