using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Section "Security": cookies, proxies and rate limits. The defaults are the production stance.</summary>
public sealed class SecurityOptions
{
    /// <summary>Cookies only over HTTPS. Default on outside Development and Testing (which run over plain HTTP).</summary>
    public bool? SecureCookies { get; set; }
    /// <summary>Behind a TLS-terminating proxy (App Service, Container Apps): read X-Forwarded-For/Proto, but only from
    /// <see cref="ProxyNetworks"/>.</summary>
    public bool ForwardedHeaders { get; set; }
    /// <summary>The networks (CIDR, e.g. "10.40.0.0/23") the proxy connects from. Empty: loopback only (a proxy on the same
    /// host). A request from anywhere else keeps its own address, whatever X-Forwarded-For it carries, so the rate limits
    /// and the sign-in brake cannot be dodged by writing a header.</summary>
    public List<string> ProxyNetworks { get; set; } = [];
    /// <summary>Sign-in attempts per client address and minute.</summary>
    public int InloggningarPerMinut { get; set; } = 10;
    /// <summary>Applications through the public form per client address and hour.</summary>
    public int AnsokningarPerTimme { get; set; } = 20;
    /// <summary>SCIM requests per token and minute. Generous: Entra ID's provisioning sends a few per second at most, an
    /// initial cycle for 50,000 people included; the limit is there for a client that loops.</summary>
    public int ScimAnropPerMinut { get; set; } = 2000;

    public static SecurityOptions From(IConfiguration config) => config.GetSection("Security").Get<SecurityOptions>() ?? new();
}

public static class PortalRateLimits
{
    public const string Inloggning = "inloggning";
    public const string Ansokan = "ansokan";
    public const string Scim = "scim";

    /// <summary>Fixed windows per client address, on POST only: reading the sign-in page or an advert is never limited.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, SecurityOptions security) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Retry-After from the limiter itself: the time until its window lets the next request through.
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Inloggning, http => Partition(http, "inloggning", security.InloggningarPerMinut, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Ansokan, http => Partition(http, "ansokan", security.AnsokningarPerTimme, TimeSpan.FromHours(1)));
            o.AddPolicy(Scim, new ScimRateLimit(security.ScimAnropPerMinut));
        });

    /// <summary>
    /// SCIM per bearer token (so per municipality: one identity provider's tokens are not another's), every method; a
    /// request without a token is counted per client address. Only the token's hash is kept as the key. The refusal is
    /// SCIM's error body (429, RFC 7644 §3.12 names no scimType for it) with Retry-After.
    /// </summary>
    private sealed class ScimRateLimit(int perMinut) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
        {
            var http = context.HttpContext;
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ScimEndpoints.SkrivFelAsync(http, new ChefsRekrytering.Scim.ScimFel(StatusCodes.Status429TooManyRequests, null,
                "För många förfrågningar med den här token. Försök igen om en stund."));
        };

        public RateLimitPartition<string> GetPartition(HttpContext http)
        {
            var header = http.Request.Headers.Authorization.ToString();
            var nyckel = header.Length > 0
                ? "scim:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(header)))
                : $"scim-utan:{http.Connection.RemoteIpAddress}";
            return RateLimitPartition.GetFixedWindowLimiter(nyckel, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinut, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        }
    }

    private static System.Net.IPNetwork ParseNetwork(string cidr) => System.Net.IPNetwork.TryParse(cidr.Trim(), out var network)
        ? network
        : throw new InvalidOperationException($"Security:ProxyNetworks: \"{cidr}\" är inte ett nät i CIDR-form, till exempel 10.40.0.0/23.");

    private static RateLimitPartition<string> Partition(HttpContext http, string name, int permits, TimeSpan window) =>
        !HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("las")
            : RateLimitPartition.GetFixedWindowLimiter($"{name}:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits, Window = window, QueueLimit = 0,
            });

    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app, SecurityOptions security)
    {
        if (!security.ForwardedHeaders) return app;
        // One hop: the address the trusted proxy itself appended, never what the client wrote before it.
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        if (security.ProxyNetworks.Count > 0)
        {
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var network in security.ProxyNetworks) options.KnownIPNetworks.Add(ParseNetwork(network));
        }
        return app.UseForwardedHeaders(options);
    }
}
