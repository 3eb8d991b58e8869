using System.Net;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>
/// Nominators are never shown to the nominee, and to the jury only when the year says so: checked on every page the
/// nominee, the jury and HR can open, as served, and in the mails.
/// </summary>
public class AnonymitetTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    /// <summary>Every Årets chef page of a year, and the start pages that mention it.</summary>
    private static string[] Sidor(int ar) => ["/", "/arets-chef", "/arets-chef/kampanjer", $"/arets-chef/{ar}", $"/arets-chef/{ar}/jury", $"/arets-chef/{ar}/statistik"];

    [Fact]
    public async Task VarkenDenNomineradeJurynEllerHrSerVemSomNomineradeNarAretInteVisarDet()
    {
        await data.KampanjAsync(2031);
        var karin = await data.PersonIdAsync("chef");
        var emma = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        (await emma.NomineraAsync(karin, "Hon ser oss alla.")).AssertRedirect();

        foreach (var state in new[] { KampanjTillstand.NomineringOppen, KampanjTillstand.Juryarbete, KampanjTillstand.Tillkannagiven })
        {
            await data.KampanjlageAsync(2031, state);
            if (state == KampanjTillstand.Tillkannagiven) await DecideAsync("kalix", 2031, karin);
            foreach (var login in new[] { "chef", "jury", "hr", "admin" })
            {
                var reader = await PortalClient.For(portal).SignInAsync("kalix", login);
                foreach (var page in Sidor(2031))
                {
                    var html = await (await reader.GetAsync(page)).Content.ReadAsStringAsync();
                    Assert.DoesNotContain("Emma", html);
                    Assert.DoesNotContain("Johansson", html);
                }
            }
        }
        // The jury reads the motivation, without a name.
        var jury = await (await PortalClient.For(portal).SignInAsync("kalix", "jury")).PageAsync("/arets-chef/2031/jury");
        Assert.Contains("Hon ser oss alla.", jury.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Nominerad av", jury.QuerySelector("main")!.TextContent);

        // No mail names Emma to anyone but Emma, nor Karin to Emma.
        await using var scope = portal.ScopeFor("kalix", out var db);
        var mails = await db.Set<OutboxMessage>().Where(m => m.Topic.StartsWith("AretsChef:2031")).ToListAsync();
        Assert.All(mails.Where(m => m.ToAddress != "medarbetare@kalix.example"), m => Assert.DoesNotContain("Emma", m.HtmlBody + m.TextBody));
        Assert.All(mails.Where(m => m.ToAddress == "medarbetare@kalix.example"), m => Assert.DoesNotContain("Karin", m.HtmlBody + m.TextBody));
    }

    [Fact]
    public async Task NarJurynSerNominatorerSerEnNomineradJuryledamotAndaInteSina()
    {
        await data.I("alvsbyn").KampanjAsync(2032, jurynSerNominatorer: true);
        var (fredrik, helena) = (await data.I("alvsbyn").IdForNamnAsync("Åström"), await data.I("alvsbyn").IdForNamnAsync("Lundström"));
        // Fredrik Åström leads Hemtjänsten Vidsel and sits in the jury this year.
        await using (var scope = portal.ScopeFor("alvsbyn", out _))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync("chef@alvsbyn.example"))!, Roller.Jury)).Succeeded);
        }
        (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "medarbetare")).NomineraAsync(fredrik, "Fredrik lyssnar.")).AssertRedirect();
        (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "jury")).NomineraAsync(helena, "Helena håller ihop helheten.")).AssertRedirect();
        await data.I("alvsbyn").KampanjlageAsync(2032, KampanjTillstand.NomineringStangd);

        var hrSida = (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "hr")).PageAsync("/arets-chef/2032/jury")).QuerySelector("main")!.TextContent;
        Assert.Contains("Nominerad av Ida Lindgren", hrSida);
        Assert.Contains("Nominerad av Robert Stenberg", hrSida);

        var asFredrik = (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "chef")).PageAsync("/arets-chef/2032/jury")).QuerySelector("main")!.TextContent;
        Assert.Contains("Fredrik lyssnar.", asFredrik);
        Assert.DoesNotContain("Ida Lindgren", asFredrik);
        Assert.Contains("Nominerad av Robert Stenberg", asFredrik);
    }

    [Fact]
    public async Task DenNomineradeSerIngenNomineringOmSigSjalv()
    {
        await data.I("vimmerby").KampanjAsync(2033);
        var chef = await data.I("vimmerby").PersonIdAsync("kommunchef");
        (await (await PortalClient.For(portal).SignInAsync("vimmerby", "medarbetare")).NomineraAsync(chef, "Modig och ansvarsfull.")).AssertRedirect();
        var self = await PortalClient.For(portal).SignInAsync("vimmerby", "kommunchef");
        Assert.DoesNotContain("Modig och ansvarsfull.", await (await self.GetAsync("/arets-chef")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await self.GetAsync("/arets-chef/2033/jury")).StatusCode);
    }

    private async Task DecideAsync(string kommunId, int ar, int vinnare)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var k = await db.Set<Kampanj>().SingleAsync(x => x.Ar == ar);
        (k.VinnarePersonId, k.VinnareNamn, k.Motivering, k.TillkannagivenUtc) = (vinnare, "Karin Öberg", "Juryns motivering.", db.UtcNow);
        await db.SaveChangesAsync();
    }
}
