using ChefsRekrytering.Notifications;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class EpostVisaModel(UtskickService utskick, IOptions<MailOptions> mail) : PageModel
{
    public OutboxMessage Meddelande { get; private set; } = null!;
    public Insyn Insyn { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await utskick.VisaAsync(id, User, ct) is not { } message) return NotFound();
        Meddelande = message;
        Insyn = Utskick.InsynFor(message.Topic);
        return Page();
    }

    /// <summary>The delivered .eml from the pickup folder, for opening in a mail program.</summary>
    public async Task<IActionResult> OnGetEmlAsync(long id, CancellationToken ct)
    {
        var name = await utskick.LevereradFilAsync(id, User, ct);
        var folder = Path.GetFullPath(mail.Value.PickupFolder!);
        var path = name is null ? null : Path.GetFullPath(Path.Combine(folder, Path.GetFileName(name)));
        if (path is null || !path.StartsWith(folder, StringComparison.Ordinal) || !System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(path, "message/rfc822", Path.GetFileName(path));
    }
}
