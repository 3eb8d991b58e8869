using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Rekrytering;
using ChefsRekrytering.Workflows;
using S = ChefsRekrytering.AretsChef.KampanjTillstand;
using T = ChefsRekrytering.AretsChef.KampanjHandelse;

namespace ChefsRekrytering.Tests.AretsChef;

/// <summary>The campaign's process and its criteria, without a database.</summary>
public class AretsChefWorkflowTests
{
    private static readonly PolicyLibrary Policies = PolicyLibrary.LoadFrom(Path.Combine(TestServices.RepoRoot, "content", "policies"));
    private static readonly ListJournal Journal = new(); // 23 November 2026, 11:00 in Sweden

    private static Kampanj Kampanj(S state, DateOnly oppnar, DateOnly sista) =>
        new() { KommunId = "alvsbyn", Ar = 2026, State = state, Oppnar = oppnar, SistaDag = sista };

    [Fact]
    public void KampanjensProcessArFastlagd() =>
        GraphFile.AssertMatches("arets-chef", new AretsChefWorkflow(Kampanj(S.Planerad, new(2026, 12, 1), new(2026, 12, 14)), Journal, 0).ToMermaid());

    [Fact]
    public void NomineringenOppnarInteForeSinDagOchStangerInteForeSinSistaDag()
    {
        var early = new AretsChefWorkflow(Kampanj(S.Planerad, new(2026, 11, 24), new(2026, 12, 1)), Journal, 0);
        Assert.Equal(["Nomineringen öppnar 2026-11-24"], early.Fire(T.Oppna, Actor.System).Reasons);
        var today = new AretsChefWorkflow(Kampanj(S.Planerad, new(2026, 11, 23), new(2026, 11, 23)), Journal, 0);
        Assert.True(today.Fire(T.Oppna, Actor.System).Succeeded);
        Assert.Equal(["Nomineringen är öppen till och med 2026-11-23"], today.Fire(T.Stang, Actor.System).Reasons);
    }

    [Fact]
    public void JurynBehoverNomineringarOchBeslutetEnKortlistadVinnareMedMotivering()
    {
        Assert.Equal(["Det finns inga nomineringar att bedöma"],
            new AretsChefWorkflow(Kampanj(S.NomineringStangd, new(2026, 11, 1), new(2026, 11, 14)), Journal, 0).Fire(T.StartaJuryarbete, Actor.System).Reasons);

        var k = Kampanj(S.Juryarbete, new(2026, 11, 1), new(2026, 11, 14));
        var flode = new AretsChefWorkflow(k, Journal, 3);
        Assert.Equal(["Ingen vinnare är vald", "Vinnaren ska finnas på juryns kortlista", "Juryns motivering saknas"],
            flode.Fire(flode.Besluta, new Jurybeslut(null, null, null, null, "Juryn"), Actor.System).Reasons);
        k.Kortlista.Add(new Kortlistad { KommunId = "alvsbyn", ChefPersonId = 7, TillagdAv = "Juryn" });
        Assert.True(flode.Fire(flode.Besluta, new Jurybeslut(7, "Vinnaren", null, "Tryggt arbetsklimat.", "Robert Stenberg"), new Actor("u", "Robert Stenberg")).Succeeded);
        Assert.Equal(Journal.UtcNow, k.BeslutadUtc);
        Assert.True(flode.Fire(T.Omprova, Actor.System).Succeeded);
        Assert.Null(k.BeslutadUtc);
    }

    [Fact]
    public void KriteriernaArPolicynsOrdOchVarderingarUtomDarEnKommunHarEgenMall()
    {
        var folder = Path.Combine(Path.GetTempPath(), "arets-chef-mallar", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(TestServices.RepoRoot, "content", "templates", "arets-chef", "standard.yaml"), Path.Combine(folder, "standard.yaml"));
        File.WriteAllText(Path.Combine(folder, "kalix.yaml"), "punkter:\n  - id: dialog\n    rubrik: Dialog och delaktighet\n");
        try
        {
            var kriterier = AretsChefKriterier.LoadFrom(folder, Policies);
            Assert.Equal(["Goda arbetsinsatser och resultat", "Ett positivt och tryggt arbetsklimat", "Helhet", "Tillit", "Engagemang", "Kreativitet", "Handlingskraft", "Lojalitet"],
                kriterier.For(Policies.Get("alvsbyn")).Select(k => k.Rubrik));
            Assert.Equal([true, true, false, false, false, false, false, false], kriterier.For(Policies.Get("alvsbyn")).Select(k => k.Obligatorisk));
            Assert.Equal(["resultat", "arbetsklimat"], kriterier.For(Policies.Get("vindeln")).Select(k => k.Id)); // a policy without values
            Assert.Equal(["dialog"], kriterier.For(Policies.Get("kalix")).Select(k => k.Id));
            // Vimmerby's values carry the policy's own words after the template's question.
            Assert.StartsWith("Hur visar chefen värderingen i vardagen? Vi är öppna inför nya tankar", kriterier.For(Policies.Get("vimmerby")).Single(k => k.Rubrik == "Mod").Beskrivning);

            File.WriteAllText(Path.Combine(folder, "kalix.yaml"), "punkter:\n  - rubrik: Utan id\n");
            Assert.Equal("Mallen för Årets chef 'kalix.yaml': punkter[0].id saknas.",
                Assert.Throws<InvalidOperationException>(() => AretsChefKriterier.LoadFrom(folder, Policies)).Message);
            File.Delete(Path.Combine(folder, "standard.yaml"));
            Assert.Contains("standard.yaml saknas", Assert.Throws<InvalidOperationException>(() => AretsChefKriterier.LoadFrom(folder, Policies)).Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
