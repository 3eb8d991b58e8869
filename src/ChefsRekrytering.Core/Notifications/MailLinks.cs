using ChefsRekrytering.Kommuner;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// The one place that makes the absolute address of a link in a mail, for a page's command and a background job alike:
/// under Portal:PublicUrl, or when that is empty (Production refuses to start so) under the address the server
/// actually listens on. Never under a request's Host header: that is the sender's word, and would let anyone decide
/// where a mail from the municipality points (host header injection).
/// </summary>
public sealed class MailLinks(IOptions<PortalOptions> options, IServer? server = null)
{
    /// <summary>An in-process test server listens on no address; its clients call it this.</summary>
    private const string NoAddress = "http://localhost";

    /// <summary>The absolute address of <paramref name="path"/> ("/introduktion/12").</summary>
    public string For(string path) => Base.TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>The address links start with.</summary>
    public string Base => string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? Listening() ?? NoAddress : options.Value.PublicUrl.Trim();

    /// <summary>The server's own address (HTTPS first); a wildcard host ("http://+:8080", "[::]") as localhost.</summary>
    private string? Listening()
    {
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0) return null;
        var address = BindingAddress.Parse(addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First());
        var host = address.Host is "+" or "*" or "0.0.0.0" or "[::]" or "::" ? "localhost" : address.Host;
        return $"{address.Scheme}://{host}:{address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
