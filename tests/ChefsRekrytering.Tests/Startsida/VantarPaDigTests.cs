using System.Security.Claims;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Startsida;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Rekrytering;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Startsida;

/// <summary>"Väntar på dig": what waits for each person's action shows on their start page, links to where it is done,
/// and goes when it is done; computed from the records in a fixed number of queries.</summary>
public class VantarPaDigTests(QueryCountingPortal portal) : IClassFixture<QueryCountingPortal>
{
    private Testdata Data => new(portal);

    private Task<IReadOnlyList<Uppgift>> VantarAsync(ClaimsPrincipal user) =>
        Data.KommandoAsync<StartsidaService, IReadOnlyList<Uppgift>>(s => s.VantarAsync(user));

    private static IEnumerable<Uppgift> Om(IEnumerable<Uppgift> uppgifter, string diarienummer) => uppgifter.Where(u => u.Arende.StartsWith(diarienummer));

    [Fact]
    public async Task EttBehovVantarPaAgarenSedanPaHrOchDarefterPaKravprofilen()
    {
        var (agare, hr) = (await Data.PrincipalAsync("rekryterande"), await Data.PrincipalAsync("hr"));
        var (id, dnr) = await NyRekryteringAsync(agare, "Enhetschef väntelista");

        var utkast = Assert.Single(Om(await VantarAsync(agare), dnr));
        Assert.Equal("Skicka behovet till HR för behovsprövning", utkast.Vad);
        Assert.Empty(Om(await VantarAsync(hr), dnr));

        await StegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.SkickaForBehovsprovning, null, agare));
        Assert.Empty(Om(await VantarAsync(agare), dnr));
        var provning = Assert.Single(Om(await VantarAsync(hr), dnr));
        Assert.Equal("Pröva behovet", provning.Vad);
        Assert.Equal(("/Rekrytering/Detaljer", id.ToString(), "behov-rubrik"), (provning.Plats.Sida, provning.Plats.Route["id"], provning.Plats.Avsnitt));
        Assert.Equal("sedan i dag", provning.Vantetid(provning.SedanUtc));
        Assert.Equal("sedan 3 dagar", provning.Vantetid(provning.SedanUtc.AddDays(3)));

        await StegAsync(id, (s, v) => s.RegistreraLasAsync(id, v, LasUtfall.IngenForetradesratt, null, hr));
        await StegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.GodkannBehov, null, hr));
        Assert.Empty(Om(await VantarAsync(hr), dnr));
        Assert.Equal("Fastställ kravprofilen", Assert.Single(Om(await VantarAsync(agare), dnr)).Vad);
    }

    [Fact]
    public async Task StartsidanLankarTillStalletDarDetGorsOchFragarLikaMangaGangerOavsettMangd()
    {
        var agare = await Data.PrincipalAsync("rekryterande");
        var (id, dnr) = await NyRekryteringAsync(agare, "Enhetschef på startsidan");
        await StegAsync(id, (s, v) => s.FireAsync(id, v, RekryteringsHandelse.SkickaForBehovsprovning, null, agare));

        portal.Counter.PathPrefix = "/";
        var hr = await Data.InloggadAsync("hr");
        var (fore, sida) = await RaknaAsync(hr);
        var lank = sida.QuerySelectorAll("#vantar-rubrik ~ ul a").Single(a => a.ParentElement!.TextContent.Contains(dnr));
        Assert.Equal($"/rekrytering/{id}#behov-rubrik", lank.GetAttribute("href"));
        Assert.Equal("Pröva behovet", lank.TextContent);

        // More needs waiting for HR: the start page asks the same number of questions.
        for (var i = 0; i < 4; i++)
        {
            var (fler, _) = await NyRekryteringAsync(agare, $"Fler {i}");
            await StegAsync(fler, (s, v) => s.FireAsync(fler, v, RekryteringsHandelse.SkickaForBehovsprovning, null, agare));
        }
        var (efter, sidaEfter) = await RaknaAsync(hr);
        Assert.True(sidaEfter.QuerySelectorAll("#vantar-rubrik ~ ul li").Length >= 5);
        Assert.Equal(fore, efter);
    }

    [Fact]
    public async Task KontraktetVantarPaUppdragsgivarenOchSedanPaChefen()
    {
        var data = Data;
        var (chef, uppdragsgivare) = (await data.KontoAsync("chef"), await data.KontoAsync("rekryterande"));
        await data.UppdragskontraktAsync("chef", "rekryterande");
        Assert.Contains(await VantarAsync(uppdragsgivare.Principal), u => u.Vad == "Bekräfta uppdragskontraktet som uppdragsgivare" && u.Arende.StartsWith(chef.Namn));
        Assert.DoesNotContain(await VantarAsync(chef.Principal), u => u.Process == "Uppdragskontrakt");

        var personId = chef.PersonId!.Value;
        Assert.Empty(await KontraktmejlAsync(personId));
        await data.KommandoAsync<UppdragskontraktService, CommandResult>(async s =>
            await s.BekraftaAsync(personId, await UtkastversionAsync(personId), KontraktSida.Uppdragsgivare, uppdragsgivare.Principal));
        Assert.DoesNotContain(await VantarAsync(uppdragsgivare.Principal), u => u.Process == "Uppdragskontrakt");
        var egen = Assert.Single(await VantarAsync(chef.Principal), u => u.Process == "Uppdragskontrakt");
        Assert.Equal(("Bekräfta ditt uppdragskontrakt", "/Uppdragskontrakt/Index", personId.ToString()), (egen.Vad, egen.Plats.Sida, egen.Plats.Route["personId"]));
        // ... and the manager is told by mail, with a link to the contract.
        var mejl = Assert.Single(await KontraktmejlAsync(personId));
        Assert.Equal((chef.Konto.Email, "Ett uppdragskontrakt väntar på din bekräftelse"), (mejl.ToAddress, mejl.Subject));
        Assert.Contains($"/uppdragskontrakt/{personId}", mejl.TextBody);
    }

    [Fact]
    public async Task IntroduktionensPunkterSjalvskattningenOchJurynsRosterVantarPaSinPerson()
    {
        var nyChef = await Data.KontoAsync("chef");
        await Data.IntroduktionAsync(nyChef.PersonId!.Value);
        var intro = Assert.Single(await VantarAsync(nyChef.Principal), u => u.Process == "Introduktion" && u.Arende == "Din introduktion");
        Assert.Matches(@"^\d+ punkt(er)? att bocka av$", intro.Vad);
        Assert.NotNull(intro.Forfaller);

        var ar = await Data.SjalvskattningAsync("chef");
        var skattning = Assert.Single(await VantarAsync(nyChef.Principal), u => u.Process == "Självskattning");
        Assert.Equal(("/Sjalvskattning/Ar", ar.ToString()), (skattning.Plats.Sida, skattning.Plats.Route["ar"]));

        var jury = await Data.KontoAsync("jury");
        var medarbetare = await Data.KontoAsync("medarbetare");
        await Data.KampanjAsync(2026, KampanjTillstand.Juryarbete);
        var juryarbete = Assert.Single(await VantarAsync(jury.Principal), u => u.Process == "Årets chef");
        Assert.Equal("Kortlista de nominerade", juryarbete.Vad);
        Assert.DoesNotContain(await VantarAsync(medarbetare.Principal), u => u.Process == "Årets chef");
    }

    [Fact]
    public async Task DenSomIngetVantarPaFarVetaDet()
    {
        var medarbetare = await Data.InloggadAsync("medarbetare");
        var sida = await medarbetare.PageAsync("/");
        Assert.Contains("Inget väntar på dig just nu.", sida.QuerySelector("#vantar-rubrik")!.ParentElement!.TextContent);
    }

    [Fact]
    public void EnPunktSomForfallerSagerHurNaraEllerSenDenAr()
    {
        var nu = new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);
        Uppgift Punkt(int dagar) => new("Introduktion", "1 punkt att bocka av", "Din introduktion", nu, Plats.Till("/Introduktion/Detaljer"),
            new DateOnly(2026, 12, 2).AddDays(dagar));
        Assert.Equal("försenad 2 dagar", Punkt(-2).Vantetid(nu));
        Assert.Equal("försenad 1 dag", Punkt(-1).Vantetid(nu));
        Assert.Equal("förfaller i dag", Punkt(0).Vantetid(nu));
        Assert.Equal("förfaller i morgon", Punkt(1).Vantetid(nu));
        Assert.Equal("förfaller om 5 dagar", Punkt(5).Vantetid(nu));
    }

    [Fact]
    public void JournalensProcessnamnArDeSomFragornaSokerPa()
    {
        Assert.Equal(VantarPaDig.RekryteringFlode, new RekryteringWorkflow(new Rekryteringar.Rekrytering
        {
            KommunId = "kalix", Diarienummer = "x", Titel = "x", AgareUserId = "x", AgareNamn = "x",
        }, new ListJournal(), new DateOnly(2026, 12, 2)).Name);
        Assert.Equal(VantarPaDig.KampanjFlode, new AretsChefWorkflow(new Kampanj { KommunId = "kalix" }, new ListJournal(), 0).Name);
    }

    private Task<(int Id, string Diarienummer)> NyRekryteringAsync(ClaimsPrincipal agare, string titel) => Data.BehovAsync(titel);

    private async Task StegAsync(int id, Func<RekryteringService, Guid, Task<CommandResult>> steg)
    {
        var result = await Data.RekryteringsstegAsync(id, steg);
        Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
    }

    private async Task<List<ChefsRekrytering.Notifications.OutboxMessage>> KontraktmejlAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<ChefsRekrytering.Notifications.OutboxMessage>().Where(m => m.Topic == $"Uppdragskontrakt:{personId}").ToListAsync();
    }

    private async Task<Guid> UtkastversionAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Uppdragskontrakt>().Where(k => k.ChefPersonId == personId && k.State == UppdragskontraktTillstand.Utkast)
            .Select(k => k.Version).SingleAsync();
    }

    private async Task<(int Queries, AngleSharp.Dom.IDocument Sida)> RaknaAsync(PortalClient client)
    {
        await client.PageAsync("/");
        portal.Counter.Reset();
        var sida = await client.PageAsync("/");
        return (portal.Counter.Count, sida);
    }
}
