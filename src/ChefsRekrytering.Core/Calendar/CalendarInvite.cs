using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ChefsRekrytering.Calendar;

/// <summary>iCalendar (RFC 5545) invitations in the form Outlook accepts: METHOD REQUEST or CANCEL, a VTIMEZONE
/// for Europe/Stockholm, a stable UID and a rising SEQUENCE.</summary>
public static class CalendarInvite
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    /// <summary>
    /// The invitation as a calendar program reads it. Written under the invariant culture whatever the caller's: Ical.Net
    /// formats numbers with the current culture, and a page runs under sv-SE, whose minus sign (U+2212) made the time
    /// zone's rule "BYDAY=−1SU", which Outlook and Google refuse.
    /// </summary>
    public static string Create(Mote mote, string method, DateTime stampUtc)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Write(mote, method, stampUtc);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static string Write(Mote mote, string method, DateTime stampUtc)
    {
        var calendar = new Ical.Net.Calendar { Method = method, ProductId = "-//ChefsRekrytering//Kallelse//SV" };
        calendar.AddTimeZone(SwedishTime.Zone.Id);
        var e = new CalendarEvent
        {
            Uid = mote.Uid,
            Sequence = mote.Sekvens,
            Summary = mote.Rubrik,
            Description = mote.Beskrivning,
            Location = mote.Plats,
            DtStamp = new CalDateTime(stampUtc, CalDateTime.UtcTzId),
            DtStart = new CalDateTime(SwedishTime.ToLocal(mote.StartUtc), SwedishTime.Zone.Id),
            DtEnd = new CalDateTime(SwedishTime.ToLocal(mote.SlutUtc), SwedishTime.Zone.Id),
            Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{mote.ArrangorEpost}") { CommonName = mote.ArrangorNamn },
        };
        foreach (var d in mote.Deltagare)
            e.Attendees.Add(new Attendee($"mailto:{d.Epost}")
            {
                CommonName = d.Namn, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION", Rsvp = method == Request,
            });
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    public static byte[] Bytes(string ics) => Encoding.UTF8.GetBytes(ics);
}
