using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>The two leadership processes as pure machines: their guards, and their graphs pinned in docs/processer.</summary>
public class LedarskapWorkflowTests
{
    private sealed class Journal : IWorkflowJournal
    {
        public List<WorkflowTransition> Transitions { get; } = [];
        public void Record(WorkflowTransition transition) => Transitions.Add(transition);
        public DateTime UtcNow => new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    }

    private static readonly DateOnly Idag = new(2026, 11, 23);

    private static Sjalvskattning Skattning() => new()
    {
        KommunId = "kalix", ChefPersonId = 1, Ar = 2026,
        Rader = [new() { KommunId = "kalix", KravId = "a", OmradeId = "o", Omrade = "O", Text = "A" }, new() { KommunId = "kalix", KravId = "b", OmradeId = "o", Omrade = "O", Text = "B" }],
    };

    [Fact]
    public void KontraktGallerForstNarBadaSidorHarBekraftat()
    {
        var k = new Uppdragskontrakt { KommunId = "kalix", UppdragsgivareNamn = "Anders Nilsson", ChefBekraftadUtc = DateTime.UtcNow };
        var flow = new UppdragskontraktWorkflow(k, new Journal(), Idag);
        Assert.Equal(["Uppdragsgivaren har inte bekräftat den här versionen"], flow.Fire(UppdragskontraktHandelse.Bekrafta, Actor.System).Reasons);
        k.UppdragsgivareBekraftadUtc = DateTime.UtcNow;
        Assert.True(flow.Fire(UppdragskontraktHandelse.Bekrafta, Actor.System).Succeeded);
        Assert.Equal((UppdragskontraktTillstand.Bekraftat, Idag, Idag.AddYears(1)), (k.State, k.GiltigFran!.Value, k.OmprovasSenast!.Value));
    }

    [Fact]
    public void SjalvskattningLamnasInBaraAvChefenOchHelt()
    {
        var s = Skattning();
        Assert.Equal([SjalvskattningWorkflow.BaraChefen, "Alla krav är inte skattade"],
            new SjalvskattningWorkflow(s, new Journal(), new ChefParter(false, true)).Fire(SjalvskattningHandelse.LamnaIn, Actor.System).Reasons);
        var chef = new SjalvskattningWorkflow(s, new Journal(), new ChefParter(true, false));
        s.Rader[0].Betyg = Betyg.Val;
        Assert.False(chef.Fire(SjalvskattningHandelse.LamnaIn, Actor.System).Succeeded);
        s.Rader[1].Betyg = Betyg.Delvis;
        Assert.True(chef.Fire(SjalvskattningHandelse.LamnaIn, Actor.System).Succeeded);
        Assert.Equal([SjalvskattningWorkflow.BaraArbetsgivaren], chef.Diskutera(new Actor("u1", "Karin Öberg"), "Bra").Reasons);
    }

    [Fact]
    public void SamtaletSparasMedVemSomRegistreradeDet()
    {
        var s = Skattning();
        s.State = SjalvskattningTillstand.Inlamnad;
        var flow = new SjalvskattningWorkflow(s, new Journal(), new ChefParter(false, true));
        Assert.True(flow.Diskutera(new Actor("u2", "Anders Nilsson"), " Stark i dialogen. ").Succeeded);
        Assert.Equal(("Stark i dialogen.", "Anders Nilsson", SjalvskattningTillstand.Diskuterad), (s.SamtalKommentar, s.DiskuteradAv, s.State));
    }

    [Fact]
    public void GrafernaArFastlagdaIDokumentationen()
    {
        GraphFile.AssertMatches("uppdragskontrakt", new UppdragskontraktWorkflow(new Uppdragskontrakt { KommunId = "kalix", UppdragsgivareNamn = "" }, new Journal(), Idag).ToMermaid());
        GraphFile.AssertMatches("sjalvskattning", new SjalvskattningWorkflow(Skattning(), new Journal(), new ChefParter(true, false)).ToMermaid());
    }
}
