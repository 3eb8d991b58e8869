using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Ledarskap;

public static class LedarskapServiceExtensions
{
    /// <summary>A manager's own leadership records: the uppdragskontrakt with its yearly re-assessment, the self-assessment.
    /// Needs AddPortalIntroduktion (a confirmed contract completes the introduction's contract item).</summary>
    public static IServiceCollection AddPortalLedarskap(this IServiceCollection services)
    {
        services.AddScoped<UppdragskontraktService>();
        services.AddScoped<SjalvskattningService>();
        services.AddScoped<LedarskapOversikt>();
        services.AddScoped<IScheduledJobHandler, UppdragskontraktOmprovningsPaminnelse>();
        return services;
    }
}
