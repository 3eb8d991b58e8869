using Microsoft.AspNetCore.Builder;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using ChefsRekrytering.Policies;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// The whole portal in process, on its own fresh database (a SQLite file, or a new PostgreSQL database on the
/// server infra/test.sh started) and its own data folder, seeded with the demo municipalities.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "chefs-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private string _environment = "Testing";

    public PortalFactory(DatabaseProvider provider = DatabaseProvider.Sqlite, string? sharedConnectionString = null)
    {
        if (sharedConnectionString is not null)
        {
            // A second instance of the app on the same database (multi-instance tests); the first one owns it.
            Provider = provider;
            _settings["ConnectionStrings:Portal"] = sharedConnectionString;
            _settings["Storage:DataFolder"] = _dataFolder;
            _settings["Portal:SeedDemo"] = "true";
            _settings["Security:InloggningarPerMinut"] = "100000";
            _settings["Security:AnsokningarPerTimme"] = "100000";
            _settings["Security:Tvastegsverifiering:Kravs"] = "false";
            return;
        }
        Provider = provider;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgresDatabase = $"chefs_test_{Guid.NewGuid():N}";
            using var admin = new NpgsqlConnection(TestServices.Postgres);
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {_postgresDatabase}";
            create.ExecuteNonQuery();
            _settings["ConnectionStrings:Portal"] = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = _postgresDatabase }.ConnectionString;
        }
        _settings["Storage:DataFolder"] = _dataFolder;
        _settings["Portal:SeedDemo"] = "true";
        // Every test client comes from the same (unknown) address: the limits are tested on their own.
        _settings["Security:InloggningarPerMinut"] = "100000";
        _settings["Security:AnsokningarPerTimme"] = "100000";
        // The demo accounts sign in with the password printed on the sign-in page, as in the demo; the second step HR
        // and Admin need in production is tested on its own (TvastegsverifieringTests).
        _settings["Security:Tvastegsverifiering:Kravs"] = "false";
        // Scheduled jobs run when a test says so (SchedulerRunner.RunDueAsync), never behind its back.
        _settings["Scheduler:Enabled"] = "false";
    }

    public DatabaseProvider Provider { get; }
    public string? ConnectionString => _settings.GetValueOrDefault("ConnectionStrings:Portal");
    public string DataFolder => _dataFolder;

    /// <summary>Overrides a setting before the host is built (call before the first request).</summary>
    public PortalFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Time in the test's hand: the portal's clock is <paramref name="clock"/>, and neither the scheduler nor the
    /// mail dispatcher runs in the background, so the test moves the clock and runs what is due itself.</summary>
    public PortalFactory WithClock(TimeProvider clock) =>
        With("Scheduler:Enabled", "false").With("Mail:DispatcherEnabled", "false").WithServices(s => s.AddSingleton(clock));

    /// <summary>Runs the portal as <paramref name="environment"/> (e.g. "Production") instead of "Testing".</summary>
    public PortalFactory WithEnvironment(string environment)
    {
        _environment = environment;
        return this;
    }

    /// <summary>Replaces or adds services after the app's own registrations (e.g. a FakeTimeProvider).</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings before Build (provider, folders).
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(ConfigureTestServices);
        builder.ConfigureTestServices(services =>
        {
            _services.ForEach(configure => configure(services));
            // A clock in the test's hand (WithClock, or a FakeTimeProvider the test registers; the EndToEnd project shares this file without that package) is moved by days and years at
            // a time, and FakeTimeProvider fires a periodic timer once for every period it is moved past: the policy poll's
            // 15-second PeriodicTimer (PolicyUppdaterare) fired 4.2 million times for a clock moved two years, the poll
            // reading the database whenever it got a thread in between. No test moves the clock to make another instance's
            // publication seen, so with a fake clock the poll does not run, as the scheduler and the mail dispatcher do not.
            if (services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance is TimeProvider clock && clock != TimeProvider.System)
                foreach (var poll in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PolicyUppdaterare)).ToList())
                    services.Remove(poll);
        });
    }

    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    /// <summary>A DbContext scoped to one municipality, as a signed-in user of it would see the data.</summary>
    public AsyncServiceScope ScopeFor(string kommunId, out AppDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentKommun>().Use(kommunId);
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestServices.Postgres);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One portal on SQLite shared by a test class.</summary>
public sealed class SqlitePortal() : PortalFactory(DatabaseProvider.Sqlite);

/// <summary>One portal on PostgreSQL shared by a test class.</summary>
public sealed class PostgresPortal() : PortalFactory(DatabaseProvider.Postgres);

/// <summary>
/// Lets a test say which address a request comes from (header <see cref="Header"/>), as different computers would:
/// set before the portal's own pipeline, so forwarded headers, rate limits and the sign-in brake see it as the peer.
/// </summary>
public sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Klientadress";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value)) context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(value!);
            return nextMiddleware(context);
        });
        next(app);
    };
}
