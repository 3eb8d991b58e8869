using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Tests.Mallar;

/// <summary>Two instances on one PostgreSQL database: two saves based on the same version cannot both win, and the other
/// instance sends the new text once its few seconds of freshness have passed.</summary>
public sealed class MejlmallInstanserTests
{
    private static async Task<string> TestmejlAsync(PortalFactory portal)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var (_, _, text) = await scope.ServiceProvider.GetRequiredService<MailComposer>()
            .RenderAsync<Testmejl, Testmejl.Innehall>(new Testmejl.Innehall("Nils", "Kalix kommun", db.UtcNow), "Test", "kalix");
        return text;
    }

    [Fact]
    public async Task SamtidigaSparningarPaTvaInstanserGerEnVinnareOchDenAndraInstansenFarNyaTextenInomNagraSekunder()
    {
        await using var first = new PortalFactory(DatabaseProvider.Postgres);
        _ = first.Server;
        await using var second = new PortalFactory(DatabaseProvider.Postgres, first.ConnectionString);
        _ = second.Server;
        var hr = new Testdata(first).Roll(Roller.HR, "Lena HR");

        Assert.Contains("Om du läser det fungerar utskicket", await TestmejlAsync(second)); // the second has now looked: version 1

        async Task<CommandResult> SparaAsync(PortalFactory portal, string text)
        {
            await using var scope = portal.ScopeFor("kalix", out _);
            return await scope.ServiceProvider.GetRequiredService<MallService>()
                .SparaAsync("testmejl", new("{{ amne }}", "Testmejl", $"<p>Hej {{{{ namn }}}}! {text}</p>", 1), hr);
        }
        var results = await Task.WhenAll(SparaAsync(first, "Första instansens text."), SparaAsync(second, "Andra instansens text."));
        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Outcome == Outcome.Conflict && r.Reasons.Contains(MallService.AndradAvNagonAnnan));

        var vinnare = results[0].Succeeded ? "Första instansens text." : "Andra instansens text.";
        Assert.Contains(vinnare, await TestmejlAsync(first));
        await Task.Delay(Mejlmallkalla.Farskhet + TimeSpan.FromSeconds(1));
        Assert.Contains(vinnare, await TestmejlAsync(second));

        await using var lista = first.ScopeFor("kalix", out _);
        var rad = (await lista.ServiceProvider.GetRequiredService<MallService>().ListaAsync(hr))!.Single(r => r.Nyckel == "testmejl");
        Assert.Equal((2, "Lena HR"), (rad.Nummer, rad.AndradAv));
    }
}
