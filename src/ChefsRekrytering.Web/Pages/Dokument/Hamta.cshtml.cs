using ChefsRekrytering.Documents;

namespace ChefsRekrytering.Web.Pages.Dokument;

/// <summary>
/// Serves one document as a download. Not found and not allowed give the same 404, so nobody learns which ids exist;
/// another municipality's documents are not even found (query filter). Always an attachment with the detected type
/// (and nosniff, set globally), so a browser never renders an uploaded file as a page of ours.
/// </summary>
[Authorize(Policy = Behorighet.Inloggad)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // CVs are personal data: no shared caches
public class HamtaModel(DocumentService documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (doc, content) = await documents.HamtaAsync(id, User, ct) ?? default;
        return doc is null ? NotFound() : File(content, doc.ContentType, doc.DownloadName);
    }
}
