using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChefsRekrytering.Tests.Notifications;

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = MailPortal.Clock();
    private SmtpSink _sink = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartNewAsync();
        _portal = MailPortal.Create(_sink, _clock);
        _ = _portal.Server;
    }

    [Fact]
    public async Task TestmejletFranAdminsidanLevererasViaSmtpPaSvenska()
    {
        var admin = await PortalClient.For(_portal).SignInAsync("kalix", "admin");
        var response = await admin.PostFormAsync("/admin/epost?handler=Testmejl", new(), formPage: "/admin/epost");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(_sink.Messages()); // committed, not yet sent: sending is the dispatcher's job

        Assert.Equal(1, await MailPortal.DispatchAsync(_portal));
        var message = Assert.Single(_sink.Messages());
        Assert.Equal("admin@kalix.example", ((MailboxAddress)message.To.Single()).Address);
        Assert.Equal("Nils Eriksson", ((MailboxAddress)message.To.Single()).Name);
        Assert.Equal("Testmejl från ChefsRekrytering", message.Subject);
        Assert.Contains("Hej Nils Eriksson!", message.TextBody);
        Assert.Contains("Om du läser det fungerar utskicket av e-post från portalen.", message.TextBody);
        Assert.DoesNotContain("<", message.TextBody);
        Assert.Contains("<h1", message.HtmlBody);
        Assert.Contains("ChefsRekrytering – Kalix kommun", message.HtmlBody);

        var page = await admin.PageAsync("/admin/epost");
        Assert.Contains("Skickat", page.QuerySelector("tbody tr")!.TextContent);
    }

    [Fact]
    public async Task MejlSomInteSparatsSkickasAldrig()
    {
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            await outbox.EnqueueAsync<Testmejl, Testmejl.Innehall>(new MailRecipient("x@kalix.example", "X"), "Återkallat",
                new Testmejl.Innehall("X", null, db.UtcNow), topic: "Testmejl", kommunId: "kalix");
            // The change that caused it fails, so the whole unit of work, mail included, is rolled back.
            db.Personer.Add(new Person { KommunId = "alvsbyn", Fornamn = "Fel", Efternamn = "Kommun", Epost = "fel@alvsbyn.example" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        Assert.Empty(_sink.Messages());
    }

    [Fact]
    public async Task NarSmtpServernArNereLevererasVarjeMejlExaktEnGangNarDenKommerTillbaka()
    {
        await _sink.StopAsync();
        await MailPortal.EnqueueTestMailsAsync(_portal, "kalix", 12);

        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var rows = await db.Set<OutboxMessage>().ToListAsync();
            Assert.All(rows, m => Assert.Equal((QueueStatus.Pending, 1), (m.Status, m.Attempts)));
            Assert.All(rows, m => Assert.NotNull(m.LastError));
        }
        // Before the backoff has passed nothing is retried, even with the server back.
        await _sink.StartAsync();
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(12, await MailPortal.DispatchAsync(_portal));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await MailPortal.DispatchAsync(_portal));

        var delivered = _sink.Messages();
        Assert.Equal(12, delivered.Count);
        Assert.Equal(12, delivered.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"Testmejl {i}").Order(), delivered.Select(m => m.Subject).Order());
    }

    [Fact]
    public async Task EfterSistaForsoketMarkerasMejletSomMisslyckat()
    {
        await _sink.StopAsync();
        await MailPortal.EnqueueTestMailsAsync(_portal, "alvsbyn", 1);
        for (var i = 0; i < 10; i++)
        {
            await MailPortal.DispatchAsync(_portal);
            _clock.Advance(TimeSpan.FromHours(1.5));
        }
        await using var scope = _portal.ScopeFor("alvsbyn", out var db);
        var message = await db.Set<OutboxMessage>().SingleAsync();
        Assert.Equal((QueueStatus.Failed, 10), (message.Status, message.Attempts));

        var admin = await PortalClient.For(_portal).SignInAsync("alvsbyn", "admin");
        var detail = await admin.PageAsync($"/admin/epost/{message.Id}");
        Assert.Contains("Misslyckades", detail.Body!.TextContent);
        Assert.Contains("SocketException", detail.Body!.TextContent);
    }

    [Fact]
    public async Task AdminSerAttEttMejlHadeEnPersonligLankMenAldrigNyckeln()
    {
        const string ansokan = "Q2hlZnNSZWtyeXRlcmluZy1ueWNrZWw";
        const string losenord = "CfDJ8-losenordsnyckel";
        long id;
        await using (var scope = _portal.ScopeFor("alvsbyn", out var db))
        {
            var m = new OutboxMessage
            {
                KommunId = "alvsbyn", ToAddress = "sokande@example.se", ToName = "Sökande", Subject = "Vi har tagit emot din ansökan",
                TextBody = $"Din sida: https://portal.example/ansokan/{ansokan}\nVälj lösenord: https://portal.example/konto/valj-losenord?id=7&token={losenord}",
                HtmlBody = $"<a href=\"https://portal.example/ansokan/{ansokan}\">Din ansökan</a> <a href=\"/konto/valj-losenord?id=7&amp;token={losenord}\">Välj</a>",
                Topic = "Konto:7", CreatedUtc = db.UtcNow, DueUtc = db.UtcNow, DeliveredAs = "mejl.eml",
            };
            db.Add(m);
            await db.SaveChangesAsync();
            id = m.Id;
        }

        var admin = await PortalClient.For(_portal).SignInAsync("alvsbyn", "admin");
        var html = await (await admin.GetAsync($"/admin/epost/{id}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain(ansokan, html);
        Assert.DoesNotContain(losenord, html);
        Assert.Contains("/ansokan/[dold]", html);
        Assert.Contains("personlig länk", html);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/epost/{id}?handler=Eml")).StatusCode);
    }

    [Fact]
    public async Task AdminSerBaraSlagOchLeveransForMejlTillSokandeArendenMotenOchNominerare()
    {
        var ids = new List<long>();
        await using (var scope = _portal.ScopeFor("alvsbyn", out var db))
        {
            foreach (var (topic, to, subject, text) in new[]
            {
                ("Kandidat:5", "bertil.sokande@example.se", "Erbjudande: enhetschef Vidsel", "Lön 52 000 kr, tillträde 1 mars"),
                ("Mote:intervju-5", "bertil.sokande@example.se", "Intervju tisdag 10.00", "Välkommen till intervju"),
                ("Avveckling:3", "fredrik.astrom@alvsbyn.example", "Du har ett ärende att titta på", "Handlingsplan"),
                ("AretsChef:2026:Nominering", "ida.nominerar@alvsbyn.example", "Tack för din nominering", "Du nominerade Helena"),
            })
            {
                var m = new OutboxMessage
                {
                    KommunId = "alvsbyn", ToAddress = to, ToName = to.Split('@')[0], Subject = subject, TextBody = text, HtmlBody = $"<p>{text}</p>",
                    Topic = topic, CreatedUtc = db.UtcNow, DueUtc = db.UtcNow, LastError = $"550 {to} unknown", Status = QueueStatus.Failed,
                };
                db.Add(m);
                await db.SaveChangesAsync();
                ids.Add(m.Id);
            }
        }
        var admin = await PortalClient.For(_portal).SignInAsync("alvsbyn", "admin");
        var pages = new List<string> { await (await admin.GetAsync("/admin/epost")).Content.ReadAsStringAsync() };
        foreach (var id in ids)
        {
            pages.Add(await (await admin.GetAsync($"/admin/epost/{id}")).Content.ReadAsStringAsync());
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/epost/{id}?handler=Eml")).StatusCode);
        }
        foreach (var secret in new[] { "bertil", "fredrik", "ida.nominerar", "52 000", "Erbjudande", "Intervju tisdag", "Handlingsplan", "Tack för din nominering", "Helena" })
            Assert.All(pages, html => Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase));
        // What Admin does see: what kind of mail, and that delivery failed.
        Assert.Contains("Till en sökande", pages[0]);
        Assert.Contains("Årets chef: bekräftelse till den som nominerat", pages[0]);
        Assert.Contains("Leveransen misslyckades", pages[1]);
    }

    [Fact]
    public async Task AdminSerInteAnnanKommunsMejl()
    {
        await MailPortal.EnqueueTestMailsAsync(_portal, "alvsbyn", 1, prefix: "Hemlig");
        long id;
        await using (var scope = _portal.ScopeFor("alvsbyn", out var db))
            id = await db.Set<OutboxMessage>().Select(m => m.Id).FirstAsync();
        var kalixAdmin = await PortalClient.For(_portal).SignInAsync("kalix", "admin");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await kalixAdmin.GetAsync($"/admin/epost/{id}")).StatusCode);
        Assert.DoesNotContain("Hemlig", (await kalixAdmin.PageAsync("/admin/epost")).Body!.TextContent);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _sink.DisposeAsync();
    }
}
