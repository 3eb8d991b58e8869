namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// An applicant's private link (/ansokan/{token}) carries its secret in the path, and these framework categories write
/// request paths or route values into their messages below the levels kept here. The levels are set in code, after
/// the configuration, so raising "Microsoft.AspNetCore" to Debug for troubleshooting does not start writing tokens;
/// configuration naming one of these categories (or a longer one) exactly still decides.
/// </summary>
public static class PrivateLinkLogging
{
    public static ILoggingBuilder KeepPrivateLinksOutOfLogs(this ILoggingBuilder logging) => logging
        .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning) // "Request starting GET /ansokan/…"
        .AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Information)         // matched paths, generated links' values
        .AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Information)     // "The request path … does not match"
        .AddFilter("Microsoft.AspNetCore.Mvc.RazorPages", LogLevel.Debug);       // handler arguments
}
