using Microsoft.AspNetCore.Http;

namespace ChefsRekrytering.Kommuner;

/// <summary>
/// The municipality whose data this request or job may see: the signed-in user's, or one set explicitly
/// by a background job or a public page that found it on the record. No municipality means no data.
/// </summary>
public sealed class CurrentKommun(IHttpContextAccessor? http = null)
{
    public const string ClaimType = "kommun";
    private string? _explicit;

    public string? Id => _explicit ?? http?.HttpContext?.User.FindFirst(ClaimType)?.Value;

    /// <summary>For work done on behalf of a municipality outside a signed-in request.</summary>
    public void Use(string kommunId) => _explicit = kommunId;

    public string Required => Id ?? throw new InvalidOperationException("Ingen kommun är vald för den här åtgärden.");
}
