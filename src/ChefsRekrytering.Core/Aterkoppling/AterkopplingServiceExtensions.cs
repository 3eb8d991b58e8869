using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Aterkoppling;

public static class AterkopplingServiceExtensions
{
    /// <summary>The feedback from below: its settings (a threshold below 3 stops the start with the reason), the service
    /// and its part of a person's register extract.</summary>
    public static IServiceCollection AddPortalAterkoppling(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AterkopplingOptions>().Bind(config.GetSection(AterkopplingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AterkopplingService>();
        services.AddScoped<Arkiv.IRegisterutdragBidrag, AterkopplingRegisterutdrag>();
        return services;
    }
}
