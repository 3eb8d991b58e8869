using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// English for applicants. The portal is Swedish; on the applicant's pages — the job list and adverts with the
/// application form (<c>/jobb</c>) and the applicant's own page (<c>/ansokan</c>) — an applicant may choose English with
/// <c>?sprak=en</c> (the links "In English" / "På svenska"), which a cookie then remembers for those pages only. Every other
/// page stays Swedish whatever the cookie says, so a municipality's staff never see a half-translated portal. The texts
/// are <see cref="Sokandetexter"/>; the choice is stored with the application so its mails follow it.
/// </summary>
public sealed class Sokandesprak(PortalCookies cookies) : RequestCultureProvider
{
    public const string Parameter = "sprak";
    private static readonly PathString[] Sidor = ["/jobb", "/ansokan"];

    public static bool GallerSidan(PathString path) => Sidor.Any(s => path.StartsWithSegments(s, StringComparison.OrdinalIgnoreCase));

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
    {
        if (!GallerSidan(http.Request.Path)) return Task.FromResult<ProviderCultureResult?>(null);
        var valt = http.Request.Query[Parameter].FirstOrDefault();
        if (valt is not null)
        {
            // Remembered for the applicant's next page: a necessary cookie, set because they asked for the language.
            http.Response.Cookies.Append(cookies.Sprak, ChefsRekrytering.Sprak.Normalisera(valt), new CookieOptions
            {
                HttpOnly = true, Secure = cookies.Secure, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        }
        var sprak = ChefsRekrytering.Sprak.Normalisera(valt ?? http.Request.Cookies[cookies.Sprak]);
        var kultur = ChefsRekrytering.Sprak.Kultur(sprak).Name;
        return Task.FromResult<ProviderCultureResult?>(new(kultur, kultur));
    }

    /// <summary>The language of the page being shown: "en" or "sv".</summary>
    public static string Nu => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == ChefsRekrytering.Sprak.Engelska
        ? ChefsRekrytering.Sprak.Engelska : ChefsRekrytering.Sprak.Svenska;
}


public static class SokandetexterExtensions
{
    /// <summary>A refusal from the application in the page's language: its pattern looked up with its values put in, each
    /// value that is itself a known text (a file check's reason) looked up too. What has no English stays Swedish.</summary>
    public static string Ord(this IStringLocalizer<Sokandetexter> t, Rekryteringar.AnsokanFel fel) =>
        fel.Mall is null ? t[fel.Text] : t[fel.Mall, [.. (fel.Varden ?? []).Select(v => v is string s ? t[s].Value : v)]];

    /// <summary>A command's answer on an applicant's page, its reasons and message in the page's language.</summary>
    public static Workflows.CommandResult Ord(this IStringLocalizer<Sokandetexter> t, Workflows.CommandResult svar) => svar with
    {
        Reasons = [.. svar.Reasons.Select(r => t[r].Value)],
        Message = svar.Message is null ? null : t[svar.Message].Value,
    };
}
