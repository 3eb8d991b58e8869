using System.Net;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// A panel member who has not scored a candidate <c>Rekrytering:BedomningPaminnelseDagar</c> (default 2) days after the
/// interview gets one reminder mail from the scheduler, not before and never twice; the recruiting manager sees on the
/// candidate's page whose score is missing. The clock is the test's (FakeTimeProvider) and the scheduler runs when told.
/// </summary>
public sealed class PanelpaminnelseTests : IAsyncLifetime
{
    // Tuesday 1 December 2026, 09:00 in Sweden.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock).With("Portal:PublicUrl", "https://chefsportal.example");
        _ = _portal.Server;
        await KorAsync(); // start-up's recurring jobs, so the test starts from quiet
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private Task<int> KorAsync() => _portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

    [Fact]
    public async Task PanelmedlemUtanBedomningFarEnPaminnelseTvaDagarEfterIntervjunOchChefenSerVemsBedomningSaknas()
    {
        var data = new Testdata(_portal);
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var panel = await data.KontoAsync(IntervjuBuilder.Panel);
        var url = $"/rekrytering/{intervju.Id}/kandidater/{intervju.KandidatIds[0]}";
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        // The interview Wednesday 2 December at 10:00 (09:00 UTC), booked on the candidate's page.
        var bokad = await agare.PostFormAsync($"{url}?handler=Boka", new()
        {
            ["Bokning.Datum"] = "2026-12-02", ["Bokning.Start"] = "10:00", ["Bokning.Minuter"] = "60", ["Bokning.Plats"] = "Stadshuset, rum 3",
            ["Version"] = await VersionAsync(intervju.KandidatIds[0]),
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, bokad.StatusCode);

        // Before the interview nobody's score is missing yet.
        Assert.Null((await agare.PageAsync(url)).QuerySelector("#saknar-bedomning"));

        // A day after the interview: the manager sees the missing score, but no reminder yet.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero));
        await KorAsync();
        Assert.Empty(await PaminnelserAsync(intervju.KandidatIds[0]));
        // (Signed in again each time the clock has moved: a session does not last days.)
        Assert.Equal($"Saknar bedömning: {panel.Namn} (intervju 2 december)", (await SidaAsync(data, IntervjuBuilder.Agare, url)).QuerySelector("#saknar-bedomning")!.TextContent.Trim());
        Assert.Equal($"Saknar bedömning: {panel.Namn} (intervju 2 december)", (await SidaAsync(data, IntervjuBuilder.Hr, url)).QuerySelector("#saknar-bedomning")!.TextContent.Trim());
        // The panel member does not see the overview of who has scored.
        Assert.Null((await SidaAsync(data, IntervjuBuilder.Panel, url)).QuerySelector("#saknar-bedomning"));

        // Two days after: one reminder, to the panel member, with the link to the scorecard.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.Zero));
        await KorAsync();
        var paminnelse = Assert.Single(await PaminnelserAsync(intervju.KandidatIds[0]));
        Assert.Equal(panel.Konto.Email, paminnelse.ToAddress);
        Assert.Equal("Påminnelse: bedöm Åsa Öberg", paminnelse.Subject);
        Assert.Contains("Enhetschef hemtjänst", paminnelse.TextBody);
        Assert.Contains($"https://chefsportal.example/rekrytering/{intervju.Id}/kandidater/{intervju.KandidatIds[0]}/bedomning", paminnelse.TextBody);
        // The other candidate had no interview: no reminder about them.
        Assert.Empty(await PaminnelserAsync(intervju.KandidatIds[1]));

        // Never twice: not on a rerun, not days later.
        await KorAsync();
        for (var dag = 0; dag < 3; dag++)
        {
            _clock.Advance(TimeSpan.FromDays(1));
            await KorAsync();
        }
        Assert.Single(await PaminnelserAsync(intervju.KandidatIds[0]));

        // Once the panel member has scored, nothing is missing.
        var jury = await data.InloggadAsync(IntervjuBuilder.Panel);
        var poang = intervju.Poang(Enumerable.Repeat(4, intervju.KompetensIds.Count).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, (await jury.PostFormAsync(intervju.Bedomning(0), poang)).StatusCode);
        Assert.Null((await SidaAsync(data, IntervjuBuilder.Agare, url)).QuerySelector("#saknar-bedomning"));
    }

    [Fact]
    public async Task EnPanelmedlemSomRedanHarBedomtPaminnsInte()
    {
        var data = new Testdata(_portal);
        var intervju = await data.NyIntervju().MedKandidaterILaget(KandidatTillstand.Granskad).BuildAsync();
        var url = $"/rekrytering/{intervju.Id}/kandidater/{intervju.KandidatIds[1]}";
        var agare = await data.InloggadAsync(IntervjuBuilder.Agare);
        var idag = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        await agare.PostFormAsync($"{url}?handler=Boka", new()
        {
            ["Bokning.Datum"] = idag.AddDays(1).ToString("yyyy-MM-dd"), ["Bokning.Start"] = "10:00", ["Bokning.Minuter"] = "60", ["Bokning.Plats"] = "Rum 1",
            ["Version"] = await VersionAsync(intervju.KandidatIds[1]),
        }, formPage: url);
        _clock.Advance(TimeSpan.FromDays(1.5)); // the interview has begun
        var jury = await data.InloggadAsync(IntervjuBuilder.Panel);
        Assert.Equal(HttpStatusCode.Redirect, (await jury.PostFormAsync(intervju.Bedomning(1), intervju.Poang(Enumerable.Repeat(3, intervju.KompetensIds.Count).ToArray()))).StatusCode);

        _clock.Advance(TimeSpan.FromDays(5));
        await KorAsync();

        Assert.Empty(await PaminnelserAsync(intervju.KandidatIds[1]));
        Assert.Null((await SidaAsync(data, IntervjuBuilder.Agare, url)).QuerySelector("#saknar-bedomning"));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> SidaAsync(Testdata data, string login, string url) =>
        await (await data.InloggadAsync(login)).PageAsync(url);

    private async Task<List<OutboxMessage>> PaminnelserAsync(int kandidatId)
    {
        await using var scope = _portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        return await db.Set<OutboxMessage>().Where(m => m.Topic == $"Kandidat:{kandidatId}" && m.Subject.StartsWith("Påminnelse: bedöm")).ToListAsync();
    }

    private async Task<string> VersionAsync(int kandidatId)
    {
        await using var scope = _portal.ScopeFor(IntervjuBuilder.Kommun, out var db);
        return (await db.Set<Kandidat>().SingleAsync(k => k.Id == kandidatId)).Version.ToString();
    }
}
