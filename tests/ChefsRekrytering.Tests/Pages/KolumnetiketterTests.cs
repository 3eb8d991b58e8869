using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Web.Infrastructure;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// On a phone a table is a list of cards, each value under its column's name: every body cell of a table with a header
/// row carries that name as data-label, written once for every view.
/// </summary>
public class KolumnetiketterTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task RekryteringslistansCellerBarSinKolumnsNamn()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var table = (await hr.PageAsync("/rekrytering")).QuerySelector("main table")!;

        Assert.Contains("kortlista", table.ClassList);
        var rad = table.QuerySelector("tbody tr")!;
        Assert.Equal(["Diarienummer", "Befattning", "Enhet", "Rekryterande chef", "Fas", "Sökande"],
            rad.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
        // The rest of the table is as the view wrote it.
        Assert.Equal("num", rad.QuerySelectorAll("td").Last().ClassName);
        Assert.Null(table.QuerySelector("thead th")!.GetAttribute("data-label"));
    }

    [Fact]
    public void RadrubrikerSpannOchInreTabellerRaknasRatt()
    {
        var html = """
            <caption>Test</caption>
            <thead><tr><th scope="col">Namn</th><th scope="col" class="num">Poäng <span class="muted">av 5</span></th><th scope="col">Säg "hej"</th><th scope="col"><span class="visually-hidden">Åtgärd</span></th></tr></thead>
            <tbody>
                <tr><th scope="row">Åsa</th><td class="num">4</td><td>–</td><td><a href="/x">Ändra</a></td></tr>
                <tr><td colspan="2">Bertil saknar poäng</td><td><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></td><td data-label="Eget">x</td></tr>
            </tbody>
            """;
        var doc = PortalClient.Parse($"<table>{Kolumnetiketter.Markera(html)}</table>");
        var rader = doc.QuerySelectorAll("table > tbody > tr");

        Assert.Equal(["Namn", "Poäng av 5", "Säg \"hej\"", "Åtgärd"], rader[0].Children.Select(c => c.GetAttribute("data-label")));
        Assert.Equal(["Namn", "Säg \"hej\"", "Eget"], rader[1].Children.Select(c => c.GetAttribute("data-label")));
        Assert.Null(rader[1].QuerySelector("td table td")!.GetAttribute("data-label"));
    }

    [Fact]
    public void SmalaTabellerOchTabellerUtanRubrikradLamnasSomDeAr()
    {
        Assert.Null(Kolumnetiketter.Markera("<thead><tr><th>Slag</th><th>Poster</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody>"));
        Assert.Null(Kolumnetiketter.Markera("<tbody><tr><th scope=\"row\">Slag</th><td>1</td><td>2</td><td>3</td></tr></tbody>"));
    }
}
