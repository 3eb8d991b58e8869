using System.Security.Claims;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>A need travels between the recruiting manager and HR with a mail at each hand-off, to the person who must act
/// next; HR can send it back with what to change; each person can read the mails sent to them.</summary>
public class OverlamningsmejlTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private Testdata Data => new(portal);

    [Fact]
    public async Task BehovetSkickasTillHrGodkannsEllerSkickasTillbakaMedEttMejlVarjeGang()
    {
        var (agare, hr) = (await Data.KontoAsync("rekryterande"), await Data.KontoAsync("hr"));
        var (id, _) = await Data.BehovAsync("Enhetschef med överlämningar");

        Assert.True((await FireAsync(id, RekryteringsHandelse.SkickaForBehovsprovning, null, agare.Principal)).Succeeded);
        var tillHr = Assert.Single(await MejlAsync(id), m => m.ToAddress == hr.Konto.Email);
        Assert.StartsWith("Ett behov väntar på din prövning", tillHr.Subject);
        Assert.Contains($"/rekrytering/{id}#behov-rubrik", tillHr.TextBody);
        Assert.DoesNotContain(await MejlAsync(id), m => m.ToAddress == agare.Konto.Email); // no mail to oneself

        // Sent back: only HR may, only with what to change, and the manager is told what it was.
        var utanSkal = await FireAsync(id, RekryteringsHandelse.ReturneraBehov, null, hr.Principal);
        Assert.Contains(utanSkal.Reasons, r => r.Contains("kommentar"));
        var avAgaren = await FireAsync(id, RekryteringsHandelse.ReturneraBehov, "Ange omfattningen.", agare.Principal);
        Assert.Contains("Behovet prövas av HR.", avAgaren.Reasons);
        Assert.True((await FireAsync(id, RekryteringsHandelse.ReturneraBehov, "Ange omfattningen och när tjänsten ska tillsättas.", hr.Principal)).Succeeded);
        var tillbaka = Assert.Single(await MejlAsync(id), m => m.ToAddress == agare.Konto.Email);
        Assert.StartsWith("Behovet har skickats tillbaka", tillbaka.Subject);
        Assert.Contains("Ange omfattningen och när tjänsten ska tillsättas.", tillbaka.TextBody);

        // Sent again and approved: HR is asked again, and the manager is told it is approved.
        Assert.True((await FireAsync(id, RekryteringsHandelse.SkickaForBehovsprovning, null, agare.Principal)).Succeeded);
        Assert.Equal(2, (await MejlAsync(id)).Count(m => m.ToAddress == hr.Konto.Email));
        Assert.True((await Data.RekryteringsstegAsync(id, (s, v) => s.RegistreraLasAsync(id, v, LasUtfall.IngenForetradesratt, null, hr.Principal))).Succeeded);
        Assert.True((await FireAsync(id, RekryteringsHandelse.GodkannBehov, null, hr.Principal)).Succeeded);
        Assert.Contains(await MejlAsync(id), m => m.ToAddress == agare.Konto.Email && m.Subject.StartsWith("Behovet är godkänt"));

        // The manager reads them again on their own page; Admin's list shows whom and what, as for other work mail.
        var sida = await (await agare.InloggadAsync()).PageAsync("/mina-uppgifter/mejl");
        var amnen = sida.QuerySelectorAll(".mejl-lista summary strong").Select(s => s.TextContent).ToList();
        Assert.Contains(amnen, a => a.StartsWith("Behovet är godkänt"));
        Assert.Contains(amnen, a => a.StartsWith("Behovet har skickats tillbaka"));
        Assert.DoesNotContain(amnen, a => a.StartsWith("Ett behov väntar på din prövning"));
        Assert.Equal(Insyn.Mottagare, Utskick.InsynFor(tillHr.Topic));
    }

    private Task<CommandResult> FireAsync(int id, RekryteringsHandelse trigger, string? kommentar, ClaimsPrincipal user) =>
        Data.RekryteringsstegAsync(id, (s, v) => s.FireAsync(id, v, trigger, kommentar, user));

    private async Task<List<OutboxMessage>> MejlAsync(int id)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Topic == $"Rekrytering:{id}").OrderBy(m => m.Id).ToListAsync();
    }
}
