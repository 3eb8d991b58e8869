using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;

namespace ChefsRekrytering.Calendar;

public sealed record MeetingRequest(string Rubrik, string? Beskrivning, string? Plats, DateTime StartUtc, DateTime SlutUtc,
    MailRecipient Arrangor, IReadOnlyList<MailRecipient> Deltagare, string Koppling);

/// <summary>A meeting's time as a person gives it on a form: a day and a start time in Swedish time, and a length.</summary>
public sealed record Motestid(DateOnly Datum, TimeOnly Start, int Minuter)
{
    /// <summary>Only after <see cref="MeetingService.Tidsfel"/> has found nothing: a day far off has no end time. (Methods,
    /// not properties, so nothing that walks an object's properties, such as validation, reckons with it first.)</summary>
    public DateTime StartUtc() => SwedishTime.ToUtc(Datum.ToDateTime(Start));
    public DateTime SlutUtc() => StartUtc().AddMinutes(Minuter);
}

/// <summary>Books, moves and cancels meetings; every change sends invitations through the outbox in the caller's unit of work.</summary>
public sealed class MeetingService(AppDbContext db, Outbox outbox)
{
    /// <summary>How far ahead a meeting can be booked: further than this is a typing error, not a plan.</summary>
    public const int ArFramat = 2;

    /// <summary>
    /// Why a meeting cannot be booked at <paramref name="tid"/>, as a sentence about <paramref name="vad"/> ("Intervjun"),
    /// or null: it starts after now, on a day at most <see cref="ArFramat"/> years ahead, and lasts at most a day.
    /// </summary>
    public string? Tidsfel(Motestid tid, string vad)
    {
        var idag = DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));
        var sist = idag.AddYears(ArFramat);
        if (tid.Datum < idag || tid.Datum == idag && tid.StartUtc() <= db.UtcNow) return $"{vad} måste bokas till en framtida tid.";
        if (tid.Datum > sist) return $"{vad} kan bokas högst {ArFramat} år fram i tiden, senast {sist:yyyy-MM-dd}.";
        if (tid.Minuter is < 1 or > 24 * 60) return $"{vad} kan vara mellan 1 och {24 * 60} minuter lång.";
        return null;
    }

    public async Task<Mote> BookAsync(MeetingRequest request, string? kommunId = null)
    {
        Validate(request.StartUtc, request.SlutUtc);
        var mote = new Mote
        {
            KommunId = kommunId ?? "", Uid = $"{Guid.NewGuid():N}@chefsrekrytering", Rubrik = request.Rubrik,
            Beskrivning = request.Beskrivning, Plats = request.Plats, StartUtc = request.StartUtc, SlutUtc = request.SlutUtc,
            ArrangorNamn = request.Arrangor.Name, ArrangorEpost = request.Arrangor.Address, Koppling = request.Koppling,
            Deltagare = Inbjudna(request).Select(d => new MotesDeltagare { Namn = d.Name, Epost = d.Address, Sprak = d.Sprak }).ToList(),
        };
        db.Add(mote);
        await SendAsync(mote, MoteInbjudan.Slag.Ny, kommunId);
        return mote;
    }

    public async Task RescheduleAsync(Mote mote, DateTime startUtc, DateTime slutUtc, string? plats)
    {
        Validate(startUtc, slutUtc);
        if (mote.Status == MoteStatus.Avbokat) throw new InvalidOperationException("Mötet är avbokat.");
        mote.StartUtc = startUtc;
        mote.SlutUtc = slutUtc;
        mote.Plats = plats;
        mote.Sekvens++;
        await SendAsync(mote, MoteInbjudan.Slag.Andrad, mote.KommunId);
    }

    public async Task CancelAsync(Mote mote, string? reason)
    {
        if (mote.Status == MoteStatus.Avbokat) return;
        mote.Status = MoteStatus.Avbokat;
        mote.Sekvens++;
        await SendAsync(mote, MoteInbjudan.Slag.Installd, mote.KommunId, reason);
    }

    /// <summary>Whom the invitations go to: each participant once, and never the organiser, who holds the meeting rather
    /// than being invited to it (an ATTENDEE who is the ORGANIZER gets "you are the organiser" in Outlook, and a mail
    /// asking him to answer his own invitation).</summary>
    private static IEnumerable<MailRecipient> Inbjudna(MeetingRequest request) => request.Deltagare
        .Where(d => !string.Equals(d.Address.Trim(), request.Arrangor.Address.Trim(), StringComparison.OrdinalIgnoreCase))
        .DistinctBy(d => d.Address.Trim().ToLowerInvariant());

    private static void Validate(DateTime startUtc, DateTime slutUtc)
    {
        // The caller has checked the time (Tidsfel); a day outside any sensible range has no invitation to write.
        Datumfonster.Rimligt.Krav(DateOnly.FromDateTime(startUtc));
        Datumfonster.Rimligt.Krav(DateOnly.FromDateTime(slutUtc));
        if (slutUtc <= startUtc) throw new ArgumentException("Mötet måste sluta efter att det börjat.");
    }

    private async Task SendAsync(Mote mote, MoteInbjudan.Slag slag, string? kommunId, string? reason = null)
    {
        var method = slag == MoteInbjudan.Slag.Installd ? CalendarInvite.Cancel : CalendarInvite.Request;
        var ics = CalendarInvite.Bytes(CalendarInvite.Create(mote, method, db.UtcNow));
        var subject = slag switch
        {
            MoteInbjudan.Slag.Ny => $"Kallelse: {mote.Rubrik}",
            MoteInbjudan.Slag.Andrad => $"Ändrad tid: {mote.Rubrik}",
            _ => $"Inställt: {mote.Rubrik}",
        };
        foreach (var d in mote.Deltagare)
        {
            await outbox.EnqueueAsync<MoteInbjudan, MoteInbjudan.Innehall>(
                new MailRecipient(d.Epost, d.Namn, d.Sprak), subject,
                new MoteInbjudan.Innehall(d.Namn, mote.Rubrik, mote.Beskrivning, mote.Plats, mote.StartUtc, mote.SlutUtc, mote.ArrangorNamn, slag, reason),
                topic: $"Mote:{mote.Uid}",
                attachments:
                [
                    // The inline part makes Outlook show accept/decline; the attachment serves every other client.
                    new MailAttachment("inbjudan.ics", $"text/calendar; method={method}; charset=utf-8", ics, Inline: true),
                    new MailAttachment("inbjudan.ics", $"application/ics; name=inbjudan.ics", ics),
                ],
                kommunId: kommunId);
        }
    }
}
