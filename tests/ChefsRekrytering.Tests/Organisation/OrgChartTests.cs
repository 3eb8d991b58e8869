using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Tests.Organisation;

public class OrgChartTests
{
    // Kommunledning (chef 1) > Socialförvaltning (chef 2) > Hemtjänst (chef 3, medarbetare 4) and Furugården (vakant, medarbetare 5)
    private static readonly OrgChart Org = new(
        [
            new Enhet { Id = 10, KommunId = "k", Namn = "Kommunledning", ChefId = 1 },
            new Enhet { Id = 20, KommunId = "k", Namn = "Socialförvaltning", OverordnadId = 10, ChefId = 2 },
            new Enhet { Id = 30, KommunId = "k", Namn = "Hemtjänst", OverordnadId = 20, ChefId = 3 },
            new Enhet { Id = 40, KommunId = "k", Namn = "Furugården", OverordnadId = 20 },
        ],
        [(1, 10), (2, 20), (3, 30), (4, 30), (5, 40)]);

    [Fact]
    public void MedarbetarensChefArEnhetensChef() => Assert.Equal(3, Org.ChefFor(4));

    [Fact]
    public void EnhetschefensNarmastHogreChefArForvaltningschefen() => Assert.Equal(2, Org.ChefFor(3));

    [Fact]
    public void VakantEnhetGerChefenOvanfor() => Assert.Equal(2, Org.ChefFor(5));

    [Fact]
    public void KommunchefenHarIngenChefIPortalen() => Assert.Null(Org.ChefFor(1));

    [Fact]
    public void ChefSomSitterIEnhetenOvanForDenHanLederFarRattChef()
    {
        // The unit chef is registered in the förvaltning's unit but leads Hemtjänst.
        var org = new OrgChart(
            [new Enhet { Id = 1, KommunId = "k", Namn = "A", ChefId = 100 }, new Enhet { Id = 2, KommunId = "k", Namn = "B", OverordnadId = 1, ChefId = 200 }],
            [(100, 1), (200, 1)]);
        Assert.Equal(100, org.ChefFor(200));
    }

    [Fact]
    public void SokvagenVisarHelaKedjan() => Assert.Equal("Kommunledning › Socialförvaltning › Hemtjänst", Org.PathOf(30));

    [Fact]
    public void DeltradetInnehallerUnderenheter() => Assert.Equal([20, 30, 40], Org.Subtree(20).Order());
}
