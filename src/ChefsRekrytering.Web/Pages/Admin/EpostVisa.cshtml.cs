using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Pages.Admin;

[Authorize(Policy = Behorighet.Admin)]
public class EpostVisaModel(AppDbContext db, IOptions<MailOptions> mail) : PageModel
{
    public OutboxMessage Meddelande { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        // Through the municipality filter: another municipality's mail is not found.
        var message = await db.Set<OutboxMessage>().Include(m => m.Attachments).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (message is null) return NotFound();
        Meddelande = message;
        return Page();
    }

    /// <summary>The delivered .eml from the pickup folder, for opening in a mail program.</summary>
    public async Task<IActionResult> OnGetEmlAsync(long id)
    {
        var name = await db.Set<OutboxMessage>().Where(m => m.Id == id).Select(m => m.DeliveredAs).FirstOrDefaultAsync();
        var folder = Path.GetFullPath(mail.Value.PickupFolder!);
        var path = name is null ? null : Path.GetFullPath(Path.Combine(folder, Path.GetFileName(name)));
        if (path is null || !path.StartsWith(folder, StringComparison.Ordinal) || !System.IO.File.Exists(path)) return NotFound();
        return PhysicalFile(path, "message/rfc822", Path.GetFileName(path));
    }
}
