using ChefsRekrytering.Granskning;
using ChefsRekrytering.Konton;

namespace ChefsRekrytering.Web.Pages.Behorigheter;

/// <summary>
/// HR and Admin: the roles waiting for a second person's decision, and every change Admin has made to accounts, roles and
/// the organisation, so that administration is never a way round the rules that protect confidential records.
/// </summary>
[Authorize(Policy = Behorighet.Behorigheter)]
public class IndexModel(BehorighetService behorigheter) : PageModel
{
    public IReadOnlyList<Rollbegaran> Vantande { get; private set; } = [];
    public IReadOnlyList<AuditEvent> Andringar { get; private set; } = [];

    public bool KanBesluta(Rollbegaran r) => BehorighetAccess.HinderAttBesluta(User, r).Count == 0;

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostGodkannAsync(int id) => DecideAsync(id, godkann: true);

    public Task<IActionResult> OnPostAvslaAsync(int id) => DecideAsync(id, godkann: false);

    private async Task<IActionResult> DecideAsync(int id, bool godkann) =>
        await this.AnswerAsync(await behorigheter.BeslutaAsync(id, godkann, User, HttpContext.RequestAborted), LoadAsync);

    private async Task LoadAsync()
    {
        Vantande = await behorigheter.VantandeAsync(User, HttpContext.RequestAborted);
        Andringar = await behorigheter.AndringarAsync(User, ct: HttpContext.RequestAborted);
    }
}
