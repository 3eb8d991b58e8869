using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Notifications;

/// <summary>
/// The mail server misbehaving, through MailKit to the real sink (infra/smtp-sink/sink.js's fault modes): a refusal
/// for now is retried with backoff, a refusal for good fails the mail at once with its reason, a dropped connection
/// is retried with the same Message-ID. Every mail reaches the sink once, or is marked failed.
/// </summary>
public sealed class SmtpFelTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = MailPortal.Clock();
    private SmtpSink _sink = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartNewAsync();
        _portal = MailPortal.Create(_sink, _clock);
        _ = _portal.Server;
    }

    [Theory]
    [InlineData("451-rcpt")]
    [InlineData("451-data")]
    public async Task TillfalligtNejProvasIgenMedBackoffOchLevererasEnGang(string fault)
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 1);
        _sink.Fault(fault, count: 2);
        var start = _clock.GetUtcNow();

        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        var row = await RowAsync();
        Assert.Equal((QueueStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("4.3.0 Try again later", row.LastError);

        // Not before the backoff (30 s after the first try, then a minute).
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        Assert.Equal(1, (await RowAsync()).Attempts);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        Assert.Equal((QueueStatus.Pending, 2), ((await RowAsync()).Status, (await RowAsync()).Attempts));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));

        row = await RowAsync();
        Assert.Equal((QueueStatus.Done, 3), (row.Status, row.Attempts));
        Assert.Equal(TimeSpan.FromSeconds(90), row.SentUtc - start.UtcDateTime);
        var delivered = Assert.Single(_sink.Messages());
        Assert.Equal($"{row.MessageId:N}@chefsrekrytering", delivered.MessageId);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        Assert.Single(_sink.Messages());
    }

    [Theory]
    [InlineData("550-rcpt", "5.1.1 <[adress]>: Recipient address rejected: User unknown")]
    [InlineData("550-data", "5.7.1 Message rejected")]
    public async Task PermanentNejMarkerarMejletMisslyckatDirektMedOrsakenUtanAdress(string fault, string reason)
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 3);
        _sink.Fault(fault, count: 1);

        // The refused mail does not hold up the rest of the batch on the same connection.
        Assert.Equal(2, await MailPortal.DispatchAsync(_portal));
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var rows = await db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
            Assert.Equal((QueueStatus.Failed, 1), (rows[0].Status, rows[0].Attempts));
            Assert.Equal($"SmtpCommandException: {reason}", rows[0].LastError);
            Assert.DoesNotContain("@", rows[0].LastError);
            Assert.All(rows.Skip(1), m => Assert.Equal((QueueStatus.Done, 1), (m.Status, m.Attempts)));
        }
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        Assert.Equal(["Testmejl 1", "Testmejl 2"], _sink.Messages().Select(m => m.Subject).Order());

        var admin = await PortalClient.For(_portal).SignInAsync("kalix", "admin");
        var page = await admin.PageAsync($"/admin/epost/{(await RowAsync()).Id}");
        Assert.Contains("Misslyckades", page.Body!.TextContent);
        var error = page.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Senaste fel").NextElementSibling!.TextContent;
        Assert.Equal($"SmtpCommandException: {reason}", error);
    }

    [Fact]
    public async Task AvbrutenForbindelseMittIMejletProvasIgenMedSammaMessageIdOchLevererasEnGang()
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 3);
        _sink.Fault("drop-data", count: 1);

        // The next mail in the batch goes over a new connection.
        Assert.Equal(2, await MailPortal.DispatchAsync(_portal));
        var first = await RowAsync();
        Assert.Equal((QueueStatus.Pending, 1), (first.Status, first.Attempts));
        var partial = Assert.Single(_sink.Partial());
        Assert.Equal($"{first.MessageId:N}@chefsrekrytering", partial.MessageId);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));

        var delivered = _sink.Messages();
        Assert.Equal(3, delivered.Count);
        Assert.Equal(3, delivered.Select(m => m.MessageId).Distinct().Count());
        Assert.Contains(delivered, m => m.MessageId == partial.MessageId);
        Assert.Equal((QueueStatus.Done, 2), ((await RowAsync()).Status, (await RowAsync()).Attempts));
    }

    /// <summary>
    /// The known edge of at-least-once: the server stored the mail but the reply never came, so the portal cannot know
    /// and sends it again. Both copies carry the same Message-ID, which is how a receiver tells them apart.
    /// </summary>
    [Fact]
    public async Task SvaretSomAldrigKomGerEnKopiaTillMedSammaMessageId()
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 1);
        _sink.Fault("drop-after-data", count: 1);

        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));

        var delivered = _sink.Messages();
        Assert.Equal(2, delivered.Count);
        Assert.Single(delivered.Select(m => m.MessageId).Distinct());
    }

    private async Task<OutboxMessage> RowAsync()
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().OrderBy(m => m.Id).FirstAsync();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _sink.DisposeAsync();
    }
}
