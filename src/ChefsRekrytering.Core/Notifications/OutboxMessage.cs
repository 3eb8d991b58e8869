using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Scheduling;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// A mail waiting to be sent, saved in the same transaction as the change that causes it, so a change is never
/// committed without its mail and a mail is never sent for a change that was rolled back.
/// </summary>
public class OutboxMessage : IKommunEntity, IQueuedWork
{
    public long Id { get; set; }
    public required string KommunId { get; set; }
    /// <summary>Message-ID header: the same on every attempt, so a receiver can tell a retry from a new mail.</summary>
    public Guid MessageId { get; set; } = Guid.NewGuid();
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }
    /// <summary>What the mail is about, e.g. "Testmejl" or "Mote:12"; shown on the admin page, used by tests.</summary>
    public required string Topic { get; set; }
    public List<OutboxAttachment> Attachments { get; set; } = [];

    public QueueStatus Status { get; set; } = QueueStatus.Pending;
    public DateTime CreatedUtc { get; set; }
    public DateTime DueUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    /// <summary>For the pickup folder: the .eml file written.</summary>
    public string? DeliveredAs { get; set; }
}

/// <summary>A file sent with a mail, e.g. a calendar invite. <see cref="Inline"/> parts go into the body (text/calendar).</summary>
public class OutboxAttachment
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public required string FileName { get; set; }
    /// <summary>Full MIME type with parameters, e.g. "text/calendar; method=REQUEST; charset=utf-8".</summary>
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public bool Inline { get; set; }
}
