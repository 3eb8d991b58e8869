using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChefsRekrytering.Avvecklingar;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Behorighet;

/// <summary>
/// Issue 14, "Dates and text": a date far outside what a form means is a Swedish refusal that stores nothing (never a
/// server error), and text keeps no control characters or bidirectional overrides. Every case goes through the real
/// form, as a person's browser would send it.
/// </summary>
public class DatumOchTextTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private static DateOnly Idag => DateOnly.FromDateTime(SwedishTime.ToLocal(DateTime.UtcNow));
    private static string Dag(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task IntervjuPaEttDatumLangtBortNekasMedSvensktBeskedOchIngetMoteSparas()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var kandidat = intervju.KandidatIds[0];
        var url = $"/rekrytering/{intervju.Id}/kandidater/{kandidat}";
        var agare = await PortalClient.For(portal).SignInAsync(IntervjuBuilder.Kommun, IntervjuBuilder.Agare);

        foreach (var (datum, besked) in new[]
                 {
                     ("9999-12-31", "mellan 2000-01-01 och 2100-12-31"), ("0001-01-01", "mellan 2000-01-01 och 2100-12-31"),
                     (Dag(Idag.AddDays(-1)), "framtida tid"), (Dag(Idag.AddYears(3)), "högst 2 år fram"),
                 })
        {
            var response = await SubmitAsync(agare, url, "Boka", new()
            {
                ["Bokning.Datum"] = datum, ["Bokning.Start"] = "23:30", ["Bokning.Minuter"] = "480", ["Bokning.Plats"] = "Stadshuset, rum 3",
            });
            await AssertRefusedAsync(response, besked, datum);
            Assert.Equal(0, await MotenAsync($"Kandidat:{kandidat}"));
            Assert.Equal(KandidatTillstand.Granskad, await KandidatAsync(kandidat));
        }

        // The same form with a sensible day books the interview.
        var booked = await SubmitAsync(agare, url, "Boka", new()
        {
            ["Bokning.Datum"] = Dag(Idag.AddDays(7)), ["Bokning.Start"] = "10:00", ["Bokning.Minuter"] = "60", ["Bokning.Plats"] = "Stadshuset, rum 3",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(1, await MotenAsync($"Kandidat:{kandidat}"));

        // Moving it to a day far off is refused the same way, and the meeting keeps its time.
        var moved = await SubmitAsync(agare, url, "Flytta", new() { ["Bokning.Datum"] = "9999-12-31", ["Bokning.Start"] = "10:00", ["Bokning.Minuter"] = "60", ["Bokning.Plats"] = "Rum 4" });
        await AssertRefusedAsync(moved, "mellan 2000-01-01 och 2100-12-31", "flytt till 9999-12-31");
        moved = await SubmitAsync(agare, url, "Flytta", new() { ["Bokning.Datum"] = Dag(Idag.AddYears(3)), ["Bokning.Start"] = "10:00", ["Bokning.Minuter"] = "60", ["Bokning.Plats"] = "Rum 4" });
        await AssertRefusedAsync(moved, "högst 2 år fram", "flytt tre år fram");
        await using var scope = portal.ScopeFor("kalix", out var db);
        var mote = await db.Set<Mote>().SingleAsync(m => m.Koppling == $"Kandidat:{kandidat}");
        Assert.Equal(("Stadshuset, rum 3", 0), (mote.Plats, mote.Sekvens));
    }

    [Fact]
    public async Task AnnonsensSistaDagOchErbjudandetsStartdatumLiggerNaraIdag()
    {
        var rekrytering = await data.NyRekrytering().KravprofilAsync();
        var agare = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var url = $"/rekrytering/{rekrytering}";
        foreach (var (datum, besked) in new[] { ("9999-12-31", "mellan 2000-01-01 och 2100-12-31"), (Dag(Idag.AddDays(-1)), "Sista ansökningsdag ska ligga mellan"), (Dag(Idag.AddYears(2)), "Sista ansökningsdag ska ligga mellan") })
        {
            var response = await SubmitAsync(agare, url, "Annons", new() { ["Annons.SistaAnsokningsdag"] = datum });
            await AssertRefusedAsync(response, besked, $"sista ansökningsdag {datum}");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(agare, url, "Annons", new() { ["Annons.SistaAnsokningsdag"] = Dag(Idag.AddDays(30)) })).StatusCode);

        // The hiring decision is taken: the chosen applicant is offered the post, starting between today and two years ahead.
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Foreslagen).BuildAsync();
        var vald = intervju.KandidatIds[0];
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var r = await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == intervju.Id);
            (r.State, r.ValdKandidatId) = (RekryteringsTillstand.Erbjudande, vald);
            await db.SaveChangesAsync();
        }
        var kandidat = $"/rekrytering/{intervju.Id}/kandidater/{vald}";
        foreach (var (datum, besked) in new[] { ("0001-01-01", "mellan 2000-01-01 och 2100-12-31"), (Dag(Idag.AddDays(-1)), "Startdatumet ska ligga mellan"), (Dag(Idag.AddYears(3)), "Startdatumet ska ligga mellan") })
        {
            var response = await SubmitAsync(agare, kandidat, "Erbjud", new() { ["Erbjudande.Startdatum"] = datum, ["Erbjudande.Villkor"] = "Månadslön enligt avtal." });
            await AssertRefusedAsync(response, besked, $"startdatum {datum}");
            await using var scope = portal.ScopeFor("kalix", out var db);
            Assert.Equal((KandidatTillstand.Foreslagen, (DateOnly?)null), await db.Set<Kandidat>().Where(k => k.Id == vald).Select(k => ValueTuple.Create(k.State, k.Startdatum)).SingleAsync());
        }
    }

    [Fact]
    public async Task UppfoljningssamtalPaEttDatumLangtBortNekasOchIngetMoteSparas()
    {
        var id = await data.IntroduktionAsync(await data.IdForNamnAsync("Erik Lindberg"), "Biträdande rektor", Idag);
        var url = $"/introduktion/{id}";
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");

        foreach (var (datum, besked) in new[] { ("9999-12-31", "mellan 2000-01-01 och 2100-12-31"), ("0001-01-01", "mellan 2000-01-01 och 2100-12-31"), (Dag(Idag.AddYears(3)), "högst 2 år fram") })
        {
            var response = await SubmitAsync(hr, url, "Boka", new() { ["Bokning.Datum"] = datum, ["Bokning.Start"] = "23:30", ["Bokning.Minuter"] = "240", ["Bokning.Plats"] = "Kommunhuset" });
            await AssertRefusedAsync(response, besked, datum);
            Assert.Equal(0, await MotenAsync("IntroduktionPunkt:%"));
        }
    }

    [Fact]
    public async Task IntroduktionSomStartarLangtBortNekasMedSvensktBeskedOchIngetSparas()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var before = await IntroduktionerAsync();
        foreach (var (datum, besked) in new[]
                 {
                     ("0001-01-01", "mellan 2000-01-01 och 2100-12-31"), ("9999-12-31", "mellan 2000-01-01 och 2100-12-31"),
                     (Dag(Idag.AddYears(-2)), "Startdatumet ska ligga mellan"), (Dag(Idag.AddYears(3)), "Startdatumet ska ligga mellan"),
                 })
        {
            var response = await SubmitAsync(hr, "/introduktion/ny", null, new() { ["Input.Befattning"] = "Biträdande rektor", ["Input.Startdatum"] = datum },
                form => (Option(form, "Input.PersonId", "Sofia Karlsson"), Option(form, "Input.AnstallandeChefUserId", "Anders Nilsson")));
            await AssertRefusedAsync(response, besked, datum);
            Assert.Equal(before, await IntroduktionerAsync());
        }
    }

    [Fact]
    public async Task AvvecklingsatgardDaterad1900Eller3000Nekas()
    {
        var (id, url) = await StartaArendeAsync();
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        foreach (var (datum, uppfoljning, besked) in new[]
                 {
                     ("1900-01-01", "1900-02-01", "mellan 2000-01-01 och 2100-12-31"), ("3000-01-01", "3000-02-01", "mellan 2000-01-01 och 2100-12-31"),
                     (Dag(Idag.AddYears(-3)), Dag(Idag), "Åtgärdens datum ska ligga mellan"), (Dag(Idag), Dag(Idag.AddYears(5)), "Uppföljningsdatumet ska ligga mellan"),
                 })
        {
            var response = await SubmitAsync(anders, url, "Atgard", new()
            {
                ["NyAtgard.Beskrivning"] = "Coachning", ["NyAtgard.Ansvarig"] = "Anders Nilsson", ["NyAtgard.Datum"] = datum, ["NyAtgard.Uppfoljning"] = uppfoljning,
            });
            await AssertRefusedAsync(response, besked, $"{datum}–{uppfoljning}");
            Assert.Equal((0, AvvecklingTillstand.Initierad), await ArendeAsync(id));
        }
    }

    /// <summary>(A NUL in a url-encoded form is refused by ASP.NET Core before any page sees it; the multipart application
    /// form below lets one through.)</summary>
    [Fact]
    public async Task EttFaltMedBaraStyrteckenArTomtOchRadbrytningarStannarBaraDarFleraRaderFinns()
    {
        var (id, url) = await StartaArendeAsync();
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var empty = await SubmitAsync(anders, url, "Atgard", new()
        {
            ["NyAtgard.Beskrivning"] = "Coachning", ["NyAtgard.Ansvarig"] = "\u202E\u0007\u001b\u0085", ["NyAtgard.Datum"] = Dag(Idag), ["NyAtgard.Uppfoljning"] = Dag(Idag.AddDays(30)),
        });
        await AssertRefusedAsync(empty, "Fyll i ansvarig.", "bara styrtecken");

        var saved = await SubmitAsync(anders, url, "Atgard", new()
        {
            ["NyAtgard.Beskrivning"] = "Coachning\r\nsex tillfällen\u0007", ["NyAtgard.Ansvarig"] = "Anders\r\nNilsson\u202E", ["NyAtgard.Datum"] = Dag(Idag), ["NyAtgard.Uppfoljning"] = Dag(Idag.AddDays(30)),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        var atgard = await db.Set<Atgard>().SingleAsync(a => a.ArendeId == id);
        Assert.Equal(("Coachning\r\nsex tillfällen", "Anders Nilsson"), (atgard.Beskrivning, atgard.Ansvarig));
    }

    [Fact]
    public async Task NamnOchFilnamnMedHogerTillVansterOchNulSparasOchVisasUtanDem()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var client = PortalClient.For(portal);
        var epost = $"anna.{Guid.NewGuid():N}@example.se";
        var response = await client.PostMultipartAsync($"/jobb/{id}", new()
        {
            // "Anna\u202Egnp.exe" shows as "Annaexe.png"; the surname's Ö is O and a combining diaeresis, with a NUL and an isolate.
            ["Input.Fornamn"] = "Anna\u202Egnp.exe", ["Input.Efternamn"] = "O\u0308\u0000berg\u2066", ["Input.Epost"] = epost, ["Input.Telefon"] = "070-123 45 67",
        }, [new PortalClient.FormFile("Input.Cv", "Anna\u202Egnp.exe.pdf", TestFiles.Pdf())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        int kandidat;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var k = await db.Set<Kandidat>().SingleAsync(x => x.Epost == epost);
            kandidat = k.Id;
            Assert.Equal(("Annagnp.exe", "Öberg"), (k.Fornamn, k.Efternamn));
            var cv = await db.Dokument.SingleAsync(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id);
            Assert.Equal("Annagnp.exe.pdf", cv.OriginalFileName);
        }
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var page = await (await hr.GetAsync($"/rekrytering/{id}/kandidater/{kandidat}")).Content.ReadAsStringAsync();
        Assert.Contains("Annagnp.exe.pdf", page);
        Assert.Contains("Annagnp.exe Öberg", page);
        Assert.DoesNotContain('\u202E', page);
        Assert.DoesNotContain('\u2066', page);
        Assert.DoesNotContain('\0', page);
    }

    /// <summary>Posts the page's form for <paramref name="handler"/> (the page's own form when null) as the browser has
    /// it filled in, with <paramref name="values"/> typed over it and, if given, options chosen from its lists.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string url, string? handler, Dictionary<string, string> values,
        Func<IHtmlFormElement, ((string, string), (string, string))>? choose = null)
    {
        var page = await client.PageAsync(url);
        string Action(IHtmlFormElement f) => WebUtility.HtmlDecode(f.GetAttribute("action") ?? url);
        var form = page.QuerySelectorAll("form[method=post]").OfType<IHtmlFormElement>()
            .First(f => handler is null ? !Action(f).Contains("logga-ut") : Action(f).Contains($"handler={handler}"));
        if (choose?.Invoke(form) is var ((n1, v1), (n2, v2))) (values[n1], values[n2]) = (v1, v2);
        foreach (var name in values.Keys) Assert.True(form.QuerySelector($"[name='{name}']") is not null, $"{name} finns inte i formuläret");
        var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(e => e.GetAttribute("name") is not ("__RequestVerificationToken" or null) && !values.ContainsKey(e.GetAttribute("name")!)
                && (e.GetAttribute("type") ?? "") is not ("file" or "submit") && ((e.GetAttribute("type") ?? "") is not ("checkbox" or "radio") || e.HasAttribute("checked")))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e switch
            {
                IHtmlTextAreaElement t => t.Value,
                IHtmlSelectElement select => select.Value ?? "",
                _ => e.GetAttribute("value") ?? "",
            }))
            .Concat(values);
        return await client.PostFormAsync(Action(form), fields, formPage: url);
    }

    private static (string, string) Option(IHtmlFormElement form, string select, string text) =>
        (select, form.QuerySelector($"select[name='{select}']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains(text)).GetAttribute("value")!);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string besked, string fall)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{fall}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 3000)]}");
        var alert = PortalClient.Parse(html).QuerySelector("[role=alert]")?.TextContent ?? "";
        Assert.True(alert.Contains(besked), $"{fall}: väntade ”{besked}” i beskedet, fick ”{alert.Trim()}”");
    }

    /// <summary>Anders, Karin's närmast högre chef, has a case about her (or a new one each call: the case list allows several).</summary>
    private async Task<(int Id, string Url)> StartaArendeAsync()
    {
        var id = await data.AvvecklingAsync(await data.PersonIdAsync("chef"), "Datumtest.");
        return (id, $"/avveckling/{id}");
    }

    private async Task<int> MotenAsync(string koppling)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Mote>().CountAsync(m => EF.Functions.Like(m.Koppling, koppling));
    }

    private async Task<KandidatTillstand> KandidatAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().Where(k => k.Id == id).Select(k => k.State).SingleAsync();
    }

    private async Task<int> IntroduktionerAsync()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Introduktioner.Introduktion>().CountAsync();
    }

    private async Task<(int Atgarder, AvvecklingTillstand State)> ArendeAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var a = await db.Set<AvvecklingsArende>().Include(x => x.Atgarder).AsNoTracking().SingleAsync(x => x.Id == id);
        return (a.Atgarder.Count, a.State);
    }
}
