using System.Threading.Channels;
using ChefsRekrytering.Data;

namespace ChefsRekrytering.Notifications;

/// <summary>Whom a mail goes to; <paramref name="Sprak"/> picks the template's English twin for an applicant who chose English
/// (<see cref="Mejlmallar.NyckelPa"/>).</summary>
public sealed record MailRecipient(string Address, string Name, string? Sprak = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, bool Inline = false);

/// <summary>
/// Puts a rendered mail into the outbox of the current DbContext. Nothing is sent here: the caller's
/// SaveChanges commits the mail together with the change, and the dispatcher sends it afterwards.
/// The text is the municipality's (<c>kommunId</c>) current version of the template, or the file's for a
/// mail that belongs to no municipality (pass null on purpose); <c>subject</c> is the portal's proposal, which the
/// template's subject line may use as <c>{{ amne }}</c>.
/// </summary>
public sealed class Outbox(AppDbContext db, MailComposer composer)
{
    public async Task<OutboxMessage> EnqueueAsync<TTemplate, TModel>(
        MailRecipient to, string subject, TModel model, string topic, string? kommunId, IEnumerable<MailAttachment>? attachments = null)
        where TTemplate : IMailTemplate<TModel>
        where TModel : notnull
    {
        var (rendered, html, text) = await composer.RenderAsync<TTemplate, TModel>(model, subject, kommunId, to.Sprak);
        var message = new OutboxMessage
        {
            KommunId = kommunId ?? "",
            ToAddress = to.Address,
            ToName = to.Name,
            Subject = rendered,
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
        db.Add(message); // the dispatcher is woken when it is committed (OutboxSignalInterceptor)
        return message;
    }
}

/// <summary>
/// Wakes the dispatcher once a save that added mail has committed, rather than at its next poll. An interceptor rather
/// than an event on the context, since contexts are pooled and an event handler would outlive its request.
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.DbContext, object> _withMail = new();

    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> SavingChanges(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
        Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result)
    {
        Wake(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(Microsoft.EntityFrameworkCore.Diagnostics.DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(Microsoft.EntityFrameworkCore.Diagnostics.DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added))
            _withMail.AddOrUpdate(context, context);
    }

    // A save inside a transaction is committed later; the dispatcher then finds it at its next look, which is soon.
    private void Wake(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is not null && _withMail.Remove(context)) signal.Notify();
    }

    private void Forget(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is not null) _withMail.Remove(context);
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
