using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Ledarakademin;

namespace ChefsRekrytering.Tests.Ledarakademin;

/// <summary>The track's rules, one step and state at a time, on a fixed date.</summary>
public class LedarakademinSparTests
{
    private static readonly DateOnly Idag = new(2026, 11, 23);

    private static ChefFakta Chef(
        RekryteringFakta? rekrytering = null, IntroduktionFakta? introduktion = null,
        IReadOnlyList<AktivitetFakta>? aktiviteter = null, KompetensvaxlingFakta? kompetensvaxling = null, bool forePortalen = false) =>
        new(1, "Karin Öberg", "Enhetschef", 10, rekrytering, introduktion, aktiviteter ?? [], kompetensvaxling, forePortalen);

    private static StegLage Lage(ChefFakta chef, Steg steg) => LedarakademinSpar.Berakna(chef, Idag)[steg];

    private static AktivitetFakta A(AktivitetTyp typ, int ar = 2026) => new(typ, new DateOnly(ar, 3, 1));

    [Fact]
    public void AnstalldGenomPortalenArKlarIRekryteringssteget()
    {
        var lage = Lage(Chef(rekrytering: new(7, "Enhetschef hemtjänst", "REK 2026/0007")), Steg.Rekrytering);
        Assert.Equal(StegStatus.Klart, lage.Status);
        Assert.Contains("REK 2026/0007", lage.Text);
    }

    [Fact]
    public void AnstalldUtanforPortalenArEjAktuelltIstalletForSaknas()
    {
        var lage = Lage(Chef(), Steg.Rekrytering);
        Assert.Equal(StegStatus.EjAktuellt, lage.Status);
        Assert.Equal("Anställd utanför portalen", lage.Text);
    }

    [Theory]
    [InlineData(IntroduktionTillstand.Genomford, StegStatus.Klart)]
    [InlineData(IntroduktionTillstand.Pagar, StegStatus.Pagar)]
    [InlineData(IntroduktionTillstand.Uppfoljning, StegStatus.Pagar)]
    [InlineData(IntroduktionTillstand.Planerad, StegStatus.Pagar)]
    [InlineData(IntroduktionTillstand.Avbruten, StegStatus.Saknas)]
    public void IntroduktionensLageGerStegetsStatus(IntroduktionTillstand state, StegStatus status) =>
        Assert.Equal(status, Lage(Chef(introduktion: new(3, state, Idag, 20, 5)), Steg.Introduktion).Status);

    [Fact]
    public void PagaendeIntroduktionVisarHurMycketSomArKlart()
    {
        var lage = Lage(Chef(introduktion: new(3, IntroduktionTillstand.Uppfoljning, Idag, 8, 6)), Steg.Introduktion);
        Assert.Equal("Uppföljning, 75 % klart", lage.Text);
    }

    [Fact]
    public void UtanIntroduktionSaknasSteget() =>
        Assert.Equal(StegStatus.Saknas, Lage(Chef(), Steg.Introduktion).Status);

    [Fact]
    public void ChefFranForePortalenUtanIntroduktionArEjAktuellIntePaSaknas()
    {
        var chef = Chef(forePortalen: true);
        Assert.Equal((StegStatus.EjAktuellt, "Anställd före portalen"), (Lage(chef, Steg.Introduktion).Status, Lage(chef, Steg.Introduktion).Text));
        Assert.Equal((StegStatus.EjAktuellt, "Anställd före portalen"), (Lage(chef, Steg.Rekrytering).Status, Lage(chef, Steg.Rekrytering).Text));
        // An introduction given afterwards still counts for what it is.
        Assert.Equal(StegStatus.Pagar, Lage(Chef(introduktion: new(3, IntroduktionTillstand.Pagar, Idag, 8, 2), forePortalen: true), Steg.Introduktion).Status);
    }

    [Fact]
    public void PlaneradIntroduktionArPaVagFramTillStartdatumetOchSedanSaknas()
    {
        var fore = Lage(Chef(introduktion: new(3, IntroduktionTillstand.Planerad, Idag.AddDays(20), 8, 0)), Steg.Introduktion);
        Assert.Equal((StegStatus.Pagar, "Planerad, startar 2026-12-13"), (fore.Status, fore.Text));
        var efter = Lage(Chef(introduktion: new(3, IntroduktionTillstand.Planerad, Idag.AddDays(-1), 8, 0)), Steg.Introduktion);
        Assert.Equal((StegStatus.Saknas, "Planerad men inte startad, startdatum 2026-11-22"), (efter.Status, efter.Text));
    }

