using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>
/// The campaign's commands on their own: a form built from an older version changes nothing and says why in Swedish;
/// someone outside the access rule is told the year does not exist, and nothing changes; the jury's decision travels
/// with its trigger and is refused by coded guards.
/// </summary>
public class KampanjkommandonTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EnAndringFranEnAldreVersionNekasOchAndrarIngenting()
    {
        await data.KampanjAsync(2041, S.Planerad);
        var version = (await portal.KampanjenAsync("kalix", 2041)).Version;
        var andring = new KampanjUppgifter(2041, DateOnly.FromDateTime(DateTime.Today).AddDays(2), DateOnly.FromDateTime(DateTime.Today).AddDays(20), false, Offentlig: true);
        Assert.Equal(Outcome.Done, (await RunAsync("kalix", s => s.AndraKampanjAsync(2041, version, andring, data.Roll(Roller.HR)))).Outcome);
        var efter = await portal.KampanjenAsync("kalix", 2041);

        // A second HR person's form, opened before the change.
        var stale = await RunAsync("kalix", s => s.AndraKampanjAsync(2041, version, andring with { Offentlig = false, JurynSerNominatorer = true }, data.Roll(Roller.HR)));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Equal("Någon annan ändrade Årets chef 2041 samtidigt. Sidan visar nu det senaste läget; gör ändringen igen om den fortfarande behövs.", Assert.Single(stale.Reasons));
        var nu = await portal.KampanjenAsync("kalix", 2041);
        Assert.Equal((efter.Version, true, false), (nu.Version, nu.Offentlig, nu.JurynSerNominatorer));
    }

    [Fact]
    public async Task KortlistanFranEnAldreVersionNekasSaJurynInteSkriverOverVarandra()
    {
        await data.I("alvsbyn").KampanjAsync(2042);
        var (fredrik, helena) = (await data.I("alvsbyn").IdForNamnAsync("Åström"), await data.I("alvsbyn").IdForNamnAsync("Lundström"));
        (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "medarbetare")).NomineraAsync(fredrik)).AssertRedirect();
        (await (await PortalClient.For(portal).SignInAsync("alvsbyn", "hr")).NomineraAsync(helena)).AssertRedirect();
        await data.I("alvsbyn").KampanjlageAsync(2042, S.Juryarbete);
        var sett = (await portal.KampanjenAsync("alvsbyn", 2042)).Version;

        var jury = data.I("alvsbyn").Roll(Roller.Jury);
        Assert.True((await RunAsync("alvsbyn", s => s.KortlistaAsync(2042, sett, fredrik, pa: true, jury))).Succeeded);
        var stale = await RunAsync("alvsbyn", s => s.KortlistaAsync(2042, sett, helena, pa: true, jury));
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Contains("samtidigt", Assert.Single(stale.Reasons));
        Assert.Equal([fredrik], (await portal.KampanjenAsync("alvsbyn", 2042)).Kortlista.Select(k => k.ChefPersonId));
    }

    [Fact]
    public async Task DenSomStarUtanforRegelnFarVetaAttAretInteFinnsOchIngentingAndras()
    {
        await data.I("vindeln").KampanjAsync(2043, S.Beslutad);
        var fore = await portal.KampanjenAsync("vindeln", 2043);
        var vindeln = data.I("vindeln");
        var (medarbetare, admin, jury) = (vindeln.Roll(Roller.Medarbetare), vindeln.Roll(Roller.Admin), vindeln.Roll(Roller.Jury));
        var annanKommunsHr = data.Roll(Roller.HR);

        var forsok = new (string Vad, Func<AretsChefService, Task<CommandResult>> Kommando)[]
        {
            ("medarbetaren kortlistar", s => s.KortlistaAsync(2043, fore.Version, 1, true, medarbetare)),
            ("medarbetaren beslutar", s => s.BeslutaAsync(2043, fore.Version, 1, "Motivering.", medarbetare)),
            ("medarbetaren bedömer", s => s.BedomAsync(2043, 1, 5, null, medarbetare)),
            ("medarbetaren tillkännager", s => s.FireAsync(2043, fore.Version, T.Tillkannage, medarbetare)),
            ("juryn tillkännager", s => s.FireAsync(2043, fore.Version, T.Tillkannage, jury)),
            ("administratören omprövar", s => s.FireAsync(2043, fore.Version, T.Omprova, admin)),
            ("administratören ändrar datumen", s => s.AndraKampanjAsync(2043, fore.Version, new(2043, null, null, false, true), admin)),
            ("en annan kommuns HR ändrar", s => s.AndraKampanjAsync(2043, fore.Version, new(2043, null, null, false, true), annanKommunsHr)),
            ("en annan kommuns HR tillkännager", s => s.FireAsync(2043, fore.Version, T.Tillkannage, annanKommunsHr)),
        };
        foreach (var (vad, kommando) in forsok)
            Assert.True((await RunAsync("vindeln", kommando)).Outcome == Outcome.NotFound, vad);

        // The jury may see the year, so a step that is not theirs is refused in words.
        var oppna = await RunAsync("vindeln", s => s.FireAsync(2043, fore.Version, T.Oppna, jury));
        Assert.Equal((Outcome.Refused, "Det steget tas inte här."), (oppna.Outcome, Assert.Single(oppna.Reasons)));

        var efter = await portal.KampanjenAsync("vindeln", 2043);
        Assert.Equal((fore.Version, S.Beslutad, false), (efter.Version, efter.State, efter.Offentlig));
        await using var scope = portal.ScopeFor("vindeln", out var db);
        Assert.False(await db.WorkflowTransitions.AnyAsync(t => t.Workflow == "AretsChef" && t.SubjectId == efter.Id && t.ToState != nameof(S.NomineringOppen)));
    }

    [Fact]
    public async Task BeslutetFarsMedSinUtlosareOchNekasMedKoderSomSidanKanPrava()
    {
        var k = new Kampanj { KommunId = "alvsbyn", Ar = 2044, State = S.Juryarbete, Oppnar = new(2026, 11, 1), SistaDag = new(2026, 11, 14) };
        var flode = new AretsChefWorkflow(k, new Rekrytering.ListJournal(), 2);
        var nekad = flode.Fire(flode.Besluta, new Jurybeslut(7, "Fredrik Åström", null, " ", "Juryn"), Actor.System);
        Assert.Equal([AretsChefWorkflow.VinnareInteKortlistad, AretsChefWorkflow.MotiveringSaknas], nekad.Guards.Select(g => g.Code));
        Assert.Equal((S.Juryarbete, (int?)null, (string?)null), (k.State, k.VinnarePersonId, k.Motivering)); // a refusal writes nothing

        // What the page may offer before anything is chosen: the same guards, judged on no decision at all.
        var besluta = flode.Actions().Single(a => a.Trigger == T.Besluta);
        Assert.True(besluta.BlockedOnlyBy(AretsChefWorkflow.VinnareSaknas, AretsChefWorkflow.VinnareInteKortlistad, AretsChefWorkflow.MotiveringSaknas));

        k.Kortlista.Add(new Kortlistad { KommunId = "alvsbyn", ChefPersonId = 7, TillagdAv = "Juryn" });
        Assert.True(flode.Fire(flode.Besluta, new Jurybeslut(7, "Fredrik Åström", "Hemtjänsten Vidsel", " Lyssnar. ", "Robert Stenberg"), Actor.System).Succeeded);
        Assert.Equal((S.Beslutad, (int?)7, "Fredrik Åström", "Hemtjänsten Vidsel", "Lyssnar.", "Robert Stenberg"),
            (k.State, k.VinnarePersonId, k.VinnareNamn, k.VinnareEnhet, k.Motivering, k.BeslutadAv));
    }

    [Fact]
    public void TillstandsgruppernaArDeSomSidornaMenar()
    {
        // Named sets instead of comparisons on the enum's order: adding a state means deciding where it belongs.
        Assert.Equal([S.NomineringStangd, S.Juryarbete, S.Beslutad, S.Tillkannagiven], AretsChefWorkflow.NomineringenStangd.Order());
        Assert.Equal([S.NomineringStangd, S.Juryarbete, S.Beslutad], AretsChefWorkflow.Juryfasen.Order());
        Assert.Equal([S.Beslutad, S.Tillkannagiven], AretsChefWorkflow.Beslutade.Order());
        Assert.Equal(Enum.GetValues<S>().Where(s => s != S.Tillkannagiven), AretsChefWorkflow.Andringsbara.Order());
        Assert.Equal([S.Planerad, S.NomineringOppen], AretsChefWorkflow.SistaDagenKanFlyttas.Order());
    }

    private Task<CommandResult> RunAsync(string kommunId, Func<AretsChefService, Task<CommandResult>> command) => data.I(kommunId).KommandoAsync(command);
}
