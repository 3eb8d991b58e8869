using ChefsRekrytering.Kommuner;

namespace ChefsRekrytering.Web.Infrastructure;

public static class PublicUrl
{
    /// <summary>An absolute address for a link in a mail, under Portal:PublicUrl; never under the request's Host header,
    /// which is the sender's word.</summary>
    public static string For(PortalOptions options, string path) => options.PublicUrl.TrimEnd('/') + path;
}
