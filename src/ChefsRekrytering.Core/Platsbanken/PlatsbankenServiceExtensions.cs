using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Platsbanken;

public static class PlatsbankenServiceExtensions
{
    /// <summary>Adverts to Arbetsförmedlingen's Platsbanken; off until <see cref="PlatsbankenOptions"/> is filled in.</summary>
    public static IServiceCollection AddPortalPlatsbanken(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<PlatsbankenOptions>().Bind(config.GetSection(PlatsbankenOptions.Section));
        services.AddHttpClient(PlatsbankenKlient.HttpKlient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<PlatsbankenKlient>();
        services.AddScoped<PlatsbankenService>();
        services.AddScoped<IScheduledJobHandler, PlatsbankenSynk>();
        return services;
    }
}
