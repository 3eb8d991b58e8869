using MailKit.Security;

namespace ChefsRekrytering.Notifications;

public enum MailDelivery { PickupFolder, Smtp }

/// <summary>Section "Mail". Nothing is needed for the embedded default: .eml files in the data folder.</summary>
public sealed class MailOptions
{
    public string FromAddress { get; set; } = "no-reply@chefsrekrytering.example";
    public string FromName { get; set; } = "ChefsRekrytering";
    public MailDelivery Delivery { get; set; } = MailDelivery.PickupFolder;
    /// <summary>Default: &lt;data folder&gt;/mail.</summary>
    public string? PickupFolder { get; set; }
    public SmtpOptions Smtp { get; set; } = new();
    public bool DispatcherEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 20;
    /// <summary>Dispatch loops at once, each with its own claimed batch and its own SMTP connection: one connection sends
    /// a few hundred mails a second at best, and a campaign's 50,000 invitations must go within minutes. Lower it for a
    /// relay that limits concurrent connections.</summary>
    public int Parallelism { get; set; } = 4;
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Longer than the SMTP timeout, so a slow send is never taken over by another instance.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>/health/ready is Degraded when the oldest waiting mail has waited longer than this.</summary>
    public TimeSpan ReadyMaxBacklogAge { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>/health/ready's SMTP probe (connect + NOOP): its longest wait, and how long its answer is kept.</summary>
    public TimeSpan ReadySmtpTimeout { get; set; } = TimeSpan.FromSeconds(3);
    public TimeSpan ReadySmtpCacheFor { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
