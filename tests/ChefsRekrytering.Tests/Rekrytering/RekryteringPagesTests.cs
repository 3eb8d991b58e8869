using System.Net;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The recruiting manager and HR run a recruitment through the pages, as people do in the browser.</summary>
public class RekryteringPagesTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task RekryteringFarDiarienummerIKommunensSerie()
    {
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var first = await CreateAsync(owner, "Enhetschef Furugården");
        var second = await CreateAsync(owner, "Enhetschef Strand");
        var numbers = new[] { await DiarieAsync(first), await DiarieAsync(second) };
        Assert.All(numbers, n => Assert.Matches(@"^REK \d{4}/\d{4}$", n));
        Assert.Equal(int.Parse(numbers[0][^4..]) + 1, int.Parse(numbers[1][^4..]));
    }

    [Fact]
    public async Task BehovetGodkannsAvHrEfterKontrollAvForetradesratt()
    {
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var id = await CreateAsync(owner, "Enhetschef hemtjänst Norr");
        var sent = await FireAsync(owner, id, "SkickaForBehovsprovning");
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, PortalClient.Parse(await sent.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent);

        // The owner is shown why she cannot approve her own need; posting it anyway is refused.
        var page = await owner.PageAsync($"/rekrytering/{id}");
        Assert.Contains("Behovet godkänns av HR.", page.QuerySelector("#nasta-rubrik")!.ParentElement!.TextContent);
        Assert.Contains("Behovet godkänns av HR.", await (await FireAsync(owner, id, "GodkannBehov")).Content.ReadAsStringAsync());

        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var refused = await FireAsync(hr, id, "GodkannBehov");
        Assert.Contains("Företrädesrätt enligt LAS 25 § är inte kontrollerad", await refused.Content.ReadAsStringAsync());

        var las = await hr.PostFormAsync($"/rekrytering/{id}?handler=Las", new() { ["Las.Utfall"] = "IngenForetradesratt", ["Version"] = await VersionAsync(id) }, formPage: $"/rekrytering/{id}");
        Assert.Equal(HttpStatusCode.Redirect, las.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FireAsync(hr, id, "GodkannBehov")).StatusCode);
        Assert.Equal(RekryteringsTillstand.Kravprofil, await StateAsync(id));

        var history = (await hr.PageAsync($"/rekrytering/{id}")).QuerySelector("#historik-rubrik")!.ParentElement!.TextContent;
        Assert.Contains("Lena Forsberg", history);
        Assert.Contains("Anders Nilsson", history);
    }

    [Fact]
    public async Task KravprofilenByggsAvPolicynOchVersionerasNarDenFaststallts()
    {
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var id = await CreateAsync(owner, "Rektor Centrumskolan");
        var page = await owner.PageAsync($"/rekrytering/{id}/kravprofil");
        // Every requirement of the Kalix policy is offered.
        Assert.Equal(30, page.QuerySelectorAll("input[type=checkbox][name$='.Med']").Length);
        Assert.Contains("Social kompetens", page.QuerySelector("form.kravprofil-form")!.TextContent);

        var fields = ProfileForm(page, pick: [0, 5, 12], own: "Erfarenhet av att leda skolutveckling");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/rekrytering/{id}/kravprofil?handler=Faststall", fields, formPage: $"/rekrytering/{id}/kravprofil")).StatusCode);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var profile = await db.Set<Kravprofil>().Include(k => k.Kompetenser).SingleAsync(k => k.RekryteringId == id);
            Assert.True(profile.Faststalld);
            Assert.Equal(4, profile.Kompetenser.Count);
            Assert.Equal(3, profile.Kompetenser.Count(k => k.PolicyKravId is not null));
            Assert.All(profile.Kompetenser, k => Assert.StartsWith("Berätta om en ", k.Intervjufraga));
        }

        // A change to a fixed profile is a new version; version 1 stays as it was.
        page = await owner.PageAsync($"/rekrytering/{id}/kravprofil");
        await owner.PostFormAsync($"/rekrytering/{id}/kravprofil?handler=Spara", ProfileForm(page, pick: [0, 1], own: null), formPage: $"/rekrytering/{id}/kravprofil");
        await using var check = portal.ScopeFor("kalix", out var read);
        var versions = await read.Set<Kravprofil>().Include(k => k.Kompetenser).Where(k => k.RekryteringId == id).OrderBy(k => k.Version).ToListAsync();
        Assert.Equal([(1, true, 4), (2, false, 2)], versions.Select(v => (v.Version, v.Faststalld, v.Kompetenser.Count)));
    }

    [Fact]
    public async Task ObehorigaSerInteRekryteringen()
    {
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var id = await CreateAsync(owner, "Hemlig chefstjänst");
        foreach (var (kommun, login) in new[] { ("kalix", "medarbetare"), ("kalix", "chef"), ("alvsbyn", "hr"), ("alvsbyn", "rekryterande") })
        {
            var other = await PortalClient.For(portal).SignInAsync(kommun, login);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/rekrytering/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/rekrytering/{id}/kravprofil")).StatusCode);
            Assert.DoesNotContain("Hemlig chefstjänst", await (await other.GetAsync("/rekrytering")).Content.ReadAsStringAsync());
        }
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Contains("Hemlig chefstjänst", await (await hr.GetAsync("/rekrytering")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PanelmedlemSerRekryteringenMenKanInteDrivaDen()
    {
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var id = await CreateAsync(owner, "Enhetschef med panel");
        var juryId = await UserIdAsync("jury@kalix.example");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/rekrytering/{id}?handler=Panel", new() { ["userId"] = juryId, ["Version"] = await VersionAsync(id) }, formPage: $"/rekrytering/{id}")).StatusCode);

        var panel = await PortalClient.For(portal).SignInAsync("kalix", "jury");
        var page = await panel.PageAsync($"/rekrytering/{id}");
        Assert.Null(page.QuerySelector("#nasta-rubrik"));
        var fire = await panel.PostFormAsync($"/rekrytering/{id}?handler=Fire", new() { ["trigger"] = "SkickaForBehovsprovning", ["Version"] = await VersionAsync(id) }, formPage: $"/rekrytering/{id}");
        Assert.NotEqual(HttpStatusCode.OK, fire.StatusCode);
        Assert.Equal(RekryteringsTillstand.Utkast, await StateAsync(id));
    }

    [Fact]
    public async Task TvaSamtidigaHandelserPaSammaRekryteringDenEnaVinnerDenAndraFarVeta()
    {
        var owner = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var id = await CreateAsync(owner, "Enhetschef samtidighet");
        var version = await VersionAsync(id);
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        await hr.GetAsync($"/rekrytering/{id}");
        await owner.GetAsync($"/rekrytering/{id}");

        // Both act on the page as they saw it: one sends the need on, the other cancels.
        var responses = await Task.WhenAll(
            owner.PostFormAsync($"/rekrytering/{id}?handler=Fire", new() { ["trigger"] = "SkickaForBehovsprovning", ["Version"] = version }, formPage: $"/rekrytering/{id}"),
            hr.PostFormAsync($"/rekrytering/{id}?handler=Fire", new() { ["trigger"] = "Avbryt", ["kommentar"] = "Fel enhet", ["Version"] = version }, formPage: $"/rekrytering/{id}"));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("Någon annan har ändrat uppgifterna", await loser.Content.ReadAsStringAsync());
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.Single(await db.WorkflowTransitions.Where(t => t.Workflow == "Rekrytering" && t.SubjectId == id).ToListAsync());
    }

    internal static async Task<int> CreateAsync(PortalClient client, string titel)
    {
        var page = await client.PageAsync("/rekrytering/ny");
        var unit = page.QuerySelector("select[name='Input.EnhetId'] option:nth-child(2)")!.GetAttribute("value")!;
        var response = await client.PostFormAsync("/rekrytering/ny", new()
        {
            ["Input.Titel"] = titel, ["Input.EnhetId"] = unit, ["Input.Anstallningsform"] = "Tillsvidare", ["Input.Omfattning"] = "100",
            ["Input.Behovsbeskrivning"] = "Nuvarande chef går i pension och verksamheten växer.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<HttpResponseMessage> FireAsync(PortalClient client, int id, string trigger) =>
        await client.PostFormAsync($"/rekrytering/{id}?handler=Fire", new() { ["trigger"] = trigger, ["Version"] = await VersionAsync(id) }, formPage: $"/rekrytering/{id}");

    private static List<KeyValuePair<string, string>> ProfileForm(AngleSharp.Html.Dom.IHtmlDocument page, int[] pick, string? own)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Version", page.QuerySelector("input[name='Version']")!.GetAttribute("value")!) };
        var ids = page.QuerySelectorAll("input[name$='.KravId']").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            var prefix = ids[i].Item1[..^".KravId".Length];
            fields.Add(new($"{prefix}.KravId", ids[i].Item2));
            fields.Add(new($"{prefix}.Vikt", "4"));
            fields.Add(new($"{prefix}.Fraga", ""));
            if (pick.Contains(i)) fields.Add(new($"{prefix}.Med", "true"));
        }
        if (own is not null) { fields.Add(new("Egna[0].Text", own)); fields.Add(new("Egna[0].Vikt", "5")); }
        return fields;
    }

    private async Task<string> VersionAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Rekryteringar.Rekrytering>().AsNoTracking().SingleAsync(r => r.Id == id)).Version.ToString();
    }

    private async Task<RekryteringsTillstand> StateAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.State).SingleAsync();
    }

    private async Task<string> DiarieAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.Diarienummer).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        // Accounts are read through their municipality's filter, like every record: the demo address names it.
        await using var scope = portal.ScopeFor(email.Split('@')[1].Split('.')[0], out _);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ChefsRekrytering.Konton.ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
