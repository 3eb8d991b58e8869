using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Ledarakademin;

public static class LedarakademinServiceExtensions
{
    public static IServiceCollection AddPortalLedarakademin(this IServiceCollection services, string contentFolder)
    {
        services.AddSingleton(KompetensvaxlingMall.LoadFrom(Path.Combine(contentFolder, "templates", "kompetensvaxling.yaml")));
        services.AddScoped<LedarakademinService>();
        services.AddScoped<AvgangssamtalService>();
        return services;
    }
}
