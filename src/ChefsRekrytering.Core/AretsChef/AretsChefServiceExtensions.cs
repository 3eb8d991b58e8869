using ChefsRekrytering.Policies;
using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.AretsChef;

public static class AretsChefServiceExtensions
{
    /// <summary>Årets chef: the yearly campaign, its criteria, the jobs that open and close it. The criteria need the
    /// policies' values; resolve <see cref="AretsChefKriterier"/> at start-up so a broken template stops the start.</summary>
    public static IServiceCollection AddPortalAretsChef(this IServiceCollection services, IConfiguration config, string contentFolder)
    {
        services.AddOptions<AretsChefOptions>().Bind(config.GetSection("AretsChef"));
        services.AddSingleton(sp => AretsChefKriterier.LoadFrom(Path.Combine(contentFolder, "templates", "arets-chef"), sp.GetRequiredService<PolicyLibrary>()));
        services.AddScoped<AretsChefService>();
        services.AddScoped<NomineringService>();
        services.AddMemoryCache();
        services.AddScoped<IScheduledJobHandler, AretsChefOppning>();
        services.AddScoped<IScheduledJobHandler, AretsChefStangning>();
        // Its part of /rapporter and of a person's register extract.
        services.AddScoped<Rapporter.IRapportBidrag, AretsChefRapport>();
        services.AddScoped<Arkiv.IRegisterutdragBidrag, AretsChefRegisterutdrag>();
        return services;
    }
}
