using System.Net;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The interview guide, scorecards, comparison and references over HTTP, as owner, panel, HR and outsiders.</summary>
public class IntervjuTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task GuidenHarEnFragaPerKompetensOchSammaFragorForVarjeKandidat()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var agare = await SignedIn(IntervjuBuilder.Agare);

        var guide = await agare.PageAsync(intervju.Guide);
        var fragor = guide.QuerySelectorAll(".guide-question").Select(q => q.TextContent.Trim()).ToList();
        Assert.Equal(intervju.KompetensIds.Count, fragor.Count);
        Assert.Equal(fragor.Count, fragor.Distinct().Count());
        Assert.All(fragor, f => Assert.StartsWith("Berätta om en ", f));
        Assert.Contains("STAR-metoden", guide.Body!.TextContent);
        // Which adopted policy version the questions come from, linked as it was adopted.
        Assert.Matches(@"^/policy/[a-z]+/versioner/\d+$", guide.QuerySelector(".policy-grund a")?.GetAttribute("href") ?? "");
        Assert.Equal(intervju.KompetensIds.Count, guide.QuerySelectorAll(".scale").Length);
        Assert.Equal(3 * intervju.KompetensIds.Count, guide.QuerySelectorAll("li").Count(li => li.TextContent is "Vad gjorde du konkret?" or "Vad blev resultatet?" or "Vad skulle du göra annorlunda?"));

        var jury = await SignedIn(IntervjuBuilder.Panel);
        for (var i = 0; i < intervju.KandidatIds.Count; i++)
        {
            var scorecard = await jury.PageAsync(intervju.Bedomning(i));
            Assert.Equal(fragor, scorecard.QuerySelectorAll(".fraga").Select(q => q.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task GuidenForklararAttDenKommerNarKravprofilenArFaststalld()
    {
        var intervju = await data.NyIntervju().UtanFaststalldKravprofil().BuildAsync();
        var guide = await (await SignedIn(IntervjuBuilder.Hr)).PageAsync(intervju.Guide);
        Assert.Empty(guide.QuerySelectorAll(".guide-question"));
        Assert.Contains("Intervjuguiden tas fram ur kravprofilen när den är fastställd", guide.Body!.TextContent);
    }

    [Fact]
    public async Task PanelmedlemSpararSinBedomningOchSerDenIgen()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var jury = await SignedIn(IntervjuBuilder.Panel);

        var response = await jury.PostFormAsync(intervju.Bedomning(), intervju.Poang(4, 3, 5, 2, 1));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await StoredAsync(intervju.KandidatIds[0]);
        Assert.Equal([4, 3, 5, 2, 1], stored.OrderBy(b => intervju.KompetensIds.ToList().IndexOf(b.KompetensId)).Select(b => b.Poang));
        Assert.All(stored, b => Assert.Equal((intervju.PanelUserId, "Oskar Marklund"), (b.BedomareUserId, b.BedomareNamn)));

        var page = await jury.PageAsync(intervju.Bedomning());
        Assert.Equal(["4", "3", "5", "2", "1"], page.QuerySelectorAll("input[type=radio][checked]").Select(r => r.GetAttribute("value")));
        Assert.Equal("Exempel 1", page.QuerySelector("textarea")!.TextContent.Trim());
        Assert.Contains("jämförelsen av kandidaterna", page.Body!.TextContent);
    }

    [Fact]
    public async Task PanelmedlemSerOchAndrarBaraSinEgenBedomning()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var agarensForm = intervju.Poang(5, 5, 5, 5, 5);
        agarensForm["Rader[0].Kommentar"] = "Ägarens anteckning";
        Assert.Equal(HttpStatusCode.Redirect, (await (await SignedIn(IntervjuBuilder.Agare)).PostFormAsync(intervju.Bedomning(), agarensForm)).StatusCode);

        var jury = await SignedIn(IntervjuBuilder.Panel);
        var page = await jury.PageAsync(intervju.Bedomning());
        Assert.Empty(page.QuerySelectorAll("input[type=radio][checked]"));
        Assert.DoesNotContain("Ägarens anteckning", page.Body!.TextContent);

        // Fields naming someone else are not part of the form and are not bound.
        var form = intervju.Poang(1, 1, 1, 1, 1);
        form["BedomareUserId"] = intervju.AgareUserId;
        form["Rader[0].BedomareUserId"] = intervju.AgareUserId;
        Assert.Equal(HttpStatusCode.Redirect, (await jury.PostFormAsync(intervju.Bedomning(), form)).StatusCode);

        var stored = await StoredAsync(intervju.KandidatIds[0]);
        Assert.All(stored.Where(b => b.BedomareUserId == intervju.AgareUserId), b => Assert.Equal(5, b.Poang));
        Assert.All(stored.Where(b => b.BedomareUserId == intervju.PanelUserId), b => Assert.Equal(1, b.Poang));
        Assert.Equal(2 * intervju.KompetensIds.Count, stored.Count);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    public async Task PoangUtanforSkalanAvvisasOchIngetSparas(int poang)
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var response = await (await SignedIn(IntervjuBuilder.Panel)).PostFormAsync(intervju.Bedomning(), intervju.Poang(3, 3, poang, 3, 3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        var beside = page.QuerySelectorAll("fieldset")[2].QuerySelector(".field-error")!.TextContent.Trim();
        Assert.StartsWith("Poängen för kompetens 3 (", beside);
        Assert.EndsWith("måste vara från 1 till 5.", beside);
        Assert.Contains(beside, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Empty(await StoredAsync(intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task SaknadPoangVisasVidFaltetOchIngetSparas()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var response = await (await SignedIn(IntervjuBuilder.Panel)).PostFormAsync(intervju.Bedomning(), intervju.Poang(3, 3, 3, 3));

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        var error = page.QuerySelectorAll("fieldset")[4].QuerySelector(".field-error")!;
        Assert.StartsWith("Välj en poäng från 1 till 5 för kompetens 5", error.TextContent.Trim());
        Assert.Contains(error.Id!, page.QuerySelectorAll("fieldset")[4].GetAttribute("aria-describedby")!);
        Assert.Equal("3", page.QuerySelectorAll("fieldset")[0].QuerySelector("input[type=radio][checked]")!.GetAttribute("value"));
        Assert.Empty(await StoredAsync(intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task KompetensFranEnAnnanRekryteringAvvisasOchIngetSparas()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var annan = await data.NyIntervju().BuildAsync();
        var form = intervju.Poang(3, 3, 3, 3, 3);
        form["Rader[0].KompetensId"] = annan.KompetensIds[0].ToString();

        var response = await (await SignedIn(IntervjuBuilder.Panel)).PostFormAsync(intervju.Bedomning(), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Formuläret stämmer inte med rekryteringens kravprofil.", await response.Content.ReadAsStringAsync());
        Assert.Empty(await StoredAsync(intervju.KandidatIds[0]));
        Assert.Empty(await StoredAsync(annan.KandidatIds[0]));
    }

    [Fact]
    public async Task BedomningGorsForstNarIntervjunArBokad()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var jury = await SignedIn(IntervjuBuilder.Panel);

        var page = await jury.PageAsync(intervju.Bedomning());
        Assert.Empty(page.QuerySelectorAll("form.scorecard"));
        Assert.Contains("Bedömningen fylls i när kandidaten har en bokad intervju eller är intervjuad.", page.Body!.TextContent);

        Assert.Equal(HttpStatusCode.OK, (await jury.PostFormAsync(intervju.Bedomning(), intervju.Poang(3, 3, 3, 3, 3))).StatusCode);
        Assert.Empty(await StoredAsync(intervju.KandidatIds[0]));
    }

    [Theory]
    [InlineData("kalix", "medarbetare")]
    [InlineData("alvsbyn", "hr")]
    public async Task UtomstaendeFar404PaVarjeSida(string kommun, string login)
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Intervjuad).BuildAsync();
        var client = await PortalClient.For(portal).SignInAsync(kommun, login);

        foreach (var url in new[] { intervju.Guide, intervju.Jamforelse, intervju.Bedomning(), intervju.Referenser() })
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        // Their own pages give them a token; the posts are refused as if the recruitment did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(intervju.Bedomning(), intervju.Poang(5, 5, 5, 5, 5), formPage: "/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(intervju.Referenser(), Referens("Smygande"), formPage: "/")).StatusCode);

        Assert.Empty(await StoredAsync(intervju.KandidatIds[0]));
        Assert.Empty(await ReferencesAsync(intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task EnKandidatUrEnAnnanRekryteringGer404()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var annan = await data.NyIntervju().BuildAsync();
        var agare = await SignedIn(IntervjuBuilder.Agare);
        Assert.Equal(HttpStatusCode.NotFound, (await agare.GetAsync($"/rekrytering/{intervju.Id}/kandidater/{annan.KandidatIds[0]}/bedomning")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agare.GetAsync($"/rekrytering/{intervju.Id}/kandidater/{annan.KandidatIds[0]}/referenser")).StatusCode);
    }

    [Fact]
    public async Task PanelmedlemSerReferensernaMenKanInteLaggaTill()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Intervjuad).BuildAsync();
        var jury = await SignedIn(IntervjuBuilder.Panel);

        var page = await jury.PageAsync(intervju.Referenser());
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Contains("Referenser registreras av rekryterande chef eller HR.", page.Body!.TextContent);

        var response = await jury.PostFormAsync(intervju.Referenser(), Referens("Panelens referens"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/atkomst-nekad", response.Headers.Location!.PathAndQuery);
        Assert.Empty(await ReferencesAsync(intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task ReferensSomAgarenLaggerTillVisasPaSidan()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Intervjuad).BuildAsync();
        var agare = await SignedIn(IntervjuBuilder.Agare);

        var response = await agare.PostFormAsync(intervju.Referenser(), Referens("Greta <b>Gran</b>"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = (await ReferencesAsync(intervju.KandidatIds[0])).Single();
        Assert.Equal(("Greta <b>Gran</b>", "Närmaste chef 2019–2024", "Anders Nilsson"), (stored.Namn, stored.Relation, stored.TagenAv));
        foreach (var client in new[] { agare, await SignedIn(IntervjuBuilder.Panel) })
        {
            var html = await (await client.GetAsync(intervju.Referenser())).Content.ReadAsStringAsync();
            var card = PortalClient.Parse(html).QuerySelector(".card")!;
            Assert.Equal("Greta <b>Gran</b>", card.QuerySelector("h3")!.TextContent); // shown as text, never as markup
            Assert.Contains("Tydlig i förändringsarbete.", card.TextContent);
            Assert.Contains("av Anders Nilsson", card.TextContent);
        }
    }

    [Fact]
    public async Task ReferensKraverNamnRelationOchAnteckningar()
    {
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Intervjuad).BuildAsync();
        var response = await (await SignedIn(IntervjuBuilder.Hr)).PostFormAsync(intervju.Referenser(), new() { ["Ny.Kontakt"] = "070-123 45 67" });

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Fyll i referensens namn.", "Fyll i relation till kandidaten.", "Fyll i anteckningar."],
            page.QuerySelectorAll("form .field-error").Select(e => e.TextContent).Where(t => t.Length > 0));
        Assert.Empty(await ReferencesAsync(intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task ReferenserTasForstNarKandidatenArIntervjuad()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var agare = await SignedIn(IntervjuBuilder.Agare);
        var page = await agare.PageAsync(intervju.Referenser());
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Contains("Referenser registreras för kandidater som är intervjuade", page.Body!.TextContent);

        Assert.Equal(HttpStatusCode.OK, (await agare.PostFormAsync(intervju.Referenser(), Referens("För tidig"))).StatusCode);
        Assert.Empty(await ReferencesAsync(intervju.KandidatIds[0]));
    }

    [Fact]
    public async Task JamforelsenVisarMedelViktatResultatOchPlats()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var agare = await SignedIn(IntervjuBuilder.Agare);
        var jury = await SignedIn(IntervjuBuilder.Panel);
        // Åsa: owner 5 4 3 2 1, jury 4 4 4 4 4 → means 4,5 4,0 3,5 3,0 2,5; weights 5 4 3 2 1:
        // (22,5 + 16 + 10,5 + 6 + 2,5) / 15 = 57,5 / 15 = 3,83 → 3,8. Bertil: jury 3 everywhere → 3,0.
        await agare.PostFormAsync(intervju.Bedomning(0), intervju.Poang(5, 4, 3, 2, 1));
        await jury.PostFormAsync(intervju.Bedomning(0), intervju.Poang(4, 4, 4, 4, 4));
        await jury.PostFormAsync(intervju.Bedomning(1), intervju.Poang(3, 3, 3, 3, 3));

        var page = await jury.PageAsync(intervju.Jamforelse);
        var rows = page.QuerySelectorAll(".matrix tbody tr")
            .Select(tr => tr.Children.Select(td => string.Join(" ", td.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList()).ToList();
        Assert.Equal(["1", "Åsa Öberg", "4,5 (2 bedömare)", "4,0 (2 bedömare)", "3,5 (2 bedömare)", "3,0 (2 bedömare)", "2,5 (2 bedömare)", "3,8", "2"], rows[0]);
        Assert.Equal(["2", "Bertil Lund", "3,0 (1 bedömare)", "3,0 (1 bedömare)", "3,0 (1 bedömare)", "3,0 (1 bedömare)", "3,0 (1 bedömare)", "3,0", "1"], rows[1]);
        Assert.NotNull(page.QuerySelector(".matrix caption"));
        Assert.Contains("Plats 1: Åsa Öberg, viktat resultat 3,8 av 5, 2 bedömare", page.QuerySelector(".ranking")!.TextContent);
        // Each interviewer's scores and comments are for the owner and HR, not the panel.
        Assert.Null(page.QuerySelector("#per-bedomare"));
        var owners = await agare.PageAsync(intervju.Jamforelse);
        Assert.NotNull(owners.QuerySelector("#per-bedomare"));
        Assert.Contains("Oskar Marklund", owners.Body!.TextContent);
    }

    [Fact]
    public async Task MatrisenRullarIEgenBehallareOchForklaringenRadbrytsUtanfor()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var agare = await SignedIn(IntervjuBuilder.Agare);
        await agare.PostFormAsync(intervju.Bedomning(0), intervju.Poang(5, 4, 3, 2, 1));
        var page = await agare.PageAsync(intervju.Jamforelse);

        // However many competences the profile has, the matrix scrolls sideways in a region of its own that the keyboard reaches ...
        var region = page.QuerySelector(".matrix")!.ParentElement!;
        Assert.Equal(("table-wrap", "region", "0"), (region.ClassName, region.GetAttribute("role"), region.GetAttribute("tabindex")));
        Assert.Equal("Matris", page.GetElementById(region.GetAttribute("aria-labelledby")!)!.TextContent);
        // ... and how to read it is a paragraph of the page, wrapped to its width, not a caption as wide as the whole table,
        // of which a 1366 px screen showed the first half.
        var forklaring = page.GetElementById(region.GetAttribute("aria-describedby")!)!;
        Assert.Contains("Viktat resultat = summan av medelpoäng × vikt delat med summan av vikterna.", forklaring.TextContent);
        Assert.Null(forklaring.Closest(".table-wrap"));
        Assert.DoesNotContain("Viktat resultat =", page.QuerySelector(".matrix caption")!.TextContent);

        // Text for screen readers in the cells ("bedömare") is positioned absolutely: its region must be its containing block,
        // or it is laid out where the wide table would be and widens the whole page, header and all.
        var css = await (await agare.Http.GetAsync("/css/site.css")).Content.ReadAsStringAsync();
        var regel = System.Text.RegularExpressions.Regex.Match(css, @"\.table-wrap\s*\{([^}]*)\}").Groups[1].Value;
        Assert.Contains("overflow-x: auto", regel);
        Assert.Contains("position: relative", regel);
    }

    [Fact]
    public async Task HrSerGuidenOchJamforelsenUtanAttSittaIPanelen()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var hr = await SignedIn(IntervjuBuilder.Hr);
        await hr.PageAsync(intervju.Guide);
        var jamforelse = await hr.PageAsync(intervju.Jamforelse);
        Assert.Contains("Ingen kandidat är bedömd ännu.", jamforelse.Body!.TextContent);
    }

    private Task<PortalClient> SignedIn(string login) => PortalClient.For(portal).SignInAsync(IntervjuBuilder.Kommun, login);

    private static Dictionary<string, string> Referens(string namn) => new()
    {
        ["Ny.Namn"] = namn, ["Ny.Relation"] = "Närmaste chef 2019–2024", ["Ny.Kontakt"] = "070-123 45 67",
        ["Ny.Anteckningar"] = "Tydlig i förändringsarbete. Lyssnar och fattar beslut.",
    };

    private async Task<List<Bedomning>> StoredAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        return await db.Set<Bedomning>().Where(b => b.KandidatId == kandidatId).ToListAsync();
    }

    private async Task<List<Referens>> ReferencesAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        return await db.Set<Referens>().Where(b => b.KandidatId == kandidatId).ToListAsync();
    }
}
