using System.Net;
using AngleSharp.Html.Dom;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChefsRekrytering.Tests.Ledarskap.Ledarskapsdata;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>
/// The yearly self-assessment against the Kalix policy, through its pages: the manager fills it in and hands it in, the
/// närmast högre chef records the talk, earlier years stand beside this one. Each test has its own manager.
/// </summary>
public class SjalvskattningTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task KanInteLamnasInNarNagotKravArOskattat()
    {
        var karinId = await data.PersonIdAsync("chef");
        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        var page = await StartAsync(karin, karinId);

        var form = await karin.PageAsync(page);
        Assert.Equal(30, form.QuerySelectorAll("fieldset legend").Length);
        Assert.Contains("Verksamhetskompetens", form.QuerySelector("form.scorecard")!.TextContent);
        var refused = await karin.SubmitAsync(page, "LamnaIn", Rows(form, i => i is 3 or 17 ? null : "Val"));
        Assert.Contains("Alla krav är inte skattade", await refused.ErrorsAsync());
        var shown = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, shown.QuerySelectorAll("[id^=saknas-]").Length);
        Assert.Equal("true", shown.QuerySelector("input[name='Rader[3].Betyg']")!.GetAttribute("aria-invalid"));
        Assert.NotNull(shown.QuerySelector("input[name='Rader[4].Betyg'][value=Val][checked]")); // what was chosen stays chosen
        var stored = await LoadAsync(karinId, Iar);
        Assert.Equal((SjalvskattningTillstand.Utkast, 0), (stored!.State, stored.Rader.Count(r => r.Betyg is not null)));

        Assert.Equal(HttpStatusCode.Redirect, (await karin.SubmitAsync(page, "LamnaIn", Rows(form, _ => "Val"))).StatusCode);
        Assert.Equal(SjalvskattningTillstand.Inlamnad, (await LoadAsync(karinId, Iar))!.State);
    }

    [Fact]
    public async Task FjoraretsSkattningStarBredvidArets()
    {
        var mariaId = await data.PersonIdAsync("kommunchef");
        await LastYearAsync(mariaId, ("verksamhet-1", Betyg.Foredome), ("social-3", Betyg.Utvecklingsomrade));
        var maria = await PortalClient.For(portal).SignInAsync("kalix", "kommunchef");
        var page = await StartAsync(maria, mariaId);

        var form = await maria.PageAsync(page);
        var hints = form.QuerySelectorAll("fieldset .hint[id^=forra-]").Select(h => h.TextContent).ToList();
        Assert.Equal($"Skattning {Iar - 1}: Föredöme", hints[0]);
        Assert.Contains($"Skattning {Iar - 1}: Utvecklingsområde", hints);
        Assert.Contains($"Skattning {Iar - 1}: inte skattat", hints);

        await maria.SubmitAsync(page, "Spara", Rows(form, i => i == 0 ? "Val" : null));
        var table = (await maria.PageAsync($"/sjalvskattning/{mariaId}")).QuerySelector("table")!;
        Assert.Equal(["Område", "Krav", $"{Iar - 1}", $"{Iar}"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["Föredöme", "Väl"], table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Skip(1).Select(td => td.TextContent));
    }

    [Fact]
    public async Task SamtaletRegistrerasBaraAvNarmastHogreChefEllerHr()
    {
        var andersId = await data.PersonIdAsync("rekryterande");
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        var page = await StartAsync(anders, andersId);
        var form = await anders.PageAsync(page);
        var maria = await PortalClient.For(portal).SignInAsync("kalix", "kommunchef");

        // The employer side reads the assessment but is offered no form to fill in, and posting one anyway is refused.
        Assert.Null((await maria.PageAsync(page)).QuerySelector("form.scorecard"));
        var posted = await maria.SubmitAsync(page, "Spara", await anders.VersionAsync(page, "Spara"), Rows(form, _ => "Delvis"));
        Assert.Contains("Bara chefen själv fyller i", await posted.ErrorsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await anders.SubmitAsync(page, "LamnaIn", Rows(form, _ => "Val"))).StatusCode);
        Assert.All((await LoadAsync(andersId, Iar))!.Rader, r => Assert.Equal(Betyg.Val, r.Betyg));

        Assert.Null((await anders.PageAsync(page)).QuerySelector("form[action*='handler=Diskutera']"));
        var own = await anders.SubmitAsync(page, "Diskutera", await anders.VersionAsync(page, "Ateroppna"), ("kommentar", "Jag tycker själv att det gick bra."));
        Assert.Contains("Samtalet registreras av närmast högre chef eller HR", await own.ErrorsAsync());
        Assert.Equal(SjalvskattningTillstand.Inlamnad, (await LoadAsync(andersId, Iar))!.State);

        Assert.Contains("Ange en kommentar", await (await maria.SubmitAsync(page, "Diskutera", ("kommentar", " "))).ErrorsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await maria.SubmitAsync(page, "Diskutera", ("kommentar", "Stark i strategiska frågor; utveckla delegeringen."))).StatusCode);
        var s = (await LoadAsync(andersId, Iar))!;
        Assert.Equal((SjalvskattningTillstand.Diskuterad, "Maria Lindqvist", "Stark i strategiska frågor; utveckla delegeringen."), (s.State, s.DiskuteradAv, s.SamtalKommentar));
        Assert.Contains("Maria Lindqvist", (await anders.PageAsync(page)).QuerySelector("#samtal-rubrik")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task EnSjalvskattningPerChefOchAr()
    {
        var fredrikId = await data.I("alvsbyn").PersonIdAsync("chef");
        var fredrik = await PortalClient.For(portal).SignInAsync("alvsbyn", "chef");
        Assert.Equal(await StartAsync(fredrik, fredrikId), await StartAsync(fredrik, fredrikId));
        await using var scope = portal.ScopeFor("alvsbyn", out var db);
        var s = await db.Set<Sjalvskattning>().Include(x => x.Rader).SingleAsync(x => x.ChefPersonId == fredrikId);
        // One row per requirement of the municipality's own policy.
        Assert.Equal(portal.Services.GetRequiredService<PolicyLibrary>().Get("alvsbyn").AllaKrav.Select(k => k.Id), s.Ordnade.Select(r => r.KravId));
    }

    /// <summary>Starts this year's self-assessment from the list page (or opens it if started) and returns its address.</summary>
    private static async Task<string> StartAsync(PortalClient manager, int personId)
    {
        var response = await manager.PostFormAsync($"/sjalvskattning/{personId}?handler=Ny", new Dictionary<string, string>(), formPage: $"/sjalvskattning/{personId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sjalvskattning/{personId}/{Iar}", response.Headers.Location!.OriginalString);
        return response.Headers.Location.OriginalString;
    }

    /// <summary>The form's rows as posted: each requirement's id, and a rating where <paramref name="betyg"/> gives one.</summary>
    private static (string, string)[] Rows(IHtmlDocument form, Func<int, string?> betyg) =>
        form.QuerySelectorAll("input[name$='.KravId']").SelectMany((e, i) => betyg(i) is { } b
            ? new[] { (e.GetAttribute("name")!, e.GetAttribute("value")!), ($"Rader[{i}].Betyg", b) }
            : new[] { (e.GetAttribute("name")!, e.GetAttribute("value")!) }).ToArray();

    /// <summary>Last year's assessment, handed in and discussed, with the given ratings.</summary>
    private async Task LastYearAsync(int personId, params (string KravId, Betyg Betyg)[] ratings)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var chef = await db.Personer.SingleAsync(p => p.Id == personId);
        var s = Sjalvskattning.For(chef, Iar - 1, portal.Services.GetRequiredService<PolicyLibrary>().Get("kalix"), db.UtcNow.AddYears(-1));
        foreach (var (kravId, betyg) in ratings) s.Rader.Single(r => r.KravId == kravId).Betyg = betyg;
        s.State = SjalvskattningTillstand.Diskuterad;
        db.Add(s);
        await db.SaveChangesAsync();
    }

    private async Task<Sjalvskattning?> LoadAsync(int personId, int ar)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Sjalvskattning>().AsNoTracking().Include(s => s.Rader).SingleOrDefaultAsync(s => s.ChefPersonId == personId && s.Ar == ar);
    }
}