    [Fact]
    public void GenomfordIntroduktionRaknasAvenNarEnSenareAvbrots()
    {
        var galland = IntroduktionFakta.Galland([new(1, IntroduktionTillstand.Genomford, Idag, 1, 1), new(2, IntroduktionTillstand.Avbruten, Idag, 1, 0)]);
        Assert.Equal(1, galland!.Id);
    }

    [Fact]
    public void SamtalOchEnAnnanAktivitetISammaArGerKlartSteg()
    {
        var lage = Lage(Chef(aktiviteter: [A(AktivitetTyp.Medarbetarsamtal), A(AktivitetTyp.Lonesamtal), A(AktivitetTyp.Utbildning)]),
            Steg.Kompetensutveckling);
        Assert.Equal(StegStatus.Klart, lage.Status);
        Assert.Empty(lage.Saknas);
    }

    [Fact]
    public void DelvisRegistreratArPagarOchVisarVadSomSaknas()
    {
        var lage = Lage(Chef(aktiviteter: [A(AktivitetTyp.Medarbetarsamtal), A(AktivitetTyp.Natverk)]), Steg.Kompetensutveckling);
        Assert.Equal(StegStatus.Pagar, lage.Status);
        Assert.Equal(["lönesamtal"], lage.Saknas);
    }

    [Fact]
    public void TvaSamtalUtanAnnanAktivitetArInteKlart()
    {
        var lage = Lage(Chef(aktiviteter: [A(AktivitetTyp.Medarbetarsamtal), A(AktivitetTyp.Lonesamtal)]), Steg.Kompetensutveckling);
        Assert.Equal(StegStatus.Pagar, lage.Status);
        Assert.Equal(["minst en annan utvecklingsaktivitet"], lage.Saknas);
    }

    [Fact]
    public void FjoliaretsAktiviteterRaknasInteForIAr()
    {
        var lage = Lage(Chef(aktiviteter: [A(AktivitetTyp.Medarbetarsamtal, 2025), A(AktivitetTyp.Lonesamtal, 2025), A(AktivitetTyp.Utbildning, 2025)]),
            Steg.Kompetensutveckling);
        Assert.Equal(StegStatus.Saknas, lage.Status);
        Assert.Equal(["medarbetarsamtal", "lönesamtal", "minst en annan utvecklingsaktivitet"], lage.Saknas);
        Assert.Equal("Inget registrerat 2026", lage.Text);
    }

    [Fact]
    public void UtanAvslutArKompetensvaxlingInteAktuell()
    {
        var lage = Lage(Chef(), Steg.Kompetensvaxling);
        Assert.Equal(StegStatus.EjAktuellt, lage.Status);
    }

    [Fact]
    public void PaborjadKompetensvaxlingPagarFramTillSistaDagen()
    {
        var lage = Lage(Chef(kompetensvaxling: new(1, Idag.AddDays(30), 7, 2)), Steg.Kompetensvaxling);
        Assert.Equal(StegStatus.Pagar, lage.Status);
        Assert.Equal("Sista dag 2026-12-23, 2 av 7 klara", lage.Text);
    }

    [Fact]
    public void KompetensvaxlingArKlarNarVarjePunktArKlar() =>
        Assert.Equal(StegStatus.Klart, Lage(Chef(kompetensvaxling: new(1, Idag.AddDays(-3), 7, 7)), Steg.Kompetensvaxling).Status);

    [Fact]
    public void OklarKompetensvaxlingEfterSistaDagenSaknas()
    {
        var lage = Lage(Chef(kompetensvaxling: new(1, Idag.AddDays(-1), 7, 6)), Steg.Kompetensvaxling);
        Assert.Equal(StegStatus.Saknas, lage.Status);
        Assert.Equal(["1 punkt kvar att lämna över"], lage.Saknas);
    }

    [Fact]
    public void StegenKommerIPolicynsOrdning() =>
        Assert.Equal(Enum.GetValues<Steg>(), LedarakademinSpar.Berakna(Chef(), Idag).Stegen.Select(s => s.Steg));
}
