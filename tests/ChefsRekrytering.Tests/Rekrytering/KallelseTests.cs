using System.Net;
using System.Text;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// The invitations the pages book, as the person's calendar gets them: valid iCalendar although the page runs under
/// Swedish number formats, sent to the invited and not to the organiser, and for the panel saying whom they will meet.
/// </summary>
public class KallelseTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);
    private static string Dag(int dagar) => DateOnly.FromDateTime(SwedishTime.ToLocal(DateTime.UtcNow)).AddDays(dagar).ToString("yyyy-MM-dd");

    [Fact]
    public async Task IntervjuKallelsenArGiltigNamnerKandidatenOchGarInteTillArrangoren()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var kandidat = intervju.KandidatIds[0];
        var page = $"/rekrytering/{intervju.Id}/kandidater/{kandidat}";
        var agare = await PortalClient.For(portal).SignInAsync(IntervjuBuilder.Kommun, IntervjuBuilder.Agare);
        var booked = await BokaAsync(agare, page, ("Bokning.Datum", Dag(7)), ("Bokning.Start", "10:00"), ("Bokning.Minuter", "60"),
            ("Bokning.Plats", "Stadshuset, rum 3"));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        var mails = await KallelserAsync($"Kandidat:{kandidat}");
        // The candidate and the panel are invited; the recruiting manager (rekryterande@kalix.example) organises it.
        Assert.Equal(["jury@kalix.example", "kandidat"], mails.Select(m => m.ToAddress == "jury@kalix.example" ? m.ToAddress : "kandidat").Order());
        foreach (var mail in mails)
        {
            var ics = Encoding.UTF8.GetString(mail.Attachments.First(a => a.Inline).Content);
            Assert.Empty(Rfc5545.Errors(ics));
            var e = Ical.Net.Calendar.Load(ics)!.Events.Single();
            Assert.Equal("mailto:rekryterande@kalix.example", e.Organizer!.Value!.ToString());
            Assert.DoesNotContain(e.Attendees, a => a.Value!.ToString().Contains("rekryterande@kalix.example", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(2, e.Attendees.Count);
        }
        var tillPanelen = mails.Single(m => m.ToAddress == "jury@kalix.example");
        Assert.Equal("Kallelse: Intervju med Åsa Öberg: Enhetschef hemtjänst", tillPanelen.Subject);
        var panelensInbjudan = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(tillPanelen.Attachments.First(a => a.Inline).Content))!.Events.Single();
        Assert.Contains("Åsa Öberg", panelensInbjudan.Summary);
        Assert.Contains("Åsa Öberg", panelensInbjudan.Description);
    }

    [Fact]
    public async Task UppfoljningssamtaletsKallelseGarTillDenNyaChefenOchInteTillArrangoren()
    {
        var erik = await data.IdForNamnAsync("Erik Lindberg");
        var id = await data.IntroduktionAsync(erik, "Biträdande rektor");
        var page = $"/introduktion/{id}";
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var booked = await BokaAsync(hr, page, ("Bokning.Datum", Dag(10)), ("Bokning.Start", "13:00"), ("Bokning.Minuter", "45"),
            ("Bokning.Plats", "Kommunhuset"));
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);

        var mail = Assert.Single(await KallelserAsync("IntroduktionPunkt:%"));
        Assert.NotEqual("rekryterande@kalix.example", mail.ToAddress); // Anders Nilsson, the hiring manager, organises
        var ics = Encoding.UTF8.GetString(mail.Attachments.First(a => a.Inline).Content);
        Assert.Empty(Rfc5545.Errors(ics));
        var e = Ical.Net.Calendar.Load(ics)!.Events.Single();
        Assert.Equal("mailto:rekryterande@kalix.example", e.Organizer!.Value!.ToString());
        Assert.Equal([$"mailto:{mail.ToAddress}"], e.Attendees.Select(a => a.Value!.ToString()));
    }

    /// <summary>Posts the page's first booking form as the browser has it, with the time and place typed in.</summary>
    private static async Task<HttpResponseMessage> BokaAsync(PortalClient client, string page, params (string Name, string Value)[] fields)
    {
        var form = (await client.PageAsync(page)).QuerySelectorAll("form").First(f => (f.GetAttribute("action") ?? "").Contains("handler=Boka"));
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        return await client.PostFormAsync(WebUtility.HtmlDecode(form.GetAttribute("action")!),
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("Version", version)), formPage: page);
    }

    /// <summary>The invitation mails of the meetings booked for <paramref name="koppling"/> (a LIKE pattern).</summary>
    private async Task<List<OutboxMessage>> KallelserAsync(string koppling)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var uids = await db.Set<Mote>().Where(m => EF.Functions.Like(m.Koppling, koppling)).Select(m => "Mote:" + m.Uid).ToListAsync();
        return await db.Set<OutboxMessage>().Include(m => m.Attachments).Where(m => uids.Contains(m.Topic)).ToListAsync();
    }
}
