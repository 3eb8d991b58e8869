using System.Text.Json;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Policies;

public class PolicyUtkastTests
{
    internal static readonly PolicyLibrary Library = PolicyLibrary.LoadFrom(Path.Combine(TestServices.RepoRoot, "content", "policies"));

    public static TheoryData<string> Kommuner => new(Library.All.Select(p => p.Id).Order());

    [Theory]
    [MemberData(nameof(Kommuner))]
    public void VarjePolicyfilBlirSammaPolicyEfterUtkastOchTillbaka(string kommunId)
    {
        var policy = Library.Get(kommunId);

        var tillbaka = PolicyUtkast.FranPolicy(policy).Validera(kommunId);

        AssertSammaPolicy(policy, tillbaka);
    }

    [Theory]
    [MemberData(nameof(Kommuner))]
    public void UtkastetKlararJsonOchTillbaka(string kommunId)
    {
        var policy = Library.Get(kommunId);
        var json = JsonSerializer.Serialize(PolicyUtkast.FranPolicy(policy));

        var utkast = JsonSerializer.Deserialize<PolicyUtkast>(json)!;

        AssertSammaPolicy(policy, utkast.Validera(kommunId));
    }

    [Fact]
    public void VardenMedKolonHashCitatteckenOchRadbrytningOverlever()
    {
        var utkast = PolicyUtkast.FranPolicy(Library.Get("kalix"));
        const string svart = "Kommunstyrelsen: \"Ledarplan\" # 2 – version 'två'\\n";
        utkast.Titel = svart;
        utkast.Diarienummer = "- Dnr: 12/34 #5";
        utkast.Paragraf = "§ 69: \"ja\"";
        utkast.AntagenAv = "Kommunfullmäktige: #1";
        utkast.Sammanfattning = "Första raden: med kolon.\nAndra raden # med hash och \"citat\".";
        utkast.Kompetensomraden[0].Krav[0].Text = "- Att leda: \"tydligt\" # alltid";
        utkast.Varderingar[0].Namn = "[Tillit]";
        utkast.Uppfoljning[0] = "{ årligen }: &ankare *alias";
        utkast.Avsnitt[0].Rubrik = "Inledning: \"del 1\" # a";

        var policy = utkast.Validera("kalix");

        Assert.Equal(svart, policy.Titel);
        Assert.Equal("- Dnr: 12/34 #5", policy.Diarienummer);
        Assert.Equal("§ 69: \"ja\"", policy.Paragraf);
        Assert.Equal("Kommunfullmäktige: #1", policy.AntagenAv);
        Assert.Equal("Första raden: med kolon.\nAndra raden # med hash och \"citat\".", policy.Sammanfattning);
        Assert.Equal("- Att leda: \"tydligt\" # alltid", policy.AllaKrav.First().Text);
        Assert.Equal("[Tillit]", policy.Varderingar[0].Namn);
        Assert.Equal("{ årligen }: &ankare *alias", policy.Uppfoljning[0]);
        Assert.Equal("Inledning: \"del 1\" # a", policy.Avsnitt[0].Rubrik);
    }

    [Fact]
    public void UtkastUtanKravFallerMedSvensktBesked()
    {
        var utkast = PolicyUtkast.FranPolicy(Library.Get("vindeln"));
        foreach (var a in utkast.Kompetensomraden) a.Krav.Clear();

        var ex = Assert.Throws<PolicyFormatException>(() => utkast.Validera("vindeln"));

        Assert.Contains("saknar krav", ex.Message);
        Assert.Contains("minst ett kompetensområde med minst ett krav", ex.Message);
    }

    [Fact]
    public void UtkastUtanKompetensomradeFallerOckså()
    {
        var utkast = PolicyUtkast.FranPolicy(Library.Get("vindeln"));
        utkast.Kompetensomraden.Clear();

        var ex = Assert.Throws<PolicyFormatException>(() => utkast.Validera("vindeln"));

        Assert.Contains("'kompetensomraden'", ex.Message);
    }

    [Fact]
    public void TomtKravFallerOchNamngerFaltet()
    {
        var utkast = PolicyUtkast.FranPolicy(Library.Get("vindeln"));
        utkast.Kompetensomraden[1].Krav.Add(new UtkastKrav { Text = "  " });

        var ex = Assert.Throws<PolicyFormatException>(() => utkast.Validera("vindeln"));

        Assert.Contains("kompetensomraden[1].krav[3].text", ex.Message);
        Assert.Contains("saknas eller är tomt", ex.Message);
    }

