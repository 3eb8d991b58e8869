using System.Net;
using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChefsRekrytering.Tests.Aterkoppling.AterkopplingData;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>A closed round takes no answers; months after it closed, who answered is gallrat and the answers stay; the
/// register extract names the round answered, never the answer.</summary>
public class StangdOmgangTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EnStangdOmgangTarInteEmotSvarOchDeltagandetGallrasMenInteSvaren()
    {
        (await OppnaAsync(portal)).AssertRedirect();
        var karin = await data.PersonIdAsync("chef");
        var emma = await data.InloggadAsync("medarbetare");
        (await emma.SvaraAsync(portal, karin, fritext: "Lyssnar alltid.")).AssertRedirect("/aterkoppling");

        // The register extract: that Emma answered this year's round, and nothing of what she answered.
        var emmaId = await data.PersonIdAsync("medarbetare");
        var avsnitt = await UtdragAsync(emmaId);
        var post = Assert.Single(Assert.Single(avsnitt).Poster);
        Assert.Equal($"Återkoppling {Ar}", post.Rubrik);
        Assert.DoesNotContain("Lyssnar", string.Join(" ", post.Uppgifter.Select(u => u.Varde)));
        Assert.Contains("kan inte tas fram för en person", avsnitt[0].Forklaring);

        // HR closes the round: Oskar's answer is refused and nothing is stored.
        var hr = await data.InloggadAsync("hr");
        (await hr.PostFormAsync($"/aterkoppling/oversikt?handler=Stang&ar={Ar}", new(), formPage: "/aterkoppling/oversikt")).AssertRedirect();
        var fore = await AntalAsync(portal);
        var sent = await (await data.InloggadAsync("jury")).SvaraAsync(portal, karin);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains($"Återkopplingen för {Ar} är stängd", await sent.Content.ReadAsStringAsync());
        Assert.Equal(fore, await AntalAsync(portal));

        // Not yet gallrat the day it closed ...
        await using (var scope = portal.ScopeFor("kalix", out _))
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Gallring>().GallraAterkopplingsdeltagandeAsync());
        // ... but once it has been closed longer than the setting (6 months by default).
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            (await db.Set<Aterkopplingsomgang>().SingleAsync()).StangdUtc = DateTime.UtcNow.AddMonths(-7);
            await db.SaveChangesAsync();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Gallring>().GallraAterkopplingsdeltagandeAsync());
        }
        Assert.Equal((0, 1), await AntalAsync(portal));
        Assert.Empty(await UtdragAsync(emmaId));
    }

    private async Task<IReadOnlyList<Avsnitt>> UtdragAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        var bidrag = scope.ServiceProvider.GetServices<IRegisterutdragBidrag>().OfType<AterkopplingRegisterutdrag>().Single();
        return await bidrag.AvsnittAsync(new Registerperson("medarbetare@kalix.example", [personId], []), Utdragsmottagare.Personen, default);
    }
}
