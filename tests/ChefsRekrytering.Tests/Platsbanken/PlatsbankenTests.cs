using System.Net;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Platsbanken;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Platsbanken;

/// <summary>A portal configured for Platsbanken against the stand-in, with its clock in the test's hand (the scheduler
/// runs when a test says so).</summary>
public sealed class PlatsbankenPortal : IAsyncLifetime
{
    public FakeTimeProvider Klocka { get; } = new(DateTimeOffset.UtcNow);
    public PlatsbankenStandIn StandIn { get; private set; } = null!;
    public PortalFactory Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StandIn = await PlatsbankenStandIn.StartAsync();
        StandIn.Idag = () => DateOnly.FromDateTime(SwedishTime.ToLocal(Klocka.GetUtcNow().UtcDateTime));
        Portal = new PortalFactory()
            .With("Platsbanken:EmployerId", PlatsbankenStandIn.EmployerId)
            .With("Platsbanken:ClientId", PlatsbankenStandIn.ClientId)
            .With("Platsbanken:ClientSecret", PlatsbankenStandIn.ClientSecret)
            .With("Platsbanken:BaseAddress", StandIn.BaseAddress)
            .With("Platsbanken:AnsvarigEpost", "hr@kalix.example")
            .WithClock(Klocka);
        _ = Portal.Server;
        await KorAsync(); // start-up's recurring jobs, so each test starts from quiet
    }

    public Task<int> KorAsync() => Portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}

/// <summary>
/// Issue #19, Platsbanken: a published advert reaches Arbetsförmedlingen (here its stand-in) with the fields it needs, a
/// change updates it, a cancelled recruitment withdraws it, an unreachable API is tried again later and the advert
/// arrives once, a refusal is shown to HR in Arbetsförmedlingen's words, and what Platsbanken would refuse is refused
/// before anything is sent.
/// </summary>
public sealed class PlatsbankenTests(PlatsbankenPortal fixture) : IClassFixture<PlatsbankenPortal>
{
    private PortalFactory Portal => fixture.Portal;
    private PlatsbankenStandIn StandIn => fixture.StandIn;

    private const string Text = RekryteringBuilder.StandardAnnonstext;

    [Fact]
    public async Task PubliceradAnnonsFinnsIPlatsbankenMedRattFalt()
    {
        var id = await new RekryteringBuilder(Portal).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");

        var svar = await PostaAnnonsAsync(owner, id, publicera: true);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        Assert.Contains("Väntar", await StatusAsync(owner, id));
        await fixture.KorAsync();

        var annons = await AnnonsAsync(id);
        var j = annons.Innehall;
        Assert.Equal("Enhetschef hemtjänst", j["title"]!.GetValue<string>());
        Assert.Equal(Text, j["description"]!.GetValue<string>());
        Assert.Equal("iqE3_kXw_wPM", j["occupation"]!.GetValue<string>());
        Assert.Equal("PFZr_Syz_cUq", j["employmentType"]!.GetValue<string>());
        Assert.Equal("a7uU_j21_mkL", j["duration"]!.GetValue<string>());
        Assert.Equal("6YE1_gAC_R2G", j["worktimeExtent"]!.GetValue<string>());
        Assert.Equal("oG8G_9cW_nRf", j["wageType"]!.GetValue<string>());
        var plats = j["workplaces"]![0]!;
        Assert.Equal("cUyN_C9V_HLU", plats["municipality"]!.GetValue<string>());
        Assert.Equal("Storgatan 1", plats["postalAddress"]!["street"]!.GetValue<string>());
        Assert.Equal("95281", plats["postalAddress"]!["postalCode"]!.GetValue<string>());
        Assert.Equal("Kalix", plats["postalAddress"]!["city"]!.GetValue<string>());
        Assert.EndsWith($"/jobb/annons/{id}", j["application"]!["method"]!["webAddress"]!.GetValue<string>());

        Assert.Contains($"Publicerad i Platsbanken med id {annons.Id}", await StatusAsync(owner, id));
        var hr = await PortalClient.For(Portal).SignInAsync("kalix", "hr");
        Assert.Contains($"Publicerad i Platsbanken med id {annons.Id}", await StatusAsync(hr, id));
    }

    [Fact]
    public async Task AndradAnnonstextUppdaterarAnnonsenIPlatsbanken()
    {
        var id = await new RekryteringBuilder(Portal).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");
        await PostaAnnonsAsync(owner, id, publicera: true);
        await fixture.KorAsync();
        var skapade = StandIn.Skapade;

        var svar = await PostaAnnonsAsync(owner, id, text: Text + " Tillträde enligt överenskommelse.");
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        await fixture.KorAsync();

        var annons = await AnnonsAsync(id);
        Assert.Equal(1, annons.Uppdateringar);
        Assert.EndsWith("Tillträde enligt överenskommelse.", annons.Innehall["description"]!.GetValue<string>());
        Assert.Equal(skapade, StandIn.Skapade); // updated, not posted again
        Assert.Contains("Publicerad i Platsbanken", await StatusAsync(owner, id));
    }

