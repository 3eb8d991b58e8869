using ChefsRekrytering.Data;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// Sends committed outbox mail: claims a batch under a lease (so two instances never take the same row),
/// sends each, marks it sent at once, and on failure retries later with backoff.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IMailTransportFactory transports, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    /// <summary>Sends every due message; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        // One SMTP connection for the whole round (it connects at the first mail), not one per batch.
        await using var transport = transports.Create();
        while (!ct.IsCancellationRequested)
        {
            var (batchSent, claimed) = await DispatchBatchAsync(transport, ct);
            sent += batchSent;
            // Claim until nothing is left: a short batch may only mean that loops beside this one hold the rest, while
            // the opening of a campaign keeps committing more.
            if (claimed == 0) break;
        }
        return sent;
    }

    private async Task<(int Sent, int Claimed)> DispatchBatchAsync(IMailTransport transport, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await WorkQueue.ClaimAsync<OutboxMessage>(db, options.Value.BatchSize, options.Value.Lease, ct);
        if (batch.Count == 0) return (0, 0);
        using var span = Telemetri.Kalla.StartActivity(Telemetri.UtskickSpan); // only batches with mail: an idle poll is no span
        span?.SetTag("outbox.batch.size", batch.Count);
        var ids = batch.Select(m => m.Id).ToList();
        await db.Set<OutboxAttachment>().Where(a => ids.Contains(a.OutboxMessageId)).LoadAsync(ct);
        // Each save below concerns the one mail just tried; left automatic, every save would compare the whole batch's
        // rows, bodies and attachments with their snapshots again (a tenth of the portal's CPU while an opening drained).
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var sent = 0;
        foreach (var message in batch)
        {
            using var mejl = Telemetri.Kalla.StartActivity(Telemetri.MejlSpan);
            mejl?.SetTag("outbox.message.id", message.Id);
            mejl?.SetTag("kommun.id", message.KommunId);
            try
            {
                message.DeliveredAs = await transport.SendAsync(Build(message), ct);
                message.Status = QueueStatus.Done;
                message.SentUtc = clock.GetUtcNow().UtcDateTime;
                message.Attempts++;
                WorkQueue.Release(message);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WorkQueue.RecordFailure(message, e, clock.GetUtcNow().UtcDateTime, SmtpFel.Forsok(e, options.Value.MaxAttempts));
                Telemetri.Misslyckades(mejl, e);
                log.LogWarning("Mejl {Id} kunde inte skickas (försök {Attempt}): {Error}", message.Id, message.Attempts, e.GetType().Name);
            }
            // Saved one by one: a mail that went out is marked before the next is tried.
            db.Entry(message).DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        span?.SetTag("outbox.batch.sent", sent);
        return (sent, batch.Count);
    }

    private MimeMessage Build(OutboxMessage m)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = m.Subject, MessageId = $"{m.MessageId:N}@chefsrekrytering" };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        // text + html (+ an inline text/calendar part, which is how Outlook recognises an invitation)
        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = m.TextBody },
            new TextPart("html") { Text = m.HtmlBody },
        };
        foreach (var inline in m.Attachments.Where(a => a.Inline))
            alternative.Add(new MimePart(ContentType.Parse(inline.ContentType)) { Content = new MimeContent(new MemoryStream(inline.Content)), ContentTransferEncoding = ContentEncoding.Base64 });

        if (m.Attachments.All(a => a.Inline))
        {
            message.Body = alternative;
            return message;
        }
        var mixed = new Multipart("mixed") { alternative };
        foreach (var a in m.Attachments.Where(a => !a.Inline))
            mixed.Add(new MimePart(ContentType.Parse(a.ContentType))
            {
                Content = new MimeContent(new MemoryStream(a.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = a.FileName,
            });
        message.Body = mixed;
        return message;
    }
}

/// <summary>Runs the dispatcher in the background: at once when mail is committed, else every poll interval; with
/// <see cref="MailOptions.Parallelism"/> loops side by side.</summary>
public sealed class OutboxBackgroundService(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<OutboxBackgroundService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Several loops claim their own batches (the claim skips rows another holds) until the outbox is empty.
            var loops = Math.Max(1, options.Value.Parallelism);
            try { await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => dispatcher.DispatchDueAsync(stoppingToken))); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next round tries again.
                log.LogError(e, "Utskicket av mejl avbröts");
            }
            await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
        }
    }
}
