using ChefsRekrytering.Calendar;
using ChefsRekrytering.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Notifications;

public static class NotificationServiceExtensions
{
    /// <summary>Mail through the outbox (pickup folder by default, SMTP by configuration), calendar invites, the scheduler.</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services, IConfiguration config, string dataFolder, string contentFolder)
    {
        services.AddOptions<MailOptions>().Bind(config.GetSection("Mail"))
            .PostConfigure(o => o.PickupFolder ??= Path.Combine(dataFolder, "mail"));
        services.AddOptions<SchedulerOptions>().Bind(config.GetSection("Scheduler"));

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailTransportFactory, MailTransportFactory>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton(new Mejlfiler(Path.Combine(contentFolder, "templates", "mejl")));
        services.AddSingleton<Mejlmallkalla>();
        services.AddScoped<MailComposer>();
        services.AddScoped<MallService>();
        services.AddScoped<AvslagService>();
        services.AddSingleton<Listmallkalla>();
        services.AddScoped<ListmallService>();
        services.AddScoped<Outbox>();
        services.AddScoped<UtskickService>();
        services.AddScoped<MeetingService>();
        services.AddScoped<Scheduler>();
        services.AddSingleton<SchedulerRunner>();

        if (config.GetValue("Mail:DispatcherEnabled", true)) services.AddHostedService<OutboxBackgroundService>();
        if (config.GetValue("Scheduler:Enabled", true)) services.AddHostedService<SchedulerBackgroundService>();
        return services;
    }
}
