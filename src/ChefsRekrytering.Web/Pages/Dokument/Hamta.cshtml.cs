using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Web.Pages.Dokument;

/// <summary>
/// Serves one document as a download. Not found and not allowed give the same 404, so nobody learns which ids exist;
/// another municipality's documents are not even found (query filter). Always an attachment with the detected type
/// (and nosniff, set globally), so a browser never renders an uploaded file as a page of ours.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // CVs are personal data: no shared caches
public class HamtaModel(AppDbContext db, DocumentAccess access, DocumentService documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var doc = await db.Dokument.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null || !await access.CanReadAsync(User, doc)) return NotFound();
        return await documents.OpenAsync(doc, ct) is { } content ? File(content, doc.ContentType, doc.DownloadName) : NotFound();
    }
}
