using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Notifications;

/// <summary>Several app instances on one database send from one outbox: no row goes out twice.</summary>
public class MultiInstanceTests
{
    [Fact]
    public Task TvaInstanserPaPostgresSkickarVarjeMejlEnGang() => RunAsync(DatabaseProvider.Postgres);

    [Fact]
    public Task TvaInstanserPaSqliteSkickarVarjeMejlEnGang() => RunAsync(DatabaseProvider.Sqlite);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartNewAsync();
        var clock = MailPortal.Clock();
        await using var first = MailPortal.Create(sink, clock, provider);
        _ = first.Server;
        await using var second = MailPortal.Create(sink, clock, provider, sharedDb: first.ConnectionString
            ?? $"Data Source={Path.Combine(first.DataFolder, "chefsrekrytering.db")}");
        _ = second.Server;

        const int count = 120;
        await MailPortal.EnqueueTestMailsAsync(first, "kalix", count);

        // Three dispatch loops in each instance, all at once.
        var runs = Enumerable.Range(0, 6).Select(i => Task.Run(() => MailPortal.DispatchAsync(i % 2 == 0 ? first : second))).ToArray();
        var sentPerRun = await Task.WhenAll(runs);

        Assert.Equal(count, sentPerRun.Sum());
        Assert.True(sentPerRun.Where((_, i) => i % 2 == 1).Sum() > 0, "den andra instansen skickade inget: testet prövar inte samtidighet");
        var delivered = sink.Messages();
        Assert.Equal(count, delivered.Count);
        Assert.Equal(count, delivered.Select(m => m.MessageId).Distinct().Count());
        await using var scope = first.ScopeFor("kalix", out var db);
        Assert.Equal(count, await db.Set<OutboxMessage>().CountAsync(m => m.Status == QueueStatus.Done && m.Attempts == 1));
    }
}
