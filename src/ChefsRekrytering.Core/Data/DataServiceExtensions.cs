using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    /// <summary>Empty: a SQLite file in the data folder. A PostgreSQL connection string ("Host=...") selects PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
    public DatabaseProvider? Provider { get; set; }

    public DatabaseProvider EffectiveProvider => Provider
        ?? (ConnectionString?.Contains("Host=", StringComparison.OrdinalIgnoreCase) == true ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);
}

public static class DataServiceExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on SQLite (embedded default, a file under <paramref name="dataFolder"/>)
    /// or PostgreSQL, chosen by <c>ConnectionStrings:Portal</c> / <c>Database:Provider</c>.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config, string dataFolder)
    {
        var options = new DatabaseOptions
        {
            ConnectionString = config.GetConnectionString("Portal"),
            Provider = config.GetValue<DatabaseProvider?>("Database:Provider"),
        };
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentKommun>();
        services.AddScoped<Granskning.AuditLog>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Notifications.OutboxSignalInterceptor>();

        // Contexts come from a pool: a new context's first use builds EF's internal services, which cost a tenth of a
        // signed-in request (measured with perf on bench/rekrytering-lista.sh). Each scope leases one and hands it the
        // scope's municipality and clock (AppDbContext.For). The options are built once, so anything added to them (with
        // ConfigureDbContext too) is a singleton.
        if (options.EffectiveProvider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => o.UseNpgsql(options.ConnectionString).AddInterceptors(sp.GetRequiredService<Notifications.OutboxSignalInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>().CreateDbContext()
                .For(sp.GetRequiredService<CurrentKommun>(), sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var cs = options.ConnectionString;
            if (string.IsNullOrWhiteSpace(cs))
            {
                Directory.CreateDirectory(dataFolder);
                cs = $"Data Source={Path.Combine(dataFolder, "chefsrekrytering.db")}";
            }
            // Concurrent writers queue for SQLite's single write lock in the process instead of failing or sleeping.
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o.UseSqlite(cs, s => s.CommandTimeout(30))
                .AddInterceptors(new SqliteConnectionSetup(), new SqliteWriteGate(), sp.GetRequiredService<Notifications.OutboxSignalInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>().CreateDbContext()
                .For(sp.GetRequiredService<CurrentKommun>(), sp.GetRequiredService<TimeProvider>()));
        }
        return services;
    }
}
