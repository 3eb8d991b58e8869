using System.Text.RegularExpressions;
using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public partial class EpostVisaModel(AppDbContext db, IOptions<MailOptions> mail) : PageModel
{
    /// <summary>
    /// An applicant's private link and a new manager's choose-a-password link are keys, meant for the recipient only:
    /// Admin sees that a mail carried one, never the key itself, and the delivered file (which has it) is not offered.
    /// </summary>
    [GeneratedRegex(@"(/ansokan/)[^\s""'<>&?#]+|([?&](?:amp;)?token=)[^\s""'<>&]+")]
    private static partial Regex HemligNyckel();

    public const string Dold = "[dold]";

    public static bool HarHemligLank(OutboxMessage m) => HemligNyckel().IsMatch(m.TextBody) || HemligNyckel().IsMatch(m.HtmlBody);

    public static string UtanNycklar(string text) => HemligNyckel().Replace(text, x => (x.Groups[1].Success ? x.Groups[1].Value : x.Groups[2].Value) + Dold);

    public OutboxMessage Meddelande { get; private set; } = null!;
    public Insyn Insyn { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        // Through the municipality filter: another municipality's mail is not found.
        var message = await db.Set<OutboxMessage>().Include(m => m.Attachments).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (message is null) return NotFound();
        Meddelande = message;
        Insyn = Utskick.InsynFor(message.Topic);
        return Page();
    }

    /// <summary>The delivered .eml from the pickup folder, for opening in a mail program.</summary>
    public async Task<IActionResult> OnGetEmlAsync(long id)
    {
        var message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (message is null || HarHemligLank(message) || Utskick.InsynFor(message.Topic) != Insyn.Allt) return NotFound();
        var name = message.DeliveredAs;
        var folder = Path.GetFullPath(mail.Value.PickupFolder!);
        var path = name is null ? null : Path.GetFullPath(Path.Combine(folder, Path.GetFileName(name)));
        if (path is null || !path.StartsWith(folder, StringComparison.Ordinal) || !System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(path, "message/rfc822", Path.GetFileName(path));
    }
}
