using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Arkiv;

public static class ArkivServiceExtensions
{
    /// <summary>Records, privacy and reports: gallring by the scheduler, holds, register extracts and erasure, the reports.</summary>
    public static IServiceCollection AddPortalArkiv(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<GallringOptions>().Bind(config.GetSection(GallringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Gallring>();
        services.AddScoped<IScheduledJobHandler, GallringsJobb>();
        services.AddScoped<RegisterutdragService>();
        services.AddScoped<UtlamnandeService>();
        services.AddScoped<Granskning.GranskningsloggService>();
        services.AddScoped<Rapporter.RapportService>();
        services.AddScoped<Rapporter.IRapportBidrag, Rapporter.UpplevelseRapport>();
        return services;
    }
}
