using System.Net;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Ledarakademin;

/// <summary>
/// The exit conversation on a leaving manager's track, over HTTP with antiforgery: Karin (leaving) answers it herself;
/// her närmast högre chef Anders sees the track but not the conversation, and is forbidden to write it (403, shown as the access-denied page); another
/// municipality's HR finds nothing; a scale outside 1–5 is refused at the field; once the knowledge transfer is done the
/// answers stand. They are in Karin's own register extract.
/// </summary>
public class AvgangssamtalTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task ChefenSvararSjalvOchSvarenGallerTillsKompetensvaxlingenArKlar()
    {
        var karinId = await data.PersonIdAsync("chef");
        var url = $"/ledarakademin/{karinId}";
        var hr = await data.InloggadAsync("hr");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostFormAsync($"{url}?handler=Starta",
            new() { ["Start.SistaDag"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd"), ["Start.Anledning"] = "Ny tjänst" },
            formPage: url)).StatusCode);

        var karin = await data.InloggadAsync("chef");
        var sida = await karin.PageAsync(url);
        Assert.NotNull(sida.QuerySelector("form[action*='handler=Avgangssamtal']"));
        Assert.Equal(Enum.GetValues<Avgangsorsak>().Length, sida.QuerySelectorAll("#Avgang_Orsak option[value]:not([value=''])").Length);

        // The närmast högre chef sees the track, not the conversation, and may not write it.
        var anders = await data.InloggadAsync("rekryterande");
        var andersSida = await anders.PageAsync(url);
        Assert.NotNull(andersSida.QuerySelector("ul.checklist"));
        Assert.Null(andersSida.GetElementById("avgang-rubrik"));
        var nekad = await SvaraAsync(anders, karinId, rekommenderar: "1");
        Assert.Equal(HttpStatusCode.Redirect, nekad.StatusCode); // forbidden: to the page that says so
        Assert.Contains("/konto/atkomst-nekad", nekad.Headers.Location!.OriginalString);
        Assert.Null(await SamtalAsync(karinId));
        // Another municipality's HR: the track does not exist.
        var alvsbyn = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        Assert.Equal(HttpStatusCode.NotFound, (await SvaraAsync(alvsbyn, karinId, formPage: "/")).StatusCode);

        // A scale outside 1–5: refused at the field, nothing stored.
        var fel = await SvaraAsync(karin, karinId, rekommenderar: "6");
        Assert.Equal(HttpStatusCode.OK, fel.StatusCode);
        var felsida = PortalClient.Parse(await fel.Content.ReadAsStringAsync());
        var falt = felsida.QuerySelector("input[name='Avgang.Rekommenderar']")!.Closest("fieldset")!;
        Assert.False(string.IsNullOrWhiteSpace(falt.QuerySelector(".field-error")!.TextContent));
        Assert.Null(await SamtalAsync(karinId));

        Assert.Equal(HttpStatusCode.Redirect, (await SvaraAsync(karin, karinId)).StatusCode);
        var sparat = (await SamtalAsync(karinId))!;
        Assert.Equal((Avgangsorsak.NyArbetsgivare, 4, 2, 3, "Kollegorna i ledningsgruppen.", "Mer tid för verksamheten."),
            (sparat.Orsak, sparat.Rekommenderar, sparat.StodFranChef, sparat.PolicynIPraktiken, sparat.Fungerade, sparat.BorAndras));
        Assert.Equal("Karin Öberg", sparat.BesvaratAv);
        // The form shows what was saved.
        Assert.NotNull((await karin.PageAsync(url)).QuerySelector("input[name='Avgang.StodFranChef'][value='2'][checked]"));

        // HR records in the conversation too (a change), until the transfer is done.
        Assert.Equal(HttpStatusCode.Redirect, (await SvaraAsync(hr, karinId, rekommenderar: "5")).StatusCode);
        Assert.Equal(5, (await SamtalAsync(karinId))!.Rekommenderar);

        await using (var scope = portal.ScopeFor("kalix", out var db))
            foreach (var id in await db.Set<KompetensvaxlingPunkt>().Where(p => db.Set<Kompetensvaxling>().Any(k => k.Id == p.KompetensvaxlingId && k.PersonId == karinId))
                         .Select(p => p.Id).ToListAsync())
                Assert.Equal(HttpStatusCode.Redirect, (await hr.PostFormAsync($"{url}?handler=Punkt&punktId={id}", new() { ["klar"] = "true" }, formPage: url)).StatusCode);

        var stangt = await SvaraAsync(karin, karinId, rekommenderar: "1", formPage: url);
        Assert.Equal(HttpStatusCode.OK, stangt.StatusCode);
        Assert.Contains(AvgangssamtalService.Stangt, await stangt.Content.ReadAsStringAsync());
        Assert.Equal(5, (await SamtalAsync(karinId))!.Rekommenderar);
        var klar = await karin.PageAsync(url);
        Assert.Null(klar.QuerySelector("form[action*='handler=Avgangssamtal']"));
        Assert.Contains("Mer tid för verksamheten.", klar.GetElementById("avgang-rubrik")!.ParentElement!.TextContent);

        // Karin's own register extract has her answers.
        var karinsKonto = await data.PrincipalAsync("chef");
        var utdrag = (await data.KommandoAsync<RegisterutdragService, Registerutdrag?>(s => s.MinaUppgifterAsync(karinsKonto)))!;
        var uppgifter = utdrag.Avsnitt.Single(a => a.Rubrik == "Ledarakademin").Poster.SelectMany(p => p.Uppgifter).ToDictionary(u => u.Namn, u => u.Varde);
        Assert.Equal("Ny arbetsgivare", uppgifter["Avgångssamtal, skäl"]);
        Assert.Equal("Mer tid för verksamheten.", uppgifter["Avgångssamtal, det här borde ändras"]);
    }

    private static Task<HttpResponseMessage> SvaraAsync(PortalClient client, int personId, string rekommenderar = "4", string? formPage = null) =>
        client.PostFormAsync($"/ledarakademin/{personId}?handler=Avgangssamtal", new()
        {
            ["Avgang.Orsak"] = nameof(Avgangsorsak.NyArbetsgivare),
            ["Avgang.Rekommenderar"] = rekommenderar,
            ["Avgang.StodFranChef"] = "2",
            ["Avgang.PolicynIPraktiken"] = "3",
            ["Avgang.Fungerade"] = "Kollegorna i ledningsgruppen.",
            ["Avgang.BorAndras"] = "Mer tid för verksamheten.",
        }, formPage: formPage ?? $"/ledarakademin/{personId}");

    private async Task<Avgangssamtal?> SamtalAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Avgangssamtal>().AsNoTracking()
            .Where(a => db.Set<Kompetensvaxling>().Any(k => k.Id == a.KompetensvaxlingId && k.PersonId == personId)).SingleOrDefaultAsync();
    }
}
