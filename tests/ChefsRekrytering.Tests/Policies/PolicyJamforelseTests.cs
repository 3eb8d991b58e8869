using ChefsRekrytering.Policies;

namespace ChefsRekrytering.Tests.Policies;

public class PolicyJamforelseTests
{
    private static readonly LeadershipPolicy Alvsbyn = PolicyUtkastTests.Library.Get("alvsbyn");

    private static LeadershipPolicy NyVersion(Action<PolicyUtkast> andra)
    {
        var utkast = PolicyUtkast.FranPolicy(Alvsbyn);
        andra(utkast);
        return utkast.Validera("alvsbyn");
    }

    [Theory]
    [MemberData(nameof(PolicyUtkastTests.Kommuner), MemberType = typeof(PolicyUtkastTests))]
    public void EnOforandradPolicyHarIngaAndringar(string kommunId)
    {
        var policy = PolicyUtkastTests.Library.Get(kommunId);

        var j = PolicyJamforelse.Jamfor(policy, PolicyUtkast.FranPolicy(policy).Validera(kommunId));

        Assert.True(j.IngaAndringar);
        Assert.Equal(policy.AllaKrav.Count(), j.KravOforandrade);
        Assert.Empty(j.AndradeEllerBorttagnaKravIds);
    }

    [Fact]
    public void TillagtAndratOchBorttagetKravSkiljsAt()
    {
        var efter = NyVersion(u =>
        {
            var omrade = u.Kompetensomraden[0];
            omrade.Krav[1].Text = "Bidra till tydliga uppdrag, bra samarbete och god ekonomi.";
            omrade.Krav.RemoveAt(2);
            omrade.Krav.Add(new UtkastKrav { Text = "Leda hållbart i en digital vardag." });
            u.Kompetensomraden[1].Krav[0].Text = "  " + u.Kompetensomraden[1].Krav[0].Text.Replace(" ", "  ") + " "; // whitespace only
        });

        var j = PolicyJamforelse.Jamfor(Alvsbyn, efter);

        var tillagt = Assert.Single(j.KravTillagda);
        Assert.Equal("Leda hållbart i en digital vardag.", tillagt.Text);
        Assert.DoesNotContain(tillagt.Id, Alvsbyn.AllaKrav.Select(k => k.Id));
        var andrat = Assert.Single(j.KravAndrade);
        Assert.Equal("helhet-2", andrat.Id);
        Assert.Equal("Bidra till tydliga uppdrag och bra samarbete.", andrat.Fore.Text);
        Assert.Equal("Bidra till tydliga uppdrag, bra samarbete och god ekonomi.", andrat.Efter.Text);
        Assert.True(andrat.TextAndrad);
        Assert.Equal("helhet-3", Assert.Single(j.KravBorttagna).Id);
        Assert.Equal(Alvsbyn.AllaKrav.Count() - 2, j.KravOforandrade);
        Assert.Equal(new HashSet<string> { "helhet-2", "helhet-3" }, j.AndradeEllerBorttagnaKravIds);
        Assert.False(j.IngaAndringar);
    }

    [Fact]
    public void EttKravSomFlyttasTillEttAnnatOmradeArAndrat()
    {
        var efter = NyVersion(u =>
        {
            var krav = u.Kompetensomraden[0].Krav[0];
            u.Kompetensomraden[0].Krav.RemoveAt(0);
            u.Kompetensomraden[1].Krav.Add(krav);
        });

        var andrat = Assert.Single(PolicyJamforelse.Jamfor(Alvsbyn, efter).KravAndrade);

        Assert.Equal("helhet-1", andrat.Id);
        Assert.True(andrat.OmradeAndrat);
        Assert.False(andrat.TextAndrad);
    }

    [Fact]
    public void EttAndratAvsnittVisarVilkaStyckenSomAndrats()
    {
        var efter = NyVersion(u =>
        {
            var avsnitt = u.Avsnitt.Single(s => s.Rubrik == "Årets chef");
            avsnitt.Markdown += "\n\nFrån 2025 delas utmärkelsen ut vid kommunens chefsdag.";
            u.Avsnitt.Single(s => s.Rubrik == "Rekrytering av chefer").Rubrik = "Rekrytering av nya chefer";
            u.Avsnitt.RemoveAll(s => s.Rubrik == "Relaterade styrdokument");
            u.Avsnitt.Add(new UtkastAvsnitt { Rubrik = "Digitalt ledarskap", Markdown = "Chefen leder även på distans." });
        });

        var j = PolicyJamforelse.Jamfor(Alvsbyn, efter);

        Assert.Empty(j.KravTillagda.Concat(j.KravBorttagna));
        Assert.Empty(j.KravAndrade);
        Assert.Equal(["Rekrytering av nya chefer", "Årets chef"], j.AvsnittAndrade.Select(a => a.Efter.Rubrik));
        var aretsChef = j.AvsnittAndrade.Single(a => a.Efter.Rubrik == "Årets chef");
        Assert.False(aretsChef.RubrikAndrad);
        Assert.All(aretsChef.ForeStycken, s => Assert.False(s.Andrat));
        Assert.Equal("Från 2025 delas utmärkelsen ut vid kommunens chefsdag.", Assert.Single(aretsChef.EfterStycken, s => s.Andrat).Text);
        Assert.True(j.AvsnittAndrade.Single(a => a.Efter.Rubrik == "Rekrytering av nya chefer").RubrikAndrad);
        Assert.Equal("Relaterade styrdokument", Assert.Single(j.AvsnittBorttagna).Rubrik);
        Assert.Equal("Digitalt ledarskap", Assert.Single(j.AvsnittTillagda).Rubrik);
    }

    [Fact]
    public void BeslutSammanfattningOchListorJamfors()
    {
        var efter = NyVersion(u =>
        {
            u.AntagenDatum = new DateOnly(2026, 11, 23);
            u.Paragraf = "§112";
            u.Diarienummer = "Dnr 2026/88";
            u.Varderingar.Add(new UtkastVardering { Namn = "Mod" });
            u.ForvantningarPaArbetsgivaren.RemoveAt(0);
            u.Uppfoljning.Add("Policyn följs upp varje mandatperiod.");
            u.Kompetensomraden[0].Namn = "Ledarskap med vision";
        });

        var j = PolicyJamforelse.Jamfor(Alvsbyn, efter);

        Assert.Equal(["Antagen", "Paragraf", "Diarienummer"], j.Uppgifter.Select(u => u.Falt));
        Assert.Equal(new FaltAndring("Paragraf", "§69", "§112"), j.Uppgifter[1]);
        Assert.Equal(["Mod"], j.Listor.Single(l => l.Lista == "Värderingar").Tillagda);
        Assert.Equal([Alvsbyn.ForvantningarPaArbetsgivaren[0]], j.Listor.Single(l => l.Lista == "Förväntningar på arbetsgivaren").Borttagna);
        Assert.Equal(["Policyn följs upp varje mandatperiod."], j.Listor.Single(l => l.Lista == "Uppföljning").Tillagda);
        Assert.Equal(new FaltAndring("Kompetensområdets namn", "Ledarskap med vision och helhet i vardagen", "Ledarskap med vision"), Assert.Single(j.Omraden));
        Assert.Empty(j.AndradeEllerBorttagnaKravIds); // a renamed area does not change what its requirements say
    }
}
