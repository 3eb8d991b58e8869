using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using static ChefsRekrytering.Tests.Aterkoppling.AterkopplingData;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>The threshold can be raised or lowered to three, never below: a portal set to two does not start, and says why.</summary>
public class TroskelTests
{
    [Fact]
    public async Task EnTroskelUnderTreStopparStartenMedEnTydligOrsak()
    {
        await using var portal = new PortalFactory().With("Aterkoppling:MinstaAntalSvar", "2");
        var fel = Record.Exception(() => portal.CreateClient());
        Assert.NotNull(fel);
        Assert.Contains("Aterkoppling:MinstaAntalSvar ska vara minst 3", fel.ToString());
    }

    [Fact]
    public async Task MedTroskelnTreVisasResultatetVidTreSvar()
    {
        await using var portal = new PortalFactory().With("Aterkoppling:MinstaAntalSvar", "3");
        var data = new Testdata(portal);
        var logins = await MedarbetareAsync(portal, 3);
        (await OppnaAsync(portal)).AssertRedirect();
        var karin = await data.PersonIdAsync("chef");
        var chef = await data.InloggadAsync("chef");
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"För få svar ({i} av minst 3)", await chef.TextAsync("/aterkoppling/resultat"));
            (await (await PortalClient.For(portal).SignInAsync("kalix", logins[i])).SvaraAsync(portal, karin)).AssertRedirect("/aterkoppling");
        }
        Assert.Contains("3 medarbetare har svarat", await chef.TextAsync("/aterkoppling/resultat"));
    }
}
