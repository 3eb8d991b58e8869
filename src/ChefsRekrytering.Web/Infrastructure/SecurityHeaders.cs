namespace ChefsRekrytering.Web.Infrastructure;

public static class SecurityHeaders
{
    // Scripts only from our own files; styles may be inline because the diagram library writes <style> into its SVG.
    // Forms post to the portal itself, and the sign-in button's answer redirects to the municipalities' own providers
    // (a browser applies form-action to that redirect too).
    private static string ContentSecurityPolicy(IEnumerable<string> leverantorer) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        $"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action {string.Join(' ', leverantorer.Prepend("'self'"))}; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var oidc = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Konton.OidcOptions>>().Value;
        var csp = ContentSecurityPolicy(oidc.Kommuner.Values.Select(k => new Uri(k.Authority).GetLeftPart(UriPartial.Authority)).Distinct());
        return app.Use((context, next) => Headers(context, next, csp));
    }

    private static Task Headers(HttpContext context, RequestDelegate next, string csp)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = csp;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
