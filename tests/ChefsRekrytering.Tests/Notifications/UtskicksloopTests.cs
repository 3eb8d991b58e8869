using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Notifications;

/// <summary>The background dispatcher with several loops side by side (Mail:Parallelism), as a campaign's opening runs it:
/// every committed mail reaches the SMTP server once, whatever loop took it.</summary>
public class UtskicksloopTests
{
    [Fact]
    public Task FyraSlingorPaPostgresLevererarVarjeMejlEnGang() => RunAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task FyraSlingorPaSqliteLevererarVarjeMejlEnGang() => RunAsync(DatabaseProvider.Sqlite);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var portal = MailPortal.Create(sink, MailPortal.Clock(), provider)
            .With("Mail:DispatcherEnabled", "true").With("Mail:Parallelism", "4").With("Mail:BatchSize", "5");
        _ = portal.Server;

        const int count = 150;
        await MailPortal.EnqueueTestMailsAsync(portal, "kalix", count);

        await sink.WaitForAsync(count, TimeSpan.FromSeconds(60));
        await Task.Delay(500); // a mail sent twice would arrive after the count was reached
        var delivered = sink.Messages();
        Assert.Equal(count, delivered.Count);
        Assert.Equal(count, delivered.Select(m => m.MessageId).Distinct().Count());
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Equal(count, await db.Set<OutboxMessage>().CountAsync(m => m.Status == QueueStatus.Done && m.Attempts == 1));
    }
}
