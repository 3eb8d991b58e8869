using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Scim;

public static class ScimServiceExtensions
{
    public static IServiceCollection AddPortalScim(this IServiceCollection services)
    {
        services.AddScoped<ScimTokenService>();
        services.AddScoped<ScimProvisionering>();
        services.AddScoped<ScimGrupper>();
        return services;
    }
}
