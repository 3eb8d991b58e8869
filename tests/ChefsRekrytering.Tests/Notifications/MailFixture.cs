using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Notifications;

/// <summary>A portal that mails through SMTP to a real sink, with the clock in the test's hand and no background sending:
/// the test decides when the dispatcher runs.</summary>
public static class MailPortal
{
    public static PortalFactory Create(SmtpSink sink, FakeTimeProvider clock, DatabaseProvider provider = DatabaseProvider.Sqlite, string? sharedDb = null) =>
        new PortalFactory(provider, sharedDb)
            .With("Mail:Delivery", "Smtp")
            .With("Mail:Smtp:Host", "127.0.0.1")
            .With("Mail:Smtp:Port", sink.Port.ToString())
            .With("Mail:Smtp:Security", "None")
            .With("Mail:Smtp:Timeout", "00:00:05")
            .WithClock(clock);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Commits <paramref name="count"/> test mails in the given municipality, one transaction each.</summary>
    public static async Task EnqueueTestMailsAsync(PortalFactory portal, string kommunId, int count, string prefix = "Mottagare")
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = portal.ScopeFor(kommunId, out var db);
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            await outbox.EnqueueAsync<Testmejl, Testmejl.Innehall>(
                new MailRecipient($"mottagare{i}@{kommunId}.example", $"{prefix} {i}"), $"Testmejl {i}",
                new Testmejl.Innehall($"{prefix} {i}", "Kalix kommun", db.UtcNow), topic: "Testmejl", kommunId: kommunId);
            await db.SaveChangesAsync();
        }
    }

    public static Task<int> DispatchAsync(PortalFactory portal) =>
        portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
}
