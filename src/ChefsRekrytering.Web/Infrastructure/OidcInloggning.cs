using ChefsRekrytering.Konton;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Sign-in through each municipality's own OpenID Provider (Entra ID or another): the authorization code flow with PKCE,
/// one scheme per municipality, each answering on its own path, so the municipality is the provider's that issued the
/// token. The portal's share ends in the callback: the validated token is linked to an account and the portal's own
/// session cookie is written in that one request.
/// </summary>
public static class OidcInloggning
{
    /// <summary>The sign-in page's codes for a sign-in that did not end in a session; the words are <see cref="ExterntSvar"/>'s.</summary>
    public static string? Felmeddelande(string? kod) => kod switch
    {
        "okand" => ExterntSvar.OkandText,
        "slutat" => ExterntSvar.SlutatText,
        "misslyckad" => ExterntSvar.FelText,
        _ => null,
    };

    public static IServiceCollection AddPortalOidc(this IServiceCollection services, IConfiguration config, CookieSecurePolicy cookiePolicy)
    {
        services.AddOptions<OidcOptions>().Bind(config.GetSection(OidcOptions.Section));
        services.AddScoped<ExternInloggning>();
        var oidc = config.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new();
        var auth = services.AddAuthentication();
        foreach (var (kommunId, k) in oidc.Kommuner)
        {
            if (string.IsNullOrWhiteSpace(k.Authority) || string.IsNullOrWhiteSpace(k.ClientId))
                throw new InvalidOperationException($"{OidcOptions.Section}:Kommuner:{kommunId} saknar Authority eller ClientId.");
            auth.AddOpenIdConnect(OidcOptions.Schema(kommunId), k.Knapptext ?? kommunId, o => Configure(o, kommunId, k, cookiePolicy));
        }
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, string kommunId, OidcKommun k, CookieSecurePolicy cookiePolicy)
    {
        o.Authority = k.Authority;
        o.ClientId = k.ClientId;
        o.ClientSecret = k.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query; // a top-level GET back, so Lax cookies suffice
        o.UsePkce = true;
        o.CallbackPath = OidcOptions.Aterkomst(kommunId);
        o.SignInScheme = IdentityConstants.ExternalScheme; // never reached: the callback signs in to the portal itself
        o.RequireHttpsMetadata = !k.TillatHttp;
        o.MapInboundClaims = false; // keep the provider's names: sub, groups, employeeid
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = cookiePolicy;
        }
        o.Events.OnTokenValidated = async ctx =>
        {
            var services = ctx.HttpContext.RequestServices;
            var svar = await services.GetRequiredService<ExternInloggning>().KopplaAsync(kommunId, ctx.Principal!, ctx.HttpContext.RequestAborted);
            ctx.HandleResponse();
            Telemetri.Inloggning("oidc", svar.Utfall.ToString());
            if (svar.Utfall == ExternUtfall.Klar)
            {
                await services.GetRequiredService<SignInManager<ApplicationUser>>().SignInAsync(svar.Konto!, isPersistent: false, authenticationMethod: "oidc");
                var tillbaka = ctx.Properties?.RedirectUri;
                ctx.Response.Redirect(tillbaka is { Length: > 1 } && tillbaka[0] == '/' && tillbaka[1] is not ('/' or '\\') ? tillbaka : "/");
            }
            else ctx.Response.Redirect($"/konto/logga-in?fel={(svar.Utfall == ExternUtfall.Slutat ? "slutat" : "okand")}");
        };
        o.Events.OnRemoteFailure = ctx =>
        {
            // A token of another provider, a forged or replayed answer, a refusal at the provider: no session, one sentence.
            ctx.HandleResponse();
            Telemetri.Inloggning("oidc", "Misslyckad");
            ctx.Response.Redirect("/konto/logga-in?fel=misslyckad");
            return Task.CompletedTask;
        };
    }
}
