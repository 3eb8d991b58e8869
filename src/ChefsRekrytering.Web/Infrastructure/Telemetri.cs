using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Traces, metrics and logs, switched on by configuration: Azure Monitor when a connection string is given
/// (APPLICATIONINSIGHTS_CONNECTION_STRING or Telemetri:AzureMonitor:ConnectionString), else OTLP when an endpoint is
/// (Telemetri:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT). With neither, nothing is registered: no
/// listener, so the portal's ActivitySource and Meter cost nothing. Outside Development the console log is JSON.
/// Nothing that names a person is exported: see <see cref="Integritetsfilter"/>.
/// </summary>
public static class TelemetriExtensions
{
    public static IServiceCollection AddPortalTelemetri(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        // One JSON object a line for the platform's log collector, unless Logging:Console:FormatterName names another
        // (simple, for a person reading a terminal or a script counting lines); Development keeps the simple console.
        // Scopes stay out either way: the request's scope holds its path, and an applicant's path holds the private link.
        services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = false;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            // Swedish as itself ("för", not "f\u00F6r"): read by people, and searched for by the privacy test.
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = false);
        if (!env.IsDevelopment() && string.IsNullOrWhiteSpace(config["Logging:Console:FormatterName"]))
            services.AddLogging(l => l.AddJsonConsole());

        var azure = config["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } a ? a : config["Telemetri:AzureMonitor:ConnectionString"];
        var otlp = config["Telemetri:OtlpEndpoint"];
        var otlpStandard = config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(azure) && string.IsNullOrWhiteSpace(otlp) && string.IsNullOrWhiteSpace(otlpStandard))
            return services;

        var otel = services.AddOpenTelemetry().ConfigureResource(r =>
        {
            if (string.IsNullOrWhiteSpace(config["OTEL_SERVICE_NAME"])) r.AddService("chefsrekrytering");
        });
        var viaAzure = !string.IsNullOrWhiteSpace(azure);
        otel.WithTracing(t =>
        {
            t.AddSource(Telemetri.Namn).AddNpgsql().AddProcessor(new Integritetsfilter());
            // The distro brings its own request instrumentation; for OTLP it is ours.
            if (!viaAzure) t.AddAspNetCoreInstrumentation();
        });
        otel.WithMetrics(m =>
        {
            m.AddMeter(Telemetri.Namn);
            if (!viaAzure) m.AddAspNetCoreInstrumentation();
        });
        if (viaAzure)
            otel.UseAzureMonitor(o => o.ConnectionString = azure);
        else
        {
            otel.WithLogging();
            if (!string.IsNullOrWhiteSpace(otlp))
                otel.UseOtlpExporter(config["Telemetri:OtlpProtokoll"] is "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, new Uri(otlp));
            else
                otel.UseOtlpExporter(); // OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS as the standard says
        }

        // After the distro's own settings: an exception's message can quote an address, a log scope holds the path.
        services.PostConfigure<AspNetCoreTraceInstrumentationOptions>(o =>
        {
            o.RecordException = false;
            o.EnrichWithHttpRequest = (span, _) => Integritetsfilter.Rensa(span);
        });
        services.PostConfigure<OpenTelemetryLoggerOptions>(o =>
        {
            o.IncludeScopes = false;
            o.IncludeFormattedMessage = false;
        });
        services.AddSingleton<Koprov>();
        services.AddHostedService(sp => sp.GetRequiredService<Koprov>());
        return services;
    }
}

/// <summary>
/// Runs on every span before it is exported (the OTLP exporter's processor weighs more, so comes after; the Azure
/// Monitor exporter is added after this one): the private link in a path (/ansokan/{token}) becomes
/// /ansokan/[dold], the same rule that hides it in Admin's mail view (<see cref="Utskick.UtanNycklar"/>); every query
/// value becomes "Redacted" (SCIM filters carry user names, the set-password link its token); a failed span keeps
/// its status but not its description, which is an exception's message; the caller's address is dropped.
/// And a database call with no request or job around it is a poll (the outbox and the scheduler look every few
/// seconds): not exported, or an idle portal would send a trace every few seconds. The work a poll finds is traced in
/// its own span (outbox.dispatch, scheduler.job), with its database calls inside.
/// </summary>
public sealed class Integritetsfilter : BaseProcessor<Activity>
{
    public override void OnEnd(Activity span)
    {
        Rensa(span);
        if (span.Kind == ActivityKind.Client && span.Parent is null && span.ParentSpanId == default)
            span.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded; // the exporters skip what is not recorded
    }

