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

    /// <summary>An opening leaves tens of thousands of pending mails with one due time. Each claim reads its batch in order
    /// through the partial index of pending rows; before it, each claim of 20 sorted the whole backlog (30-88 ms at 30,000).</summary>
    [Fact]
    public async Task KravetLaserSinSatsGenomIndexetOchSorterarInteHelaKon()
    {
        await using var portal = new PortalFactory(DatabaseProvider.Postgres);
        _ = portal.Server;
        await using var scope = portal.ScopeFor("kalix", out var db);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "OutboxMessage" ("KommunId", "MessageId", "ToAddress", "ToName", "Subject", "HtmlBody", "TextBody", "Topic",
                "Status", "CreatedUtc", "DueUtc", "Attempts")
            SELECT 'kalix', gen_random_uuid(), 'p' || g || '@kalix.example', 'P', 'Inbjudan', '<p>Hej</p>', 'Hej', 'Test', 'Pending',
                now(), now() - interval '1 minute', 0
            FROM generate_series(1, 5000) g
            """);
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "OutboxMessage" """);

        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        // The claim's own SQL, with its placeholders as positional parameters; EXPLAIN plans it without running it.
        var sql = System.Text.RegularExpressions.Regex.Replace(WorkQueue.ClaimSql<OutboxMessage>(db), @"\{(\d)\}", m => $"${int.Parse(m.Groups[1].Value) + 1}");
        await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var value in new object[] { DateTime.UtcNow.AddMinutes(2), DateTime.UtcNow, 20 })
            explain.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains("IX_OutboxMessage_Vantande"));
        Assert.DoesNotContain(plan, line => line.TrimStart(' ', '-', '>').StartsWith("Sort"));
        Assert.Equal(20, (await WorkQueue.ClaimAsync<OutboxMessage>(db, 20, TimeSpan.FromMinutes(1), CancellationToken.None)).Count);
    }

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
