using System.Net;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Konto;

/// <summary>Once the municipalities sign in through their own providers, passwords are for the break-glass Admin only.</summary>
public sealed class BaraAdminLokaltPortal : PortalFactory
{
    public BaraAdminLokaltPortal() => this.MedOidc().With("Portal:Oidc:LokalaKonton", "BaraAdmin");
}

public class LokalaKontonTests(BaraAdminLokaltPortal portal) : IClassFixture<BaraAdminLokaltPortal>
{
    [Fact]
    public async Task BaraReservadministratorenLoggarInMedLosenordNarKommunensKontonAnvands()
    {
        var hr = PortalClient.For(portal);
        var svar = await hr.PostFormAsync("/konto/logga-in", new()
        {
            ["Input.Epost"] = DemoSeeder.LoginFor("kalix", "hr"), ["Input.Losenord"] = DemoSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        Assert.Contains("Inloggning med lösenord är avstängd", PortalClient.Parse(await svar.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.GetAsync("/mina-uppgifter")).StatusCode);

        // A wrong password still reads as a wrong password: the switch tells nothing to someone who does not know it.
        var gissning = await PortalClient.For(portal).PostFormAsync("/konto/logga-in", new()
        {
            ["Input.Epost"] = DemoSeeder.LoginFor("kalix", "hr"), ["Input.Losenord"] = "fel-losenord-123",
        });
        Assert.Contains("Fel e-postadress eller lösenord", await gissning.Content.ReadAsStringAsync());

        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        Assert.Contains("Bara för portalens reservadministratör", (await PortalClient.For(portal).PageAsync("/konto/logga-in")).QuerySelector("main")!.TextContent);
    }
}
