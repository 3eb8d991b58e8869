using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Admin;

/// <summary>The outbox of the admin's municipality: what was sent, what waits, what failed; and a test mail.</summary>
[Authorize(Policy = Behorighet.Admin)]
public class EpostModel(UtskickService utskick, IOptions<MailOptions> mail) : PageModel
{
    public Utskickslista Lista { get; private set; } = new([], 0, 0);
    public IReadOnlyList<Utskicksrad> Meddelanden => Lista.Meddelanden;
    public int Vantar => Lista.Vantar;
    public int Misslyckade => Lista.Misslyckade;
    public string Leverans => mail.Value.Delivery == MailDelivery.Smtp
        ? $"SMTP via {mail.Value.Smtp.Host}:{mail.Value.Smtp.Port}"
        : "Filer (.eml) i en upphämtningsmapp på servern";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await utskick.ListaAsync(User, ct) is not { } lista) return Forbid();
        Lista = lista;
        return Page();
    }

    public async Task<IActionResult> OnPostTestmejlAsync(CancellationToken ct) =>
        await this.AnswerAsync(await utskick.SkickaTestmejlAsync(User, ct), () => OnGetAsync(ct));

    public static string StatusText(QueueStatus status) => status switch
    {
        QueueStatus.Done => "Skickat",
        QueueStatus.Failed => "Misslyckades",
        QueueStatus.Cancelled => "Stoppat",
        _ => "Väntar",
    };
}
