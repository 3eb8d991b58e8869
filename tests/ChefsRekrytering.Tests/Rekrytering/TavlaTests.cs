using System.Net;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// The recruitment's board over HTTP with antiforgery: a card moved to a column fires the step that leads there, a move
/// the process refuses shows its reason and changes nothing; bulk "ej aktuell" with a reason mails each applicant that
/// reason's text, lists those it cannot change, and an applicant of another recruitment in the list refuses the whole
/// action; bulk invitation creates the invitations. Owner and HR run it, the panel sees it, an outsider finds nothing.
/// </summary>
public abstract class TavlaTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    private const string BattreMatchning = "avslag-battre-matchning";
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EttKortSomFlyttasTillGranskadBlirGranskatOchSidanVisarDetIDenKolumnen()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Inkommen).BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var (tavla, k0) = (Tavla(intervju), intervju.KandidatIds[0]);

        var sida = await agare.PageAsync(tavla);
        Assert.Equal(Enum.GetValues<KandidatTillstand>().Length, sida.QuerySelectorAll("section.tavla-kolumn h2").Length);
        Assert.Equal(2, sida.QuerySelectorAll("section[data-tillstand=Inkommen] li.tavla-kort").Length);
        Assert.Contains("Granskad", sida.QuerySelector($"#till-{k0}")!.TextContent);

        var svar = await FlyttaAsync(agare, intervju, 0, "Granskad");
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        Assert.EndsWith($"#kort-{k0}", svar.Headers.Location!.OriginalString);
        Assert.Equal(KandidatTillstand.Granskad, (await KandidatAsync(k0)).State);
        await using (portal.ScopeFor("kalix", out var db))
        {
            var steg = await db.WorkflowTransitions.Where(t => t.Workflow == "Kandidat" && t.SubjectId == k0).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(("Inkommen", "Granskad", "Granska"), (steg[^1].FromState, steg[^1].ToState, steg[^1].Trigger));
        }
        sida = await agare.PageAsync(tavla);
        Assert.NotNull(sida.QuerySelector($"section[data-tillstand=Granskad] #kort-{k0}"));
        Assert.Contains("Ansökan är granskad.", sida.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task EnFlyttSomProcessenNekarVisarSkaletOchAndrarIngenting()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.IntervjuBokad).BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var k0 = intervju.KandidatIds[0];
        var fore = await KandidatAsync(k0);

        // Interviewed needs a scorecard: the guard's own sentence comes back, with the board.
        var svar = await FlyttaAsync(agare, intervju, 0, "Intervjuad");
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        var html = PortalClient.Parse(await svar.Content.ReadAsStringAsync());
        Assert.Contains("Ingen intervjubedömning är registrerad", html.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(html.QuerySelector($"section[data-tillstand=IntervjuBokad] #kort-{k0}"));

        // Backwards, and a column that needs its own form: refused with why, nothing changed.
        var bakat = await FlyttaAsync(agare, intervju, 0, "Granskad");
        Assert.Contains("”Markera som granskad” går inte att göra när ärendet är i läget ”Intervju bokad”", WebUtility.HtmlDecode(await bakat.Content.ReadAsStringAsync()));
        var forst = await FlyttaAsync(agare, intervju, 0, "Inkommen");
        Assert.Contains("flyttas inte tillbaka till Inkommen", WebUtility.HtmlDecode(await forst.Content.ReadAsStringAsync()));
        var ejAktuell = await FlyttaAsync(agare, intervju, 0, "EjAktuell");
        Assert.Contains("Välj ett skäl", WebUtility.HtmlDecode(await ejAktuell.Content.ReadAsStringAsync()));

        var efter = await KandidatAsync(k0);
        Assert.Equal((fore.State, fore.Version), (efter.State, efter.Version));
        Assert.Empty(await BeskedAsync(k0));
    }

    [Fact]
    public async Task MassEjAktuellMedSkalMejlarVarOchEnSkaletsTextOchListarDenSomInteKanAndras()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var (k0, k1) = (intervju.KandidatIds[0], intervju.KandidatIds[1]);
        var tredje = await LaggTillKandidatAsync(intervju, "Cecilia", "Berg", KandidatTillstand.Granskad);
        var anstalld = await LaggTillKandidatAsync(intervju, "Anna", "Andersson", KandidatTillstand.Anstalld);

        var svar = await MassAsync(agare, intervju, "EjAktuell", [k0, k1, tredje, anstalld], BattreMatchning);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);

        foreach (var id in new[] { k0, k1, tredje })
        {
            var k = await KandidatAsync(id);
            Assert.Equal((KandidatTillstand.EjAktuell, BattreMatchning), (k.State, k.AvslagsskalNyckel));
            var besked = Assert.Single(await BeskedAsync(id));
            Assert.Equal(k.Epost, besked.ToAddress);
            Assert.Contains("andra sökande motsvarade kravprofilen bättre", besked.TextBody);
        }
        Assert.Equal(KandidatTillstand.Anstalld, (await KandidatAsync(anstalld)).State);
        Assert.Empty(await BeskedAsync(anstalld));

        var sida = await agare.PageAsync(Tavla(intervju));
        Assert.Contains("3 ansökningar går inte vidare", sida.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Anna Andersson: kan inte markeras ej aktuell från Anställd", sida.QuerySelector("#tavla-nekade")!.TextContent);
        Assert.Equal(3, sida.QuerySelectorAll("section[data-tillstand=EjAktuell] li.tavla-kort").Length);
    }

    [Fact]
    public async Task MassEjAktuellUtanSkalNekasOchIngentingAndras()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var svar = await MassAsync(agare, intervju, "EjAktuell", intervju.KandidatIds, null);
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains(KandidatService.AvslagsskalSaknas, WebUtility.HtmlDecode(await svar.Content.ReadAsStringAsync()));
        foreach (var id in intervju.KandidatIds)
        {
            Assert.Equal(KandidatTillstand.Granskad, (await KandidatAsync(id)).State);
            Assert.Empty(await BeskedAsync(id));
        }
    }

    [Fact]
    public async Task EnKandidatFranEnAnnanRekryteringStopparHelaAtgardenOchIngentingAndras()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var annan = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        await LaggTillLedigTidAsync(intervju);

        foreach (var atgard in new[] { "EjAktuell", "BjudIn" })
        {
            var svar = await MassAsync(agare, intervju, atgard, [.. intervju.KandidatIds, annan.KandidatIds[0]], BattreMatchning);
            Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
            var html = PortalClient.Parse(await svar.Content.ReadAsStringAsync());
            Assert.Contains("hör inte till den här rekryteringen. Ingenting är ändrat", html.QuerySelector("[role=alert]")!.TextContent);
        }
        await using var scope = portal.ScopeFor("kalix", out var db);
        var alla = intervju.KandidatIds.Append(annan.KandidatIds[0]).ToList();
        Assert.All(await db.Set<Kandidat>().Where(k => alla.Contains(k.Id)).ToListAsync(), k => Assert.Equal(KandidatTillstand.Granskad, k.State));
        var amnen = alla.Select(id => $"Kandidat:{id}").ToList();
        Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => amnen.Contains(m.Topic)));
        Assert.False(await db.Set<Intervjuinbjudan>().AnyAsync(i => alla.Contains(i.KandidatId)));
    }

    [Fact]
    public async Task MassmeddelandetNarVarOchEnISinMallPaSittSprakMenInteDenSomAtertagit()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var (svensk, engelsk) = (intervju.KandidatIds[0], intervju.KandidatIds[1]);
        var atertagen = await LaggTillKandidatAsync(intervju, "Bo", "Berg", KandidatTillstand.Atertagen);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            (await db.Set<Kandidat>().SingleAsync(k => k.Id == engelsk)).Sprak = Sprak.Engelska;
            await db.SaveChangesAsync();
        }

        // Nothing typed: refused, nothing sent.
        var tomt = await MassAsync(agare, intervju, "Meddela", [svensk, engelsk], null);
        Assert.Equal(HttpStatusCode.OK, tomt.StatusCode);
        Assert.Contains(Kandidattavla.TomtMeddelande, WebUtility.HtmlDecode(await tomt.Content.ReadAsStringAsync()));
        Assert.Empty(await MeddelandenAsync(svensk));

        var text = "Urvalet tar längre tid än vi trodde.\r\n\r\nVi hör av oss <snart> & säkert före jul.";
        var svar = await agare.PostFormAsync($"{Tavla(intervju)}?handler=Mass",
            [new("atgard", "Meddela"), new("valda", svensk.ToString()), new("valda", engelsk.ToString()), new("valda", atertagen.ToString()), new("meddelande", text)],
            Tavla(intervju));
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);

        var sv = Assert.Single(await MeddelandenAsync(svensk));
        Assert.StartsWith("Meddelande om din ansökan – ", sv.Subject);
        Assert.Contains("<p>Urvalet tar längre tid än vi trodde.</p>", sv.HtmlBody);
        Assert.Contains("Vi hör av oss &lt;snart&gt; &amp; säkert före jul.", sv.HtmlBody);  // paragraphs kept, the text encoded
        Assert.Contains("Med vänlig hälsning", sv.TextBody);
        var en = Assert.Single(await MeddelandenAsync(engelsk));
        Assert.StartsWith("A message about your application – ", en.Subject);
        Assert.Contains("Urvalet tar längre tid än vi trodde.", en.TextBody);                   // the message as typed, the frame in English
        Assert.Empty(await MeddelandenAsync(atertagen));
        foreach (var id in new[] { svensk, engelsk }) Assert.Equal(KandidatTillstand.Granskad, (await KandidatAsync(id)).State);

        var sida = await agare.PageAsync(Tavla(intervju));
        Assert.Contains("Meddelandet är skickat till 2 kandidater", sida.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("Bo Berg: har återtagit sin ansökan", sida.QuerySelector("#tavla-nekade")!.TextContent);
    }

    [Fact]
    public async Task MassinbjudanSkaparInbjudningarOchMejlTillVarOchEn()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var hr = await data.InloggadAsync(IntervjuBuilder.Hr);
        await LaggTillLedigTidAsync(intervju);

        var svar = await MassAsync(hr, intervju, "BjudIn", intervju.KandidatIds, null);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.Equal(2, await db.Set<Intervjuinbjudan>().CountAsync(i => intervju.KandidatIds.Contains(i.KandidatId)));
            foreach (var id in intervju.KandidatIds)
                Assert.Single(await db.Set<OutboxMessage>().Where(m => m.Topic == $"Kandidat:{id}" && m.Subject.StartsWith("Välj en tid för intervju")).ToListAsync());
        }
        Assert.Contains("2 kandidater är inbjudna", (await hr.PageAsync(Tavla(intervju))).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task IAnonymtUrvalVisarTavlanNummerIStalletForNamn()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Inkommen).BuildAsync();
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var r = await db.Set<Rekryteringar.Rekrytering>().SingleAsync(x => x.Id == intervju.Id);
            r.AnonymtUrval = true;
            await db.SaveChangesAsync();
        }
        var sida = await (await data.InloggadAsync(IntervjuBuilder.Agare)).PageAsync(Tavla(intervju));
        var text = sida.QuerySelector("#tavla")!.TextContent;
        Assert.Contains("Sökande 1", text);
        Assert.DoesNotContain("Öberg", text);
        Assert.DoesNotContain("Öberg", sida.QuerySelector("#tavla")!.InnerHtml);
    }

    [Fact]
    public async Task AgareOchHrDriverTavlanPanelenSerDenOchEnUtomstaendeFinnerIngenting()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Inkommen).BuildAsync();
        var tavla = Tavla(intervju);
        var hr = await data.InloggadAsync(IntervjuBuilder.Hr);
        Assert.Equal(HttpStatusCode.Redirect, (await FlyttaAsync(hr, intervju, 1, "Granskad")).StatusCode);
        Assert.Equal(KandidatTillstand.Granskad, (await KandidatAsync(intervju.KandidatIds[1])).State);

        // The recruitment's page links the board.
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        Assert.NotNull((await agare.PageAsync($"/rekrytering/{intervju.Id}")).QuerySelector($"a[href='{tavla}']"));

        // The panel sees the cards, without forms, and may not post them.
        var panel = await data.InloggadAsync(IntervjuBuilder.Panel);
        var sida = await panel.PageAsync(tavla);
        Assert.Equal(2, sida.QuerySelectorAll("li.tavla-kort").Length);
        Assert.Empty(sida.QuerySelectorAll("form[action*='handler=']"));
        var panelsvar = await panel.PostFormAsync($"{tavla}?handler=Mass", [new("atgard", "EjAktuell"), new("valda", intervju.KandidatIds[0].ToString()), new("avslagsskal", BattreMatchning)], tavla);
        Assert.DoesNotContain("/tavla", panelsvar.Headers.Location?.OriginalString ?? "/tavla");

        // An employee with no part in it: not found, for the page and the forms; nothing changes.
        var medarbetare = await data.InloggadAsync("medarbetare");
        Assert.Equal(HttpStatusCode.NotFound, (await medarbetare.GetAsync(tavla)).StatusCode);
        var svar = await medarbetare.PostFormAsync($"{tavla}?handler=Mass", [new("atgard", "EjAktuell"), new("valda", intervju.KandidatIds[0].ToString()), new("avslagsskal", BattreMatchning)], "/");
        Assert.Equal(HttpStatusCode.NotFound, svar.StatusCode);
        var flytt = await medarbetare.PostFormAsync($"{tavla}?handler=Flytta&kandidatId={intervju.KandidatIds[0]}",
            [new("version", (await KandidatAsync(intervju.KandidatIds[0])).Version.ToString()), new("till", "Granskad")], "/");
        Assert.Equal(HttpStatusCode.NotFound, flytt.StatusCode);
        Assert.Equal(KandidatTillstand.Inkommen, (await KandidatAsync(intervju.KandidatIds[0])).State);
        Assert.Empty(await BeskedAsync(intervju.KandidatIds[0]));
    }

    // ---- Helpers ----

    private static string Tavla(Intervju intervju) => $"/rekrytering/{intervju.Id}/tavla";

    /// <summary>The card's own form, as the board shows it (its version), posted with the column chosen.</summary>
    private async Task<HttpResponseMessage> FlyttaAsync(PortalClient klient, Intervju intervju, int i, string till)
    {
        var kandidatId = intervju.KandidatIds[i];
        var form = (await klient.PageAsync(Tavla(intervju))).QuerySelector($"#kort-{kandidatId} form.tavla-flytta")!;
        var version = form.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        return await klient.PostFormAsync(WebUtility.HtmlDecode(form.GetAttribute("action")!), [new("version", version), new("till", till)], Tavla(intervju));
    }

    private Task<HttpResponseMessage> MassAsync(PortalClient klient, Intervju intervju, string atgard, IEnumerable<int> valda, string? skal) =>
        klient.PostFormAsync($"{Tavla(intervju)}?handler=Mass",
            [new("atgard", atgard), .. valda.Select(v => new KeyValuePair<string, string>("valda", v.ToString())), .. skal is null ? [] : new[] { new KeyValuePair<string, string>("avslagsskal", skal) }],
            Tavla(intervju));

    private async Task<int> LaggTillKandidatAsync(Intervju intervju, string fornamn, string efternamn, KandidatTillstand tillstand)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var k = new Kandidat
        {
            KommunId = "kalix", RekryteringId = intervju.Id, Fornamn = fornamn, Efternamn = efternamn, Epost = $"{Guid.NewGuid():N}@example.com",
            State = tillstand, InkomUtc = db.UtcNow, SamtyckeVersion = "1", SamtyckeUtc = db.UtcNow, AtkomstHash = Guid.NewGuid().ToString("N"),
        };
        db.Add(k);
        await db.SaveChangesAsync();
        return k.Id;
    }

    private async Task LaggTillLedigTidAsync(Intervju intervju)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        db.Add(new Intervjutid { KommunId = "kalix", RekryteringId = intervju.Id, StartUtc = DateTime.UtcNow.AddDays(5), SlutUtc = DateTime.UtcNow.AddDays(5).AddHours(1), Plats = "Stadshuset" });
        await db.SaveChangesAsync();
    }

    private async Task<Kandidat> KandidatAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().AsNoTracking().SingleAsync(k => k.Id == kandidatId);
    }

    private async Task<List<OutboxMessage>> MeddelandenAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == $"Kandidat:{kandidatId}" && (m.Subject.StartsWith("Meddelande") || m.Subject.StartsWith("A message"))).ToListAsync();
    }

    private async Task<List<OutboxMessage>> BeskedAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == $"Kandidat:{kandidatId}" && m.Subject.StartsWith("Besked")).ToListAsync();
    }
}

public sealed class TavlaTestsSqlite(SqlitePortal portal) : TavlaTests<SqlitePortal>(portal);

public sealed class TavlaTestsPostgres(PostgresPortal portal) : TavlaTests<PostgresPortal>(portal);