    public static void Rensa(Activity span)
    {
        if (span.GetTagItem("url.path") is string path) span.SetTag("url.path", Utskick.UtanNycklar(path));
        if (span.GetTagItem("url.query") is string query) span.SetTag("url.query", UtanVarden(query));
        if (span.GetTagItem("url.full") is string full)
        {
            var q = full.IndexOf('?');
            span.SetTag("url.full", q < 0 ? Utskick.UtanNycklar(full) : Utskick.UtanNycklar(full[..q]) + UtanVarden(full[q..]));
        }
        if (span.GetTagItem("client.address") is not null) span.SetTag("client.address", null);
        if (span.Status == ActivityStatusCode.Error && span.StatusDescription is not null) span.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>"?id=…&amp;token=…" → "?id=Redacted&amp;token=Redacted": the names tell what was asked, never the values.</summary>
    internal static string UtanVarden(string query)
    {
        var fraga = query.StartsWith('?');
        var delar = (fraga ? query[1..] : query).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2) is [var namn, _] ? $"{namn}=Redacted" : p);
        return (fraga ? "?" : "") + string.Join('&', delar);
    }
}

/// <summary>
/// The gauges that need the database (outbox backlog and age, jobs due), per municipality over all of them. Read by
/// this background sampler every Telemetri:Samplingsintervall (15 s), never on a request's thread and never traced; the
/// exporter's collection reads the last sample.
/// </summary>
public sealed class Koprov : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _intervall;
    private readonly ILogger<Koprov> _log;
    private volatile IReadOnlyList<Prov> _senaste = [];

    private sealed record Prov(string KommunId, long Ko, double AlderSekunder, long JobbForfallna);

    public Koprov(IServiceScopeFactory scopes, IMeterFactory meters, IConfiguration config, ILogger<Koprov> log)
    {
        _scopes = scopes;
        _log = log;
        _intervall = config.GetValue("Telemetri:Samplingsintervall", TimeSpan.FromSeconds(15));
        var meter = meters.Create(Telemetri.Namn);
        meter.CreateObservableGauge(Telemetri.UtskickKo, () => _senaste.Select(p => new Measurement<long>(p.Ko, Kommun(p))),
            "{message}", "Mail waiting in the outbox (pending, due or not).");
        meter.CreateObservableGauge(Telemetri.UtskickAlder, () => _senaste.Select(p => new Measurement<double>(p.AlderSekunder, Kommun(p))),
            "s", "How long the oldest due mail has waited past its due time; 0 when none is due.");
        meter.CreateObservableGauge(Telemetri.JobbForfallna, () => _senaste.Select(p => new Measurement<long>(p.JobbForfallna, Kommun(p))),
            "{job}", "Scheduled jobs pending with their due time passed.");
    }

    private static KeyValuePair<string, object?> Kommun(Prov p) => new("kommun.id", p.KommunId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time for the cadence, whatever clock the portal runs on: a test's frozen clock must not stop the sampling.
        using var timer = new PeriodicTimer(_intervall);
        do
        {
            try { _senaste = await ProvaAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.LogWarning("Köernas mätvärden kunde inte läsas: {Fel}", e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IReadOnlyList<Prov>> ProvaAsync(CancellationToken ct)
    {
        using var tyst = SuppressInstrumentationScope.Begin();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = db.UtcNow;
        var kommuner = await db.Kommuner.IgnoreQueryFilters().Select(k => k.Id).ToListAsync(ct);
        var utskick = db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.Status == QueueStatus.Pending);
        var ko = await utskick.GroupBy(m => m.KommunId).Select(g => new { g.Key, Antal = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Antal, ct);
        var forst = await utskick.Where(m => m.DueUtc <= now).GroupBy(m => m.KommunId)
            .Select(g => new { g.Key, Forst = g.Min(m => m.DueUtc) }).ToDictionaryAsync(x => x.Key, x => x.Forst, ct);
        var jobb = await db.Set<ScheduledJob>().IgnoreQueryFilters().Where(j => j.Status == QueueStatus.Pending && j.DueUtc <= now)
            .GroupBy(j => j.KommunId).Select(g => new { g.Key, Antal = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Antal, ct);
        return kommuner.Select(k => new Prov(k, ko.GetValueOrDefault(k),
            forst.TryGetValue(k, out var f) ? Math.Max(0, (now - f).TotalSeconds) : 0, jobb.GetValueOrDefault(k))).ToList();
    }
}
