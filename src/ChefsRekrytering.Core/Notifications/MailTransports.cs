using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChefsRekrytering.Notifications;

/// <summary>Where a built message goes. One transport per dispatch loop's round, so one SMTP connection serves every batch it claims.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Delivers the message; returns a note for the outbox row (e.g. the .eml file name).</summary>
    Task<string?> SendAsync(MimeMessage message, CancellationToken ct);
}

public interface IMailTransportFactory
{
    IMailTransport Create();
}

internal sealed class MailTransportFactory(IOptions<MailOptions> options) : IMailTransportFactory
{
    public IMailTransport Create() => options.Value.Delivery == MailDelivery.Smtp
        ? new SmtpTransport(options.Value.Smtp)
        : new PickupFolderTransport(options.Value.PickupFolder ?? throw new InvalidOperationException("Mail:PickupFolder saknas."));
}

/// <summary>Embedded default: each mail as an .eml file, written atomically so a reader never sees half a file.</summary>
internal sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public async Task<string?> SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var id = message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N");
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{id}.eml";
        var temp = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(folder, name), overwrite: true);
        return name;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>SMTP through MailKit; connects on first use, stays connected for the round and connects again after a drop.</summary>
internal sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    private readonly SmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };

    public async Task<string?> SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(options.Host, options.Port, options.Security, ct);
            if (!string.IsNullOrEmpty(options.Username))
                await _client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        }
        return await _client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true); }
            catch (Exception) { /* the batch is done; a failed QUIT changes nothing */ }
        }
        _client.Dispose();
    }
}