    [Theory]
    [InlineData("## Ny rubrik")]
    [InlineData("# Titel")]
    public void EnRubrikradInutiEttAvsnittsTextFallerIstalletForAttDelaAvsnittet(string rad)
    {
        var utkast = PolicyUtkast.FranPolicy(Library.Get("kalix"));
        utkast.Avsnitt[1].Markdown += "\n\n" + rad + "\n\nMer text.";

        var ex = Assert.Throws<PolicyFormatException>(() => utkast.Validera("kalix"));

        Assert.Contains("avsnitt[1]", ex.Message);
        Assert.Contains("använd ### för en underrubrik", ex.Message);
    }

    [Fact]
    public void NyttKravFarNastaLedigaIdIOmradetOchBefintligaIdnBehalls()
    {
        var policy = Library.Get("alvsbyn");
        var utkast = PolicyUtkast.FranPolicy(policy);
        var omrade = utkast.Kompetensomraden[0];
        var sista = omrade.Krav[^1].Id;
        omrade.Krav.RemoveAt(omrade.Krav.Count - 1); // a removed id is never given again
        omrade.Krav.Add(new UtkastKrav { Text = "Att vara ett nytt krav" });
        omrade.Krav.Add(new UtkastKrav { Text = "Att vara ännu ett nytt krav" });

        var ny = utkast.Validera("alvsbyn");

        var krav = ny.Kompetensomraden[0].Krav;
        Assert.Equal(policy.Kompetensomraden[0].Krav.SkipLast(1).Select(k => k.Id), krav.SkipLast(2).Select(k => k.Id));
        var nyaIds = krav.TakeLast(2).Select(k => k.Id).ToList();
        Assert.DoesNotContain(sista, nyaIds);
        Assert.All(nyaIds, id => Assert.DoesNotContain(id, policy.AllaKrav.Select(k => k.Id)));
        Assert.All(nyaIds, id => Assert.StartsWith("helhet-", id));
        Assert.Equal(nyaIds.Count, nyaIds.Distinct().Count());
        Assert.Equal(nyaIds, utkast.Kompetensomraden[0].Krav.TakeLast(2).Select(k => k.Id)); // the draft keeps them
    }

    [Fact]
    public void NyttOmradeFarIdAvNamnetOchKravenNumreras()
    {
        var utkast = PolicyUtkast.FranPolicy(Library.Get("kalix"));
        utkast.Kompetensomraden.Add(new UtkastKompetensomrade
        {
            Namn = "Digital kompetens",
            Krav = [new() { Text = "Att leda digitalt" }, new() { Text = "Att förstå data" }],
        });
        utkast.Kompetensomraden.Add(new UtkastKompetensomrade { Namn = "Digital kompetens", Krav = [new() { Text = "Att vara dubbel" }] });

        var policy = utkast.Validera("kalix");

        var digital = policy.Kompetensomraden[^2];
        Assert.Equal("digital-kompetens", digital.Id);
        Assert.Equal(["digital-kompetens-1", "digital-kompetens-2"], digital.Krav.Select(k => k.Id));
        var dubbel = policy.Kompetensomraden[^1];
        Assert.NotEqual("digital-kompetens", dubbel.Id);
        Assert.DoesNotContain(dubbel.Krav[0].Id, digital.Krav.Select(k => k.Id));
    }

    internal static void AssertSammaPolicy(LeadershipPolicy vantad, LeadershipPolicy faktisk)
    {
        Assert.Equal(vantad.Id, faktisk.Id);
        Assert.Equal(vantad.Kommun, faktisk.Kommun);
        Assert.Equal(vantad.Titel, faktisk.Titel);
        Assert.Equal(vantad.Dokumenttyp, faktisk.Dokumenttyp);
        Assert.Equal(vantad.AntagenAv, faktisk.AntagenAv);
        Assert.Equal(vantad.AntagenDatum, faktisk.AntagenDatum);
        Assert.Equal(vantad.Paragraf, faktisk.Paragraf);
        Assert.Equal(vantad.Diarienummer, faktisk.Diarienummer);
        Assert.Equal(vantad.Kalla, faktisk.Kalla);
        Assert.Equal(vantad.Sammanfattning, faktisk.Sammanfattning);
        Assert.Equal(vantad.Varderingar, faktisk.Varderingar);
        Assert.Equal(vantad.Kompetensomraden.Select(a => (a.Id, a.Namn, a.Beskrivning)), faktisk.Kompetensomraden.Select(a => (a.Id, a.Namn, a.Beskrivning)));
        Assert.Equal(vantad.AllaKrav, faktisk.AllaKrav);
        Assert.Equal(vantad.ForvantningarPaArbetsgivaren, faktisk.ForvantningarPaArbetsgivaren);
        Assert.Equal(vantad.Uppfoljning, faktisk.Uppfoljning);
        Assert.Equal(vantad.Avsnitt, faktisk.Avsnitt);
    }
}
