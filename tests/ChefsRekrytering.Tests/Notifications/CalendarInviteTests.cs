using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChefsRekrytering.Tests.Notifications;

public sealed class CalendarInviteTests : IAsyncLifetime
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
    public async Task BokningAndringOchAvbokningSkickasMedSammaUidOchStigandeSekvens()
    {
        var start = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc); // 09:00 in Stockholm
        int moteId;
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var meetings = scope.ServiceProvider.GetRequiredService<MeetingService>();
            var mote = await meetings.BookAsync(new MeetingRequest("Intervju: enhetschef Furugården", "Strukturerad intervju enligt kravprofilen.",
                "Stadshuset, rum 3", start, start.AddHours(1), new MailRecipient("rekryterande@kalix.example", "Anders Nilsson"),
                [new MailRecipient("kandidat@exempel.se", "Kim Kandidat"), new MailRecipient("hr@kalix.example", "Lena Forsberg")], "Test:1"));
            await db.SaveChangesAsync();
            moteId = mote.Id;
        }
        await MailPortal.DispatchAsync(_portal);

        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var meetings = scope.ServiceProvider.GetRequiredService<MeetingService>();
            await meetings.RescheduleAsync(await db.Set<Mote>().Include(m => m.Deltagare).SingleAsync(m => m.Id == moteId), start.AddDays(1), start.AddDays(1).AddHours(1), "Stadshuset, rum 5");
            await db.SaveChangesAsync();
        }
        await MailPortal.DispatchAsync(_portal);

        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var meetings = scope.ServiceProvider.GetRequiredService<MeetingService>();
            await meetings.CancelAsync(await db.Set<Mote>().Include(m => m.Deltagare).SingleAsync(m => m.Id == moteId), "Kandidaten har återtagit sin ansökan.");
            await db.SaveChangesAsync();
        }
        await MailPortal.DispatchAsync(_portal);

        var toKandidat = _sink.Messages().Where(m => m.To.Mailboxes.Single().Address == "kandidat@exempel.se").ToList();
        Assert.Equal(["Kallelse: Intervju: enhetschef Furugården", "Ändrad tid: Intervju: enhetschef Furugården", "Inställt: Intervju: enhetschef Furugården"],
            toKandidat.Select(m => m.Subject));
        var invites = toKandidat.Select(Invite).ToList();

        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], invites.Select(i => i.Method));
        Assert.Single(invites.Select(i => i.Events.Single().Uid).Distinct());
        Assert.Equal([0, 1, 2], invites.Select(i => i.Events.Single().Sequence));
        Assert.Equal("CANCELLED", invites[2].Events.Single().Status);

        var first = invites[0].Events.Single();
        Assert.Equal("Europe/Stockholm", first.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0), first.DtStart.Value);
        Assert.Equal("Stadshuset, rum 3", first.Location);
        Assert.Equal("mailto:rekryterande@kalix.example", first.Organizer!.Value!.ToString());
        Assert.Equal(2, first.Attendees.Count);
        Assert.Single(invites[0].TimeZones);
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0), invites[1].Events.Single().DtStart!.Value);

        Assert.Contains("tisdag 1 december 2026 kl. 09:00", toKandidat[0].TextBody);
        Assert.Contains("Kandidaten har återtagit sin ansökan.", toKandidat[2].TextBody);
    }

    [Fact]
    public async Task InbjudanArGiltigICalendarAvenNarSvenskaTalformatGaller()
    {
        // Pages run under sv-SE, whose minus sign is U+2212: "BYDAY=−1SU" in the time zone's rules is no iCalendar.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
        try
        {
            var start = new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);
            await using var scope = _portal.ScopeFor("kalix", out var db);
            await scope.ServiceProvider.GetRequiredService<MeetingService>().BookAsync(new MeetingRequest("Uppföljning efter −1 månad", "Plats −1, våning 2", null,
                start, start.AddMinutes(30), new MailRecipient("hr@kalix.example", "Lena Forsberg"),
                [new MailRecipient("chef@kalix.example", "Karin Öberg")], "Test:4"));
            await db.SaveChangesAsync();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        await MailPortal.DispatchAsync(_portal);

        var message = _sink.Messages().Single(m => m.Subject == "Kallelse: Uppföljning efter −1 månad");
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(p => p.FileName == "inbjudan.ics" || p.ContentType.MimeType == "text/calendar"))
        {
            var ics = Text(part);
            Assert.Empty(Rfc5545.Errors(ics));
            Assert.Contains("BYDAY=-1SU", ics);
            Assert.Equal("Uppföljning efter −1 månad", Ical.Net.Calendar.Load(ics)!.Events.Single().Summary); // text stays as written
        }
    }

    [Fact]
    public async Task InbjudanLiggerSomKalenderdelIBrodtextenOchSomBilaga()
    {
        var start = new DateTime(2026, 12, 3, 13, 0, 0, DateTimeKind.Utc);
        await using (var scope = _portal.ScopeFor("alvsbyn", out var db))
        {
            await scope.ServiceProvider.GetRequiredService<MeetingService>().BookAsync(new MeetingRequest("Uppföljningssamtal", null, null,
                start, start.AddMinutes(45), new MailRecipient("hr@alvsbyn.example", "Therese Nordin"),
                [new MailRecipient("chef@alvsbyn.example", "Fredrik Åström")], "Test:2"));
            await db.SaveChangesAsync();
        }
        await MailPortal.DispatchAsync(_portal);
        var message = _sink.Messages().Single(m => m.Subject == "Kallelse: Uppföljningssamtal");

        // Outlook shows accept/decline for a text/calendar part with method=REQUEST inside multipart/alternative.
        var alternative = message.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", alternative.ContentType.Parameters["method"]);
        Assert.Contains(message.Attachments, a => a.ContentDisposition?.FileName == "inbjudan.ics");
    }

    [Fact]
    public async Task MoteMasteSlutaEfterAttDetBorjat()
    {
        await using var scope = _portal.ScopeFor("kalix", out _);
        var start = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<MeetingService>().BookAsync(new MeetingRequest(
            "Fel", null, null, start, start, new MailRecipient("a@kalix.example", "A"), [], "Test:3")));
        Assert.Equal("Mötet måste sluta efter att det börjat.", ex.Message);
    }

    private static Ical.Net.Calendar Invite(MimeMessage message) =>
        Ical.Net.Calendar.Load(Text(message.BodyParts.OfType<MimePart>().First(p => p.ContentType.MimeType == "text/calendar")))!;

    private static string Text(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _sink.DisposeAsync();
    }
}
