using System.Net;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Arkiv;

/// <summary>A recruitment handed out as a public record: the advert, the applicants with dates and outcomes, the decision,
/// and nothing of the internal working material or the applicants' contact details.</summary>
public class UtlamnandeTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task UtlamnandetHarAnnonsSokandeOchBeslutMenInteKontaktuppgifterEllerBedomningar()
    {
        var r = await data.NyAvslutadRekrytering().TillsattAsync();
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");

        var response = await hr.GetAsync($"/rekrytering/{r.Id}/utlamnande");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("text/html", "utf-8"), (response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentType.CharSet));
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".html", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var html = await response.Content.ReadAsStringAsync();
        var doc = PortalClient.Parse(html);

        Assert.Contains("Vi söker en engagerad chef", doc.Body!.TextContent);
        var rows = doc.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(["Åsa Öberg", "Bertil Lund", "Cecilia Berg"], rows.Select(x => x[1]));
        Assert.Equal(["Anställd", "Ej aktuell", "Återtagen"], rows.Select(x => x[3]));
        Assert.All(rows, x => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", x[2]));
        var decision = doc.QuerySelectorAll("dl").Last().TextContent;
        Assert.Contains("Maria Lindqvist", decision);
        Assert.Contains("Bäst i intervjuerna.", decision);

        foreach (var email in r.Epost.Values) Assert.DoesNotContain(email, html);
        Assert.DoesNotContain(AvslutadRekrytering.Telefon, html);
        Assert.DoesNotContain(AvslutadRekrytering.Kommentar, html);
        Assert.DoesNotContain(AvslutadRekrytering.ReferensNamn, html);
        Assert.DoesNotContain("<script", html);

        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.True(await db.Set<AuditEvent>().AnyAsync(e => e.ObjectType == "Rekrytering" && e.ObjectId == r.Id && e.Action == AuditAction.LaddadeNed && e.UserName == "Lena Forsberg"));
    }

    [Fact]
    public async Task PagaendeRekryteringVisarUtfallSomUnderHandlaggningOchBaraHrFarFilen()
    {
        var open = await data.NyIntervju().BuildAsync();
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var html = await (await hr.GetAsync($"/rekrytering/{open.Id}/utlamnande")).Content.ReadAsStringAsync();
        Assert.Equal(2, html.Split("Under handläggning").Length - 1);
        Assert.Contains("Inget anställningsbeslut är fattat ännu.", html);

        // The owner runs the recruitment but does not hand out public records; another municipality's HR does not find it.
        foreach (var (kommun, login) in new[] { ("kalix", "rekryterande"), ("alvsbyn", "hr") })
        {
            var client = await PortalClient.For(portal).SignInAsync(kommun, login);
            var response = await client.GetAsync($"/rekrytering/{open.Id}/utlamnande");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{login}@{kommun}: {(int)response.StatusCode}");
            Assert.Null(response.Content.Headers.ContentDisposition);
        }
    }
}
