using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// An applicant's private link (/ansokan/{token}) carries its secret in the path, and these framework categories write
/// request paths or route values into their messages below the levels kept here. Each level is a floor: a category
/// logs at what the configuration gives it, but never below its floor, so raising "Microsoft.AspNetCore" to Trace for
/// troubleshooting does not start writing tokens, and the production default of Warning stays Warning (a floor is not
/// a reason to log more). Configuration naming one of these categories (or a longer one) exactly still decides.
/// </summary>
public static class PrivateLinkLogging
{
    private static readonly (string Category, LogLevel Floor)[] Floors =
    [
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning), // "Request starting GET /ansokan/…"
        ("Microsoft.AspNetCore.Routing", LogLevel.Information),         // matched paths, generated links' values
        ("Microsoft.AspNetCore.StaticFiles", LogLevel.Information),     // "The request path … does not match"
        ("Microsoft.AspNetCore.Mvc.RazorPages", LogLevel.Debug),        // handler arguments
    ];

    public static ILoggingBuilder KeepPrivateLinksOutOfLogs(this ILoggingBuilder logging)
    {
        logging.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, RaiseToFloors>();
        return logging;
    }

    /// <summary>Runs after the configuration's rules are in, and adds one rule per floored category and provider.</summary>
    private sealed class RaiseToFloors : IPostConfigureOptions<LoggerFilterOptions>
    {
        public void PostConfigure(string? name, LoggerFilterOptions options)
        {
            var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
            foreach (var (category, floor) in Floors)
            {
                foreach (var provider in providers)
                {
                    var rule = RuleInForce(options, provider, category);
                    if (rule?.ProviderName == provider && string.Equals(rule?.CategoryName, category, StringComparison.OrdinalIgnoreCase))
                        continue;
                    var level = (LogLevel)Math.Max((int)(rule?.LogLevel ?? options.MinLevel), (int)floor);
                    options.Rules.Add(new LoggerFilterRule(provider, category, level, rule?.Filter));
                }
            }
        }

        // The rule Microsoft.Extensions.Logging would pick: the provider's own rules before general ones, then the
        // longest matching category, the later of two equals.
        private static LoggerFilterRule? RuleInForce(LoggerFilterOptions options, string? provider, string category)
        {
            LoggerFilterRule? best = null;
            foreach (var rule in options.Rules)
            {
                if (rule.ProviderName is not null && rule.ProviderName != provider) continue;
                if (rule.CategoryName is not null && !category.StartsWith(rule.CategoryName, StringComparison.OrdinalIgnoreCase)) continue;
                if (best is not null)
                {
                    if (best.ProviderName is not null && rule.ProviderName is null) continue;
                    var providerWins = best.ProviderName is null && rule.ProviderName is not null;
                    if (!providerWins && (rule.CategoryName?.Length ?? 0) < (best.CategoryName?.Length ?? 0)) continue;
                }
                best = rule;
            }
            return best;
        }
    }
}
