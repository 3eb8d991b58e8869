using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Web.Infrastructure;

public static class PublicUrl
{
    /// <summary>An absolute address for a link in a mail: under Portal:PublicUrl when set, else under this request's own address.</summary>
    public static string For(HttpRequest request, PortalOptions options, string path) =>
        (options.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}") + path;
}
