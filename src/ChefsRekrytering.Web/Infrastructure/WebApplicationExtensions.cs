using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Scheduling;

namespace ChefsRekrytering.Web.Infrastructure;

public static class WebApplicationExtensions
{
    /// <summary>Migrates the database and seeds municipalities, roles and (when configured) demo data before serving.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        // Templates that need the policies are read now, so a broken one stops the start rather than a later page.
        app.Services.GetRequiredService<AretsChefKriterier>();
        using var scope = app.Services.CreateScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalInitializer>();
        await portal.InitializeAsync();
        await scope.ServiceProvider.GetRequiredService<SchedulerRunner>().EnsureRecurringAsync(portal.KommunIds);
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalForwardedHeaders(SecurityOptions.From(app.Configuration));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/fel",
                // A store that does not answer is a temporary outage, not our error: 503, "try again later".
                StatusCodeSelector = e => e is ChefsRekrytering.Documents.DokumentlagerSvararInteException ? 503 : 500,
            });
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapScim();
        app.MapSitemap();
        app.MapPortalHealth();
        return app;
    }
}