    [Fact]
    public async Task AvbrutenRekryteringAterkallarAnnonsen()
    {
        var id = await new RekryteringBuilder(Portal).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");
        await PostaAnnonsAsync(owner, id, publicera: true);
        await fixture.KorAsync();
        Assert.True((await AnnonsAsync(id)).Publicerad);

        var hr = await PortalClient.For(Portal).SignInAsync("kalix", "hr");
        var avbryt = await hr.PostFormAsync($"/rekrytering/{id}?handler=Fire",
            new() { ["trigger"] = "Avbryt", ["kommentar"] = "Tjänsten dras in", ["Version"] = await VersionAsync(id) }, formPage: $"/rekrytering/{id}");
        Assert.Equal(HttpStatusCode.Redirect, avbryt.StatusCode);
        await fixture.KorAsync();

        Assert.False((await AnnonsAsync(id)).Publicerad);
        Assert.Contains("Återkallad", await StatusAsync(hr, id));
    }

    [Fact]
    public async Task NarPlatsbankenInteSvararForsokerPortalenIgenOchAnnonsenKommerFramEnGang()
    {
        var id = await new RekryteringBuilder(Portal).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");
        StandIn.Nere = true;
        try
        {
            await PostaAnnonsAsync(owner, id, publicera: true);
            await fixture.KorAsync();
            var status = await StatusAsync(owner, id);
            Assert.Contains("Väntar", status);
            Assert.Contains("kunde inte nås", status);
        }
        finally { StandIn.Nere = false; }

        // Not before the backoff has passed; then once, and not again.
        await fixture.KorAsync();
        Assert.Empty(await AnnonserForAsync(id));
        fixture.Klocka.Advance(WorkQueue.Backoff(1) + TimeSpan.FromSeconds(1));
        await fixture.KorAsync();
        fixture.Klocka.Advance(TimeSpan.FromHours(2));
        await fixture.KorAsync();

        Assert.Single(await AnnonserForAsync(id));
        // Signed in again: the session has timed out on the moved clock.
        var efter = await StatusAsync(await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande"), id);
        Assert.Contains("Publicerad i Platsbanken med id", efter);
        Assert.DoesNotContain("kunde inte nås", efter);
    }

    [Fact]
    public async Task AvvisadAnnonsVisasForHrMedArbetsformedlingensFelmeddelande()
    {
        var id = await new RekryteringBuilder(Portal).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");
        var fore = StandIn.Anrop;
        await PostaAnnonsAsync(owner, id, publicera: true, yrke: "Okand_yrk_e00");
        await fixture.KorAsync();

        var hr = await PortalClient.For(Portal).SignInAsync("kalix", "hr");
        var status = await StatusAsync(hr, id);
        Assert.Contains("Avvisad av Arbetsförmedlingen", status);
        Assert.Contains("400: occupation: Concept id Okand_yrk_e00 is not a valid occupation-name", status);
        Assert.Empty(await AnnonserForAsync(id));

        // A refusal is not tried again by itself.
        var anrop = StandIn.Anrop;
        Assert.True(anrop > fore);
        fixture.Klocka.Advance(TimeSpan.FromHours(2));
        await fixture.KorAsync();
        Assert.Equal(anrop, StandIn.Anrop);
    }

    [Fact]
    public async Task EnBefattningPa76TeckenNekasInnanNagotSkickas()
    {
        var titel = "Enhetschef för hemtjänst och hemsjukvård i östra och västra kommundelen, Kalix"[..76];
        var id = await new RekryteringBuilder(Portal).Titel(titel).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");
        var anrop = StandIn.Anrop;

        var svar = await PostaAnnonsAsync(owner, id, publicera: true);
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        var sida = PortalClient.Parse(await svar.Content.ReadAsStringAsync());
        Assert.Contains("Befattningen är 76 tecken; Platsbanken tar högst 75.", sida.Body!.TextContent);
        await fixture.KorAsync();

        Assert.Equal(anrop, StandIn.Anrop);
        Assert.Equal(RekryteringsTillstand.Kravprofil, await StateAsync(id));
        Assert.Contains("Ej skickad", await StatusAsync(owner, id));
    }

    [Fact]
    public async Task UtanYrkeOchPostnummerNekasPubliceringenMedSkalen()
    {
        var id = await new RekryteringBuilder(Portal).KravprofilAsync();
        var owner = await PortalClient.For(Portal).SignInAsync("kalix", "rekryterande");

        var svar = await PostaAnnonsAsync(owner, id, publicera: true, yrke: "", postnummer: "9528");
        var text = PortalClient.Parse(await svar.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Contains("Välj yrke för Platsbanken.", text);
        Assert.Contains("Ange arbetsplatsens postnummer med fem siffror.", text);
        Assert.Equal(RekryteringsTillstand.Kravprofil, await StateAsync(id));
    }

    // ---- helpers ----

    private async Task<HttpResponseMessage> PostaAnnonsAsync(PortalClient client, int id, bool publicera = false, string text = Text,
        string yrke = "iqE3_kXw_wPM", string postnummer = "952 81")
    {
        var falt = new Dictionary<string, string>
        {
            ["Version"] = await VersionAsync(id),
            ["Annons.Text"] = text,
            ["Annons.SistaAnsokningsdag"] = (await SistaDagAsync(id)).ToString("yyyy-MM-dd"),
            ["Annons.Yrke"] = yrke,
            ["Annons.Kommun"] = "cUyN_C9V_HLU",
            ["Annons.Anstallningstyp"] = "PFZr_Syz_cUq",
            ["Annons.Varaktighet"] = "a7uU_j21_mkL",
            ["Annons.Arbetstid"] = "6YE1_gAC_R2G",
            ["Annons.Lonetyp"] = "oG8G_9cW_nRf",
            ["Annons.Gatuadress"] = "Storgatan 1",
            ["Annons.Postnummer"] = postnummer,
            ["Annons.Ort"] = "Kalix",
        };
        if (publicera) falt["publicera"] = "true";
        return await client.PostFormAsync($"/rekrytering/{id}?handler=Annons", falt, formPage: $"/rekrytering/{id}");
    }

    private static async Task<string> StatusAsync(PortalClient client, int id) =>
        (await client.PageAsync($"/rekrytering/{id}")).QuerySelector("#platsbanken")?.TextContent ?? "(ingen Platsbanksstatus på sidan)";

    private async Task<PlatsbankenStandIn.Annons> AnnonsAsync(int id) => Assert.Single(await AnnonserForAsync(id));

    private async Task<List<PlatsbankenStandIn.Annons>> AnnonserForAsync(int id)
    {
        var diarienummer = await DiarienummerAsync(id);
        return [.. StandIn.Annonser.Values.Where(a => a.Innehall["application"]?["reference"]?.GetValue<string>() == diarienummer)];
    }

    private async Task<T> LasAsync<T>(int id, System.Linq.Expressions.Expression<Func<Rekryteringar.Rekrytering, T>> falt)
    {
        await using var scope = Portal.ScopeFor("kalix", out var db);
        return await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(falt).SingleAsync();
    }

    private async Task<string> VersionAsync(int id) => (await LasAsync(id, r => r.Version)).ToString();
    private Task<string> DiarienummerAsync(int id) => LasAsync(id, r => r.Diarienummer);
    private async Task<DateOnly> SistaDagAsync(int id) => (await LasAsync(id, r => r.SistaAnsokningsdag))!.Value;
    private Task<RekryteringsTillstand> StateAsync(int id) => LasAsync(id, r => r.State);
}

/// <summary>Without configuration nothing is sent, and the page says so.</summary>
public sealed class PlatsbankenAvTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task UtanKonfigurationSkickasIngentingOchSidanSagerDet()
    {
        var id = await new RekryteringBuilder(portal).AnnonseradAsync();
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");

        var sida = await hr.PageAsync($"/rekrytering/{id}");
        Assert.Contains("Platsbanken är inte konfigurerat", sida.QuerySelector("#platsbanken")!.TextContent);
        Assert.Null(sida.QuerySelector("#Annons_Yrke"));
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Set<PlatsbankenAnnons>().AnyAsync(a => a.RekryteringId == id));
        Assert.False(await db.Set<ScheduledJob>().AnyAsync(j => j.JobType == PlatsbankenService.Jobb));
    }
}

