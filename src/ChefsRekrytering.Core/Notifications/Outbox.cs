using System.Threading.Channels;
using ChefsRekrytering.Data;
using Microsoft.AspNetCore.Components;

namespace ChefsRekrytering.Notifications;

public sealed record MailRecipient(string Address, string Name);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, bool Inline = false);

/// <summary>
/// Puts a rendered mail into the outbox of the current DbContext. Nothing is sent here: the caller's
/// SaveChanges commits the mail together with the change, and the dispatcher sends it afterwards.
/// </summary>
public sealed class Outbox(AppDbContext db, MailComposer composer, OutboxSignal signal)
{
    private bool _listening;

    public async Task<OutboxMessage> EnqueueAsync<TTemplate, TModel>(
        MailRecipient to, string subject, TModel model, string topic, IEnumerable<MailAttachment>? attachments = null,
        string? kommunId = null)
        where TTemplate : IComponent, IMailTemplate<TModel>
    {
        var (html, text) = await composer.RenderAsync<TTemplate, TModel>(model);
        var message = new OutboxMessage
        {
            KommunId = kommunId ?? "",
            ToAddress = to.Address,
            ToName = to.Name,
            Subject = subject,
            HtmlBody = html,
            TextBody = text,
            Topic = topic,
            CreatedUtc = db.UtcNow,
            DueUtc = db.UtcNow,
            Attachments = attachments?.Select(a => new OutboxAttachment
            {
                FileName = a.FileName, ContentType = a.ContentType, Content = a.Content, Inline = a.Inline,
            }).ToList() ?? [],
        };
        db.Add(message);
        if (!_listening)
        {
            // Wake the dispatcher once the mail is committed rather than at its next poll.
            db.SavedChanges += (_, _) => signal.Notify();
            _listening = true;
        }
        return message;
    }
}

/// <summary>Tells the dispatcher that new mail has been committed. Several notifications before it wakes count as one.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a notification or the timeout, measured on the TimeProvider so tests can move time.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, ct);
        try
        {
            await _channel.Reader.WaitToReadAsync(either.Token);
            _channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}
