using System.Net;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Scim;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Konto;

/// <summary>The sign-in and SCIM give roles by the one mapping: the groups of both count, so neither undoes the other.</summary>
public partial class OidcInloggningTests
{
    [Fact]
    public async Task EnRollFranEnScimGruppBehallsNarDenAnstalldaLoggarInUtanGruppenIToken()
    {
        // Emma's token has only "alla-anstallda"; Entra provisions her into the HR group ("hr-gruppen", mapped to HR).
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var emma = (await ScimKlient.JsonAsync(await scim.PostAsync("/scim/v2/Users", EntraBodies.SkapaAnvandare("emma@kalix.onmicrosoft.com",
            DemoSeeder.LoginFor("kalix", "medarbetare"), "Emma", "Johansson", "K-1003")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        var grupp = (await ScimKlient.JsonAsync(await scim.PostAsync("/scim/v2/Groups", EntraBodies.SkapaGrupp("HR", "hr-gruppen")),
            HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/scim/v2/Groups/{grupp}", EntraBodies.Medlemmar("Add", emma))).StatusCode);
        var personId = int.Parse(emma);
        string userId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            userId = await db.Users.Where(u => u.PersonId == personId).Select(u => u.Id).SingleAsync();
        Assert.Contains(Roller.HR, await RollerAsync(userId));

        Assert.Equal("/", (await LoggaInAsync(PortalClient.For(portal), "kalix", "emma")).Headers.Location!.OriginalString);
        Assert.Contains(Roller.HR, await RollerAsync(userId));

        // Out of the group: gone at once, and the next sign-in does not bring it back.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"/scim/v2/Groups/{grupp}", EntraBodies.Medlemmar("Remove", emma))).StatusCode);
        Assert.DoesNotContain(Roller.HR, await RollerAsync(userId));
        Assert.Equal("/", (await LoggaInAsync(PortalClient.For(portal), "kalix", "emma")).Headers.Location!.OriginalString);
        Assert.DoesNotContain(Roller.HR, await RollerAsync(userId));
    }
}
