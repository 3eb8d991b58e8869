using System.Text.Json;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using MailKit.Net.Smtp;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// /health/live: the process answers (no dependency, so an outage elsewhere never restarts a replica).
/// /health/ready: the database and the document store (Unhealthy: 503, out of traffic), the mail server and the outbox
/// backlog (Degraded: still 200, named in the body; the outbox keeps the mail, so a mail outage must not take the
/// portal down). /health: the database only, as before (bench scripts and old probes wait on it).
/// </summary>
public static class Halsokontroller
{
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<SmtpKontroll>();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("databas", tags: [Ready])
            .AddCheck<DokumentlagerKontroll>("dokument", HealthStatus.Unhealthy, [Ready], TimeSpan.FromSeconds(5))
            .AddCheck<SmtpKontroll>("epost", HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(6))
            .AddCheck<UtkorgKontroll>("utkorg", HealthStatus.Degraded, [Ready], TimeSpan.FromSeconds(5));
        return services;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", Options(r => r.Name == "databas")).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/live", Options(_ => false)).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", Options(r => r.Tags.Contains(Ready))).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) =>
        new() { Predicate = predicate, ResponseWriter = Write, AllowCachingResponses = false };

    /// <summary>
    /// {"status":"Degraded","kontroller":{"databas":"Healthy","epost":"Degraded"},"orsaker":{"epost":"..."}}: the reasons
    /// only when something is wrong, and only our own Swedish sentences, never an exception's text (it may quote a
    /// host, a connection string or an address).
    /// </summary>
    private static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var wrong = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        object body = wrong.Count == 0
            ? new { status = report.Status.ToString(), kontroller = Statuses(report) }
            : new
            {
                status = report.Status.ToString(),
                kontroller = Statuses(report),
                orsaker = wrong.ToDictionary(e => e.Key, e => e.Value.Exception is null && e.Value.Description is { Length: > 0 } d
                    ? d : "Kontrollen misslyckades eller tog för lång tid."),
            };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static Dictionary<string, string> Statuses(HealthReport report) =>
        report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString());
}

/// <summary>The document store answers: Blob Storage's container can be asked for, or the document folder takes a write.</summary>
internal sealed class DokumentlagerKontroll(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var failure = context.Registration.FailureStatus;
        switch (store)
        {
            case BlobDocumentStore blob:
                // Shorter than the check's own limit, so the answer says what went wrong rather than only "timeout".
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    timeout.CancelAfter(TimeSpan.FromSeconds(3));
                    try
                    {
                        // A missing container is fine: the first save creates it.
                        await blob.Container.ExistsAsync(timeout.Token);
                        return HealthCheckResult.Healthy("Blob Storage svarar.");
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        var why = e is OperationCanceledException ? "i tid" : $"({e.GetType().Name})";
                        return new HealthCheckResult(failure, $"Blob Storage svarar inte {why}.");
                    }
                }
            case FileSystemDocumentStore folder:
                // Written and removed again: a full or read-only disk shows here before an upload fails on it.
                var probe = Path.Combine(folder.Folder, $".halsa-{Guid.NewGuid():N}.tmp");
                try
                {
                    await File.WriteAllBytesAsync(probe, [1], ct);
                    return HealthCheckResult.Healthy("Dokumentmappen går att skriva i.");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return new HealthCheckResult(failure, $"Dokumentmappen går inte att skriva i ({e.GetType().Name}).");
                }
                finally
                {
                    try { File.Delete(probe); } catch (IOException) { }
                }
            default:
                return HealthCheckResult.Healthy();
        }
    }
}

/// <summary>
/// The SMTP server takes a connection and answers NOOP within <see cref="MailOptions.ReadySmtpTimeout"/>. The answer
/// is kept for <see cref="MailOptions.ReadySmtpCacheFor"/> and concurrent probes share one attempt, so several
/// replicas probing every few seconds do not hammer the server.
/// </summary>
internal sealed class SmtpKontroll(IOptions<MailOptions> options, TimeProvider clock) : IHealthCheck
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var o = options.Value;
        if (o.Delivery != MailDelivery.Smtp) return HealthCheckResult.Healthy("Mejlen skrivs till en mapp.");
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < o.ReadySmtpCacheFor) return last.Result;
            var result = await ProbeAsync(o, context.Registration.FailureStatus, ct);
            _last = (clock.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<HealthCheckResult> ProbeAsync(MailOptions o, HealthStatus failure, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.ReadySmtpTimeout);
        using var client = new SmtpClient { Timeout = (int)o.ReadySmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.Smtp.Host, o.Smtp.Port, o.Smtp.Security, timeout.Token);
            await client.NoOpAsync(timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return HealthCheckResult.Healthy("SMTP-servern svarar.");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? "svarade inte i tid" : $"går inte att nå ({e.GetType().Name})";
            return new HealthCheckResult(failure, $"SMTP-servern {why}; mejlen väntar i utkorgen och skickas när den svarar.");
        }
    }
}

/// <summary>
/// The oldest mail still waiting in the outbox (across municipalities, retries in backoff included) is younger than
/// <see cref="MailOptions.ReadyMaxBacklogAge"/>: older means no instance is sending, or the server keeps refusing.
/// </summary>
internal sealed class UtkorgKontroll(AppDbContext db, IOptions<MailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var oldest = await db.Set<OutboxMessage>().IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Status == QueueStatus.Pending)
            .OrderBy(m => m.CreatedUtc).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefaultAsync(ct);
        var limit = options.Value.ReadyMaxBacklogAge;
        if (oldest is null) return HealthCheckResult.Healthy("Utkorgen är tom.");
        var age = db.UtcNow - oldest.Value;
        return age <= limit
            ? HealthCheckResult.Healthy("Utkorgen töms i tid.")
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"Det äldsta mejlet i utkorgen har väntat {Minuter(age)} min, längre än gränsen {Minuter(limit)} min.");
    }

    private static string Minuter(TimeSpan t) => ((int)t.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
