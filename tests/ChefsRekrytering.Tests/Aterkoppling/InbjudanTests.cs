using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChefsRekrytering.Tests.Aterkoppling.AterkopplingData;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>Opening the round mails every employee who has a chef, once each, through the outbox like every mail.</summary>
public class InbjudanTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task VarjeMedarbetareMedEnChefFarEnInbjudan()
    {
        (await OppnaAsync(portal)).AssertRedirect();
        var again = await OppnaAsync(portal);
        Assert.Contains($"Det finns redan en återkoppling för {Ar}", await again.Content.ReadAsStringAsync());

        await using var scope = portal.ScopeFor("kalix", out var db);
        var org = await db.LoadOrgChartAsync();
        var medChef = await db.Personer.Where(p => p.Aktiv && p.Epost != "").Select(p => new { p.Id, p.Epost }).ToListAsync();
        var vantade = medChef.Where(p => org.ChefFor(p.Id) is not null).Select(p => p.Epost).Order().ToList();
        var mejl = await db.Set<OutboxMessage>().Where(m => m.Topic == $"Aterkoppling:{Ar}:Inbjudan").ToListAsync();

        Assert.Equal(vantade, mejl.Select(m => m.ToAddress).Order().ToList());
        Assert.DoesNotContain("kommunchef@kalix.example", mejl.Select(m => m.ToAddress)); // the top has no chef to rate
        Assert.All(mejl, m => Assert.Contains("/aterkoppling", m.TextBody));
        Assert.Equal(vantade.Count, (await db.Set<Aterkopplingsomgang>().SingleAsync()).AntalInbjudna);
        Assert.Equal(Insyn.Allt, Utskick.InsynFor(mejl[0].Topic));
    }
}
