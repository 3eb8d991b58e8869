using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Introduktioner;

public static class IntroduktionServiceExtensions
{
    /// <summary>Introductions; register after AddPortalRekrytering so the new manager is placed before the introduction is made.</summary>
    public static IServiceCollection AddPortalIntroduktion(this IServiceCollection services, string contentFolder)
    {
        services.AddSingleton(IntroduktionMallar.LoadFrom(Path.Combine(contentFolder, "templates", "introduktion")));
        services.AddScoped<IntroduktionService>();
        services.AddScoped<IRekryteringTillsattHandler, IntroduktionVidTillsattning>();
        services.AddScoped<IScheduledJobHandler, IntroduktionDagligKontroll>();
        services.AddScoped<IScheduledJobHandler, IntroduktionValkomst>();
        return services;
    }
}
