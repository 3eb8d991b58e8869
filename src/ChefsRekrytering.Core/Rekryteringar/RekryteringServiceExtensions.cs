using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Rekryteringar;

public static class RekryteringServiceExtensions
{
    public static IServiceCollection AddPortalRekrytering(this IServiceCollection services, string contentFolder)
    {
        services.AddSingleton(Intervjuformulering.LasFil(Path.Combine(contentFolder, "templates", "intervjufragor.yaml")));
        services.AddSingleton<Intervjuformuleringar>();
        services.AddScoped<RekryteringService>();
        services.AddScoped<KandidatService>();
        services.AddScoped<UrvalsfragaService>();
        services.AddScoped<AnsokanService>();
        services.AddScoped<Intervjutider>();
        services.AddScoped<AnteckningService>();
        services.AddOptions<RekryteringOptions>().BindConfiguration(RekryteringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IScheduledJobHandler, BedomningPaminnelser>();
        services.AddScoped<Kandidattavla>();
        services.AddOptions<ErbjudandeOptions>().BindConfiguration(ErbjudandeOptions.Section);
        services.AddScoped<IErbjudandesignering>(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ErbjudandeOptions>>().Value.Signering switch
        {
            _ => new IngenSignering(),
        });
        services.AddScoped<IScheduledJobHandler, AnsokningstidSlut>();
        services.AddScoped<NyChefTilltrader>();
        services.AddScoped<IScheduledJobHandler>(sp => sp.GetRequiredService<NyChefTilltrader>());
        services.AddScoped<IRekryteringTillsattHandler, NyChefIOrganisationen>();
        services.AddScoped<Documents.IDocumentOwnerAccess, KandidatDocumentAccess>();
        return services;
    }
}
