using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>Section "Security": cookies, proxies and rate limits. The defaults are the production stance.</summary>
public sealed class SecurityOptions
{
    /// <summary>Cookies only over HTTPS. Default on outside Development and Testing (which run over plain HTTP).</summary>
    public bool? SecureCookies { get; set; }
    /// <summary>Behind a TLS-terminating proxy (App Service, Container Apps): trust X-Forwarded-For/Proto.</summary>
    public bool ForwardedHeaders { get; set; }
    /// <summary>Sign-in attempts per client address and minute.</summary>
    public int InloggningarPerMinut { get; set; } = 10;
    /// <summary>Applications through the public form per client address and hour.</summary>
    public int AnsokningarPerTimme { get; set; } = 20;

    public static SecurityOptions From(IConfiguration config) => config.GetSection("Security").Get<SecurityOptions>() ?? new();
}

public static class PortalRateLimits
{
    public const string Inloggning = "inloggning";
    public const string Ansokan = "ansokan";

    /// <summary>Fixed windows per client address, on POST only: reading the sign-in page or an advert is never limited.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, SecurityOptions security) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Inloggning, http => Partition(http, "inloggning", security.InloggningarPerMinut, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Ansokan, http => Partition(http, "ansokan", security.AnsokningarPerTimme, TimeSpan.FromHours(1)));
        });

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
        var options = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        // The platform's proxy is the only way in; its address is not known in advance.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        return app.UseForwardedHeaders(options);
    }
}
