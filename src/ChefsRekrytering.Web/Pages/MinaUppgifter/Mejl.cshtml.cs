using ChefsRekrytering.Notifications;

namespace ChefsRekrytering.Web.Pages.MinaUppgifter;

/// <summary>The mails the portal has sent the signed-in person: what they were told, and when, in one place.</summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class MejlModel(UtskickService utskick) : PageModel
{
    public IReadOnlyList<MittMejl> Mejl { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mejl = await utskick.MinaAsync(User, ct);
}