/// <summary>Wrong credentials: Arbetsförmedlingen answers 401, which HR sees as a refusal (not retried for ever).</summary>
public sealed class PlatsbankenFelInloggningTests : IAsyncLifetime
{
    private PlatsbankenStandIn _standIn = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _standIn = await PlatsbankenStandIn.StartAsync();
        _portal = new PortalFactory()
            .With("Platsbanken:EmployerId", PlatsbankenStandIn.EmployerId)
            .With("Platsbanken:ClientId", PlatsbankenStandIn.ClientId)
            .With("Platsbanken:ClientSecret", "fel-hemlighet")
            .With("Platsbanken:BaseAddress", _standIn.BaseAddress);
        _ = _portal.Server;
    }

    [Fact]
    public async Task FelHemlighetGerAvvisadMedArbetsformedlingensSvar()
    {
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        await _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync(); // the demo advert, refused the same way

        await using var scope = _portal.ScopeFor("kalix", out var db);
        var id = await db.Set<PlatsbankenAnnons>().Select(a => a.RekryteringId).FirstAsync();
        var status = (await hr.PageAsync($"/rekrytering/{id}")).QuerySelector("#platsbanken")!.TextContent;
        Assert.Contains("Avvisad av Arbetsförmedlingen", status);
        Assert.Contains("401: Unauthorized", status);
        Assert.Empty(_standIn.Annonser);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _standIn.DisposeAsync();
    }
}
