using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Web.Pages.Policy;

/// <summary>Two published versions side by side: what a revision added, changed and removed. Public, like the versions.</summary>
[AllowAnonymous]
public class JamforModel(PolicyService service) : PageModel
{
    public LeadershipPolicy Fore { get; private set; } = null!;
    public LeadershipPolicy Efter { get; private set; } = null!;
    public PolicyJamforelseVy Vy { get; private set; } = null!;
    public IReadOnlyList<LeadershipPolicy> Versioner { get; private set; } = [];

    public IActionResult OnGet(string kommun, int? fran, int? till)
    {
        var versioner = service.Versioner(kommun);
        if (versioner.Count == 0) return NotFound();
        var efter = till is { } t ? versioner.FirstOrDefault(v => v.Versionsnummer == t) : versioner[^1];
        var fore = fran is { } f ? versioner.FirstOrDefault(v => v.Versionsnummer == f)
            : efter is null ? null : versioner.LastOrDefault(v => v.Versionsnummer < efter.Versionsnummer) ?? efter;
        if (fore is null || efter is null) return NotFound();
        (Fore, Efter, Versioner) = (fore, efter, versioner);
        Vy = new(PolicyJamforelse.Jamfor(fore, efter), $"Version {fore.Versionsnummer}", $"Version {efter.Versionsnummer}");
        return Page();
    }
}
