using System.Net;
using AngleSharp.Html.Dom;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Ledarakademin;

/// <summary>Ledarakademin over HTTP with the demo organisation: HR's overview, a manager's own view, recording and rights.</summary>
public class LedarakademinPagesTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task HrSerVarjeKalixEnhetschefOchIngenFranAlvsbyn()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var shown = Rows(await hr.PageAsync("/ledarakademin"));

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var managers = await db.Enheter.Where(e => e.ChefId != null).Select(e => e.ChefId!.Value).Distinct().ToListAsync();
            Assert.Equal(7, managers.Count);
            Assert.Equal(managers.Order(), shown.Keys.Order());
        }
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
        {
            var alvsbyn = await db.Enheter.Where(e => e.ChefId != null).Select(e => e.Chef!.Fornamn + " " + e.Chef.Efternamn).ToListAsync();
            Assert.NotEmpty(alvsbyn);
            Assert.All(alvsbyn, name => Assert.DoesNotContain(name, shown.Values.Select(r => r.Namn)));
        }
        // Demo managers were appointed outside the portal and have no introduction or activities recorded yet.
        Assert.All(shown.Values, r => Assert.Equal("Ej aktuellt", r.Status[Steg.Rekrytering]));
    }

    [Fact]
    public async Task FilterPaEnhetVisarEnhetenOchDelarnaUnderDen()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var soc = await UnitIdAsync("Socialförvaltningen");
        var hemtjanst = await UnitIdAsync("Hemtjänst Centrum");

        Assert.Equal(["Anders Nilsson", "Karin Öberg"], Rows(await hr.PageAsync($"/ledarakademin?enhet={soc}")).Values.Select(r => r.Namn).Order());
        var page = await hr.PageAsync($"/ledarakademin?enhet={hemtjanst}");
        Assert.Equal(["Karin Öberg"], Rows(page).Values.Select(r => r.Namn));
        Assert.Contains("Sammanställning för 1 chef", page.QuerySelector("table.summering caption")!.TextContent);
    }

    [Fact]
    public async Task SamtalOchEnKursFullbordarKompetensutvecklingenIOversikten()
    {
        var karinId = await data.PersonIdAsync("chef");
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.NotEqual("Klart", Rows(await hr.PageAsync("/ledarakademin"))[karinId].Status[Steg.Kompetensutveckling]);

        // The talks are recorded by her närmast högre chef, the course by Karin herself.
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(anders, karinId, AktivitetTyp.Medarbetarsamtal)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(anders, karinId, AktivitetTyp.Lonesamtal)).StatusCode);
        Assert.Equal("Pågår", Rows(await hr.PageAsync("/ledarakademin"))[karinId].Status[Steg.Kompetensutveckling]);

        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(karin, karinId, AktivitetTyp.Utbildning, "Arbetsrätt för chefer")).StatusCode);

        var overview = await hr.PageAsync($"/ledarakademin?steg={Steg.Kompetensutveckling}&status={StegStatus.Klart}");
        Assert.Equal([karinId], Rows(overview).Keys);
        Assert.Equal("Klart", Rows(overview)[karinId].Status[Steg.Kompetensutveckling]);
        var track = await karin.PageAsync($"/ledarakademin/{karinId}");
        var activities = track.QuerySelector("table")!.TextContent;
        Assert.Contains("Arbetsrätt för chefer", activities);
        Assert.Contains("Anders Nilsson", activities);
    }

    [Fact]
    public async Task ChefenRegistrerarInteSinaEgnaSamtal()
    {
        var karinId = await data.PersonIdAsync("chef");
        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        var page = await karin.PageAsync($"/ledarakademin/{karinId}");
        Assert.DoesNotContain(page.QuerySelectorAll("#Ny_Typ option"), o => o.GetAttribute("value") == nameof(AktivitetTyp.Medarbetarsamtal));

        var refused = await RecordAsync(karin, karinId, AktivitetTyp.Lonesamtal, date: new DateOnly(2020, 5, 4));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("registreras av närmast högre chef eller HR", await refused.Content.ReadAsStringAsync());
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<Utvecklingsaktivitet>().AnyAsync(a => a.PersonId == karinId && a.Datum == new DateOnly(2020, 5, 4)));
    }

    [Fact]
    public async Task AktivitetIFramtidenNekasMedEttTydligtBesked()
    {
        var karinId = await data.PersonIdAsync("chef");
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var refused = await RecordAsync(hr, karinId, AktivitetTyp.Coachning, "Chefscoachning", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("kan inte vara senare än i dag", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ChefSerSittEgetOchSinaUnderstalldaChefersSparMenIngetAnnat()
    {
        var (karinId, andersId) = (await data.PersonIdAsync("chef"), await data.PersonIdAsync("rekryterande"));
        var rektorId = await data.PersonIdAsync("johan.lundberg");

        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        var own = await karin.PageAsync("/ledarakademin");
        Assert.Equal(4, own.QuerySelectorAll("ol.akademi-steg > li").Length);
        Assert.Empty(Rows(own));
        Assert.Equal(HttpStatusCode.OK, (await karin.GetAsync($"/ledarakademin/{karinId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karin.GetAsync($"/ledarakademin/{andersId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karin.GetAsync($"/ledarakademin/{rektorId}")).StatusCode);

        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        Assert.Equal([karinId], Rows(await anders.PageAsync("/ledarakademin")).Keys);
        Assert.Equal(HttpStatusCode.OK, (await anders.GetAsync($"/ledarakademin/{karinId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anders.GetAsync($"/ledarakademin/{rektorId}")).StatusCode);
    }

    [Fact]
    public async Task MedarbetareOchAnnanKommunsHrFar404()
    {
        var karinId = await data.PersonIdAsync("chef");
        var medarbetarId = await data.PersonIdAsync("medarbetare");
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("alvsbyn", "hr"), ("alvsbyn", "chef") })
        {
            var other = await PortalClient.For(portal).SignInAsync(kommun, login);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/ledarakademin/{karinId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await RecordAsync(other, karinId, AktivitetTyp.Utbildning, "Intrång", formPage: "/")).StatusCode);
        }
        var alvsbynHr = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        Assert.DoesNotContain("Karin Öberg", await (await alvsbynHr.GetAsync("/ledarakademin")).Content.ReadAsStringAsync());
        // Not a manager: no track, for HR either.
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/ledarakademin/{medarbetarId}")).StatusCode);
        // The overview is for managers and HR.
        var medarbetare = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        Assert.NotEqual(HttpStatusCode.OK, (await medarbetare.GetAsync("/ledarakademin")).StatusCode);
    }

    [Fact]
    public async Task KompetensvaxlingStartasMedMallensChecklistaOchArKlarNarAllaPunkterArKlara()
    {
        var perId = await data.PersonIdAsync("per.sandberg");
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Equal("Ej aktuellt", Rows(await hr.PageAsync("/ledarakademin"))[perId].Status[Steg.Kompetensvaxling]);

        var started = await hr.PostFormAsync($"/ledarakademin/{perId}?handler=Starta",
            new() { ["Start.SistaDag"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd"), ["Start.Anledning"] = "Pension" },
            formPage: $"/ledarakademin/{perId}");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var page = await hr.PageAsync($"/ledarakademin/{perId}");
        var items = page.QuerySelectorAll("ul.checklist > li");
        Assert.Equal(7, items.Length);
        Assert.Contains("Pågående ärenden", items[0].TextContent);
        Assert.Equal("Pågår", Rows(await hr.PageAsync("/ledarakademin"))[perId].Status[Steg.Kompetensvaxling]);

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            foreach (var id in await db.Set<KompetensvaxlingPunkt>().Where(p => db.Set<Kompetensvaxling>().Any(k => k.Id == p.KompetensvaxlingId && k.PersonId == perId)).Select(p => p.Id).ToListAsync())
            {
                var ticked = await hr.PostFormAsync($"/ledarakademin/{perId}?handler=Punkt&punktId={id}", new() { ["klar"] = "true" }, formPage: $"/ledarakademin/{perId}");
                Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
            }
        }
        Assert.Equal("Klart", Rows(await hr.PageAsync("/ledarakademin"))[perId].Status[Steg.Kompetensvaxling]);
    }

    [Fact]
    public async Task KompetensvaxlingSomRedanPagarStartasInteIgen()
    {
        var rektorId = await data.PersonIdAsync("johan.lundberg");
        await using var scope = portal.ScopeFor("kalix", out var db);
        var service = scope.ServiceProvider.GetRequiredService<LedarakademinService>();
        var first = await service.PlaneraKompetensvaxlingAsync(rektorId, new DateOnly(2027, 6, 30), "Avslutat chefskap", Actor.System);
        await db.SaveChangesAsync();
        var again = await service.PlaneraKompetensvaxlingAsync(rektorId, new DateOnly(2027, 8, 31), "Avslutat chefskap", Actor.System);
        await db.SaveChangesAsync();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(new DateOnly(2027, 8, 31), again.SistaDag);
        Assert.Equal(1, await db.Set<Kompetensvaxling>().CountAsync(k => k.PersonId == rektorId));
        Assert.Equal(scope.ServiceProvider.GetRequiredService<KompetensvaxlingMall>().Punkter.Select(p => p.Rubrik), again.Punkter.OrderBy(p => p.Ordning).Select(p => p.Rubrik));
    }

    internal sealed record Rad(string Namn, Dictionary<Steg, string> Status);

    /// <summary>The overview's rows by person id, with each step's status tag.</summary>
    internal static Dictionary<int, Rad> Rows(IHtmlDocument page) => page.QuerySelectorAll("table.akademi tbody tr").ToDictionary(
        tr => int.Parse(tr.GetAttribute("data-person")!),
        tr => new Rad(tr.QuerySelector("th a")!.TextContent.Trim(),
            tr.QuerySelectorAll("td[data-steg]").ToDictionary(td => Enum.Parse<Steg>(td.GetAttribute("data-steg")!), td => td.QuerySelector(".tag")!.TextContent.Trim())));

    private static Task<HttpResponseMessage> RecordAsync(PortalClient client, int personId, AktivitetTyp typ, string? beskrivning = null,
        DateOnly? date = null, string? formPage = null) =>
        client.PostFormAsync($"/ledarakademin/{personId}?handler=Aktivitet", new()
        {
            ["Ny.Typ"] = typ.ToString(),
            ["Ny.Datum"] = (date ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToString("yyyy-MM-dd"),
            ["Ny.Beskrivning"] = beskrivning ?? "",
        }, formPage: formPage ?? $"/ledarakademin/{personId}");

    private async Task<int> UnitIdAsync(string name)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Enheter.Where(e => e.Namn == name).Select(e => e.Id).SingleAsync();
    }
}
