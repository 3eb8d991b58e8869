using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Ledarakademin;

/// <summary>
/// No false alarms: a manager who led her unit before the portal existed had her introduction outside it, so HR's overview
/// shows the step as not applicable, in grey; a manager who became one while the portal was in use, without an
/// introduction in it, is still shown as missing.
/// </summary>
public class ForePortalenTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task ChefFranForePortalenArEjAktuellMenEnNyChefUtanIntroduktionSaknas()
    {
        var hr = await data.InloggadAsync("hr");
        var karin = await data.PersonIdAsync("chef");
        var henrik = await data.IdForNamnAsync("Henrik Wikström");
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var furugarden = await db.Enheter.Where(e => e.Namn == "Äldreboendet Furugården").Select(e => e.Id).SingleAsync();
            var admin = await data.PrincipalAsync("admin");
            Assert.True((await scope.ServiceProvider.GetRequiredService<OrganisationService>().ByttChefAsync(furugarden, henrik, admin)).Succeeded);
        }

        var page = await hr.PageAsync("/ledarakademin");
        var rader = LedarakademinPagesTests.Rows(page);
        // Karin led Hemtjänst Centrum when the portal started (the demo's organisation, entered with its chefs).
        Assert.Equal(("Ej aktuellt", "Ej aktuellt"), (rader[karin].Status[Steg.Introduktion], rader[karin].Status[Steg.Rekrytering]));
        Assert.Equal(["Anställd före portalen", "Anställd före portalen"], Texter(page, karin, Steg.Rekrytering, Steg.Introduktion));
        Assert.All(rader.Where(r => r.Key != henrik), r => Assert.NotEqual("Saknas", r.Value.Status[Steg.Introduktion]));
        // Henrik became chef today, by Admin's change, and has no introduction: that is missing.
        Assert.Equal(("Saknas", "Ej aktuellt"), (rader[henrik].Status[Steg.Introduktion], rader[henrik].Status[Steg.Rekrytering]));
        Assert.Equal(["Anställd utanför portalen", "Ingen introduktion registrerad"], Texter(page, henrik, Steg.Rekrytering, Steg.Introduktion));

        // An introduction for him, planned ahead of its start, is on its way rather than missing.
        await data.IntroduktionAsync(henrik, "Enhetschef", DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(DateTime.UtcNow)).AddDays(30));
        Assert.Equal("Pågår", LedarakademinPagesTests.Rows(await hr.PageAsync("/ledarakademin"))[henrik].Status[Steg.Introduktion]);
    }

    private static List<string> Texter(AngleSharp.Html.Dom.IHtmlDocument page, int personId, params Steg[] steg) =>
        steg.Select(s => page.QuerySelector($"tr[data-person='{personId}'] td[data-steg='{s}'] .steg-text")!.TextContent.Trim()).ToList();
}
