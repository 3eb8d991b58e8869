using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Scheduling;

namespace ChefsRekrytering.Web.Infrastructure;

public static class WebApplicationExtensions
{
    /// <summary>Migrates the database and seeds municipalities, roles and (when configured) demo data before serving; then
    /// <paramref name="dessutom"/> (the bench's data). One instance at a time on a shared PostgreSQL (<see cref="Startlas"/>).</summary>
    public static async Task InitializePortalAsync(this WebApplication app, Func<IServiceProvider, Task>? dessutom = null)
    {
        // Templates that need the policies are read now, so a broken one stops the start rather than a later page.
        app.Services.GetRequiredService<AretsChefKriterier>();
        using var scope = app.Services.CreateScope();
        await using var las = await Startlas.TaAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var portal = scope.ServiceProvider.GetRequiredService<PortalInitializer>();
        await portal.InitializeAsync();
        await scope.ServiceProvider.GetRequiredService<SchedulerRunner>().EnsureRecurringAsync(portal.KommunIds);
        // The first data-protection key is made now, under the lock, not by two instances' first requests at once
        // (each would make its own and refuse the other's cookies until it reread the key ring).
        app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("start").Protect([0]);
        if (dessutom is not null) await dessutom(app.Services);
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalForwardedHeaders(SecurityOptions.From(app.Configuration));
        if (!app.Environment.IsDevelopment())
        {
            // A scope of its own for the error page: the request's cookie handler keeps its failed read of the session (the
            // database gone) and would throw it again, leaving an empty 500; a fresh one reads anew (SessionStore).
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/fel",
                CreateScopeForErrors = true,
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
