using ChefsRekrytering.Documents;
using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Avvecklingar;

public static class AvvecklingServiceExtensions
{
    public static IServiceCollection AddPortalAvveckling(this IServiceCollection services)
    {
        services.AddScoped<AvvecklingService>();
        services.AddScoped<IDocumentOwnerAccess, AvvecklingDocumentAccess>();
        services.AddScoped<IScheduledJobHandler, AvvecklingUppfoljning>();
        services.AddScoped<IAvvecklingAvslutadHandler, KompetensvaxlingVidAvslut>();
        return services;
    }
}
