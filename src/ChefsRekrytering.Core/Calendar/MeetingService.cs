using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;

namespace ChefsRekrytering.Calendar;

public sealed record MeetingRequest(string Rubrik, string? Beskrivning, string? Plats, DateTime StartUtc, DateTime SlutUtc,
    MailRecipient Arrangor, IReadOnlyList<MailRecipient> Deltagare, string Koppling);

/// <summary>Books, moves and cancels meetings; every change sends invitations through the outbox in the caller's unit of work.</summary>
public sealed class MeetingService(AppDbContext db, Outbox outbox)
{
    public async Task<Mote> BookAsync(MeetingRequest request, string? kommunId = null)
    {
        Validate(request.StartUtc, request.SlutUtc);
        var mote = new Mote
        {
            KommunId = kommunId ?? "", Uid = $"{Guid.NewGuid():N}@chefsrekrytering", Rubrik = request.Rubrik,
            Beskrivning = request.Beskrivning, Plats = request.Plats, StartUtc = request.StartUtc, SlutUtc = request.SlutUtc,
            ArrangorNamn = request.Arrangor.Name, ArrangorEpost = request.Arrangor.Address, Koppling = request.Koppling,
            Deltagare = request.Deltagare.Select(d => new MotesDeltagare { Namn = d.Name, Epost = d.Address }).ToList(),
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

    private static void Validate(DateTime startUtc, DateTime slutUtc)
    {
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
                new MailRecipient(d.Epost, d.Namn), subject,
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
