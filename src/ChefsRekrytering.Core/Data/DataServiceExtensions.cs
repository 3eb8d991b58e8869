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

        // The options are built once, not per request: built per scope they cost EF a fresh options object and a
        // service-provider lookup for every context (a tenth of the allocations of a list page). Anything added to
        // them with ConfigureDbContext must therefore be a singleton too.
        if (options.EffectiveProvider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(options.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
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
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(cs, s => s.CommandTimeout(30)).AddInterceptors(new SqliteWriteGate()),
                optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
    }
}
