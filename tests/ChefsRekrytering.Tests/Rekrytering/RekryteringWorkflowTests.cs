using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Tests.Rekrytering;

public class RekryteringWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Hr = new("hr", "Lena Forsberg");

    [Fact]
    public void KanInteSkickaForBehovsprovningUtanBeskrivetBehov()
    {
        var (r, flow, _) = New();
        var reasons = flow.Actions().Single(a => a.Trigger == RekryteringsHandelse.SkickaForBehovsprovning).Reasons;
        Assert.Equal(["Beskriv behovet (minst 20 tecken)"], reasons);
        r.Behovsbeskrivning = "Enhetschefen går i pension i mars och tjänsten behöver tillsättas.";
        Assert.True(flow.Fire(RekryteringsHandelse.SkickaForBehovsprovning, Hr).Succeeded);
    }

    [Fact]
    public void KanInteGodkannaBehovInnanForetradesrattenArKontrollerad()
    {
        var (r, flow, _) = New(RekryteringsTillstand.Behovsprovning);
        Assert.Equal(["Företrädesrätt enligt LAS 25 § är inte kontrollerad"], flow.Fire(RekryteringsHandelse.GodkannBehov, Hr).Reasons);
        CheckLas(r);
        Assert.True(flow.Fire(RekryteringsHandelse.GodkannBehov, Hr).Succeeded);
        Assert.Equal(RekryteringsTillstand.Kravprofil, r.State);
    }

    [Fact]
    public void KanInteAnnonseraUtanFaststalldKravprofil()
    {
        var (r, flow, _) = New(RekryteringsTillstand.Kravprofil);
        CheckLas(r);
        r.Annonstext = new string('x', 120);
        r.SistaAnsokningsdag = Today.AddDays(14);
        r.Kravprofiler.Add(new Kravprofil { KommunId = "kalix", Version = 1 });
        Assert.Equal(["Kravprofilen är inte fastställd"], flow.Fire(RekryteringsHandelse.PubliceraAnnons, Hr).Reasons);
        r.Kravprofiler[0].Faststalld = true;
        Assert.True(flow.Fire(RekryteringsHandelse.PubliceraAnnons, Hr).Succeeded);
    }

    [Fact]
    public void EttNyttUtkastTillKravprofilenStopparAnnonseringen()
    {
        var (r, flow, _) = New(RekryteringsTillstand.Kravprofil);
        CheckLas(r);
        r.Annonstext = new string('x', 120);
        r.SistaAnsokningsdag = Today.AddDays(14);
        r.Kravprofiler.Add(new Kravprofil { KommunId = "kalix", Version = 1, Faststalld = true });
        r.Kravprofiler.Add(new Kravprofil { KommunId = "kalix", Version = 2 });
        Assert.Contains("Kravprofilen är inte fastställd", flow.Fire(RekryteringsHandelse.PubliceraAnnons, Hr).Reasons);
    }

    [Fact]
    public void AnnonsKraverTextOchFramtidaSistaAnsokningsdagOchLas()
    {
        var (r, flow, _) = New(RekryteringsTillstand.Kravprofil);
        r.Kravprofiler.Add(new Kravprofil { KommunId = "kalix", Version = 1, Faststalld = true });
        r.SistaAnsokningsdag = Today.AddDays(-1);
        Assert.Equal(
            ["Företrädesrätt enligt LAS 25 § är inte kontrollerad", "Annonstexten saknas eller är kortare än 100 tecken", "Sista ansökningsdag saknas eller har redan passerat"],
            flow.Fire(RekryteringsHandelse.PubliceraAnnons, Hr).Reasons);
    }

    [Fact]
    public void AnsokningstidenStangsForstEfterSistaAnsokningsdag()
    {
        var (r, flow, _) = New(RekryteringsTillstand.Annonserad);
        r.SistaAnsokningsdag = Today;
        Assert.Equal(["Ansökningstiden har inte gått ut"], flow.Fire(RekryteringsHandelse.StangAnsokan, Hr).Reasons);
        r.SistaAnsokningsdag = Today.AddDays(-1);
        Assert.True(flow.Fire(RekryteringsHandelse.StangAnsokan, Hr).Succeeded);
    }

    [Fact]
    public void KanInteFattaBeslutInnanMblArRegistrerat()
    {
        var (r, flow, _) = New(RekryteringsTillstand.FackligSamverkan);
        Assert.Equal(["Facklig samverkan enligt MBL 11 § är inte registrerad (datum, parter och utfall)"], flow.Fire(RekryteringsHandelse.GaTillBeslut, Hr).Reasons);
        r.MblDatum = Today;
        r.MblParter = "Vision, Kommunal";
        r.MblUtfall = "Parterna är överens";
        Assert.True(flow.Fire(RekryteringsHandelse.GaTillBeslut, Hr).Succeeded);
    }

    [Fact]
    public void KanInteTillsattasForeAcceptOchInnanAllaFattBesked()
    {
        var (r, flow, _) = New(RekryteringsTillstand.Erbjudande);
        var chosen = Candidate(r, 1, KandidatTillstand.Erbjuden);
        var other = Candidate(r, 2, KandidatTillstand.Intervjuad);
        Assert.Equal(["Ingen kandidat har tackat ja till erbjudandet", "Alla sökande har inte fått besked om utfallet"],
            flow.Fire(RekryteringsHandelse.Tillsatt, Hr).Reasons);
        chosen.State = KandidatTillstand.Anstalld;
        Assert.Equal(["Alla sökande har inte fått besked om utfallet"], flow.Fire(RekryteringsHandelse.Tillsatt, Hr).Reasons);
        other.State = KandidatTillstand.EjAktuell;
        other.UtfallMeddelatUtc = DateTime.UtcNow;
        Assert.True(flow.Fire(RekryteringsHandelse.Tillsatt, Hr).Succeeded);
        Assert.NotNull(r.TillsattUtc);
    }

    [Fact]
    public void AvbrottKraverSkalOchSparasMedSkalet()
    {
        var (r, flow, journal) = New(RekryteringsTillstand.Annonserad);
        Assert.False(flow.Fire(RekryteringsHandelse.Avbryt, Hr).Succeeded);
        Assert.True(flow.Fire(RekryteringsHandelse.Avbryt, Hr, "Verksamheten läggs ned").Succeeded);
        Assert.Equal("Verksamheten läggs ned", r.AvbrottsSkal);
        Assert.Equal(("Annonserad", "Avbruten", "Verksamheten läggs ned"), (journal.Single().FromState, journal.Single().ToState, journal.Single().Comment));
        Assert.DoesNotContain(flow.Actions(), a => a.Permitted);
    }

    [Fact]
    public void EndastTillatnaHandelserVisasMedSkal()
    {
        var (_, flow, _) = New(RekryteringsTillstand.Urval);
        var actions = flow.Actions();
        Assert.Equal([RekryteringsHandelse.StartaIntervjuer, RekryteringsHandelse.Avbryt], actions.Select(a => a.Trigger));
        Assert.False(actions[0].Permitted);
        Assert.Equal("Ingen sökande är granskad och kvar i urvalet", actions[0].Reasons.Single());
        Assert.True(actions[1].Permitted);
    }

    [Fact]
    public void GrafenArFastlagdIDokumentationen() => GraphFile.AssertMatches("rekrytering", New().Flow.ToMermaid());

    [Fact]
    public void VarjeVaktHarEnKodAttProvaIStalletForTexten()
    {
        var sedda = new Dictionary<string, string>();
        foreach (var state in Enum.GetValues<RekryteringsTillstand>())
            foreach (var farFram in new[] { false, true })
            {
                // Once empty, once with a blank title, a last day too far off and an applicant not yet told: every guard is unmet somewhere.
                var (r, flow, _) = New(state);
                if (farFram)
                {
                    (r.Titel, r.SistaAnsokningsdag) = ("", Today.AddYears(2));
                    Candidate(r, 1, KandidatTillstand.Granskad);
                }
                foreach (var guard in flow.Actions().SelectMany(a => a.Guards)) sedda[guard.Text] = guard.Code;
            }
        foreach (var rState in Enum.GetValues<RekryteringsTillstand>())
            foreach (var kState in Enum.GetValues<KandidatTillstand>())
            {
                var (r, _, _) = New(rState);
                var k = Candidate(r, 1, kState);
                r.ValdKandidatId = k.Id;
                foreach (var guard in new KandidatWorkflow(k, r, new ListJournal()).Actions().SelectMany(a => a.Guards)) sedda[guard.Text] = guard.Code;
            }

        Assert.Empty(sedda.Where(g => g.Key == g.Value || g.Value.Any(char.IsWhiteSpace)).Select(g => g.Key));
        Assert.True(sedda.Count >= 24, $"bara {sedda.Count} vakter prövade");
        Assert.Equal(RekryteringWorkflow.BeskedSaknasAvbryt, sedda["Alla sökande har inte fått besked om att rekryteringen avbryts"]);
        Assert.Equal(RekryteringWorkflow.BeskedSaknasTillsatt, sedda["Alla sökande har inte fått besked om utfallet"]);
    }

    [Fact]
    public void VarjeLageArAntingenOppetEllerAvslutande()
    {
        // A new state must be placed deliberately: the named sets, not the order of declaration, decide what it allows.
        Assert.True(Rekryteringar.Rekrytering.Oppna.SetEquals(Enum.GetValues<RekryteringsTillstand>().Except([RekryteringsTillstand.Tillsatt, RekryteringsTillstand.Avbruten])));
        Assert.True(Kandidat.Oppna.SetEquals(Enum.GetValues<KandidatTillstand>()
            .Except([KandidatTillstand.Anstalld, KandidatTillstand.EjAktuell, KandidatTillstand.Atertagen, KandidatTillstand.TackatNej])));
        foreach (var delmangd in new[] { Rekryteringar.Rekrytering.BehovetProvas, Rekryteringar.Rekrytering.ForeAnnonseringen, Rekryteringar.Rekrytering.AnnonsenSkrivs,
                     Rekryteringar.Rekrytering.EfterAnsokningstiden, Rekryteringar.Rekrytering.ForeErbjudandet })
            Assert.True(delmangd.IsSubsetOf(Rekryteringar.Rekrytering.Oppna));
        Assert.True(Kandidat.IntervjuadOchKvar.IsSubsetOf(Kandidat.GranskadOchKvar) && Kandidat.GranskadOchKvar.IsSubsetOf(Kandidat.Oppna));
    }

    [Fact]
    public void ErbjudandetBarSittStartdatumOchSinaVillkorOchSparasForstNarDetLamnas()
    {
        var (r, _, _) = New(RekryteringsTillstand.Erbjudande);
        var vald = Candidate(r, 1, KandidatTillstand.Foreslagen);
        var annan = Candidate(r, 2, KandidatTillstand.Foreslagen);
        r.ValdKandidatId = vald.Id;
        var erbjudande = new Anstallningserbjudande(Today.AddMonths(2), "Lön enligt avtal.");

        var nekad = new KandidatWorkflow(annan, r, new ListJournal()).Erbjud(erbjudande, Hr);
        var lamnad = new KandidatWorkflow(vald, r, new ListJournal()).Erbjud(erbjudande, Hr);

        Assert.Equal(["erbjudande-till-vald-kandidat"], nekad.Guards.Select(g => g.Code));
        Assert.Equal((KandidatTillstand.Foreslagen, (DateOnly?)null, (DateTime?)null), (annan.State, annan.Startdatum, annan.ErbjudetUtc));
        Assert.True(lamnad.Succeeded);
        Assert.Equal((KandidatTillstand.Erbjuden, (DateOnly?)Today.AddMonths(2), "Lön enligt avtal."), (vald.State, vald.Startdatum, vald.Erbjudandevillkor));
        Assert.NotNull(vald.ErbjudetUtc);
    }

    private static (Rekryteringar.Rekrytering R, RekryteringWorkflow Flow, List<WorkflowTransition> Journal) New(RekryteringsTillstand state = RekryteringsTillstand.Utkast)
    {
        var r = new Rekryteringar.Rekrytering
        {
            Id = 1, KommunId = "kalix", Diarienummer = "REK 2026/0001", Titel = "Enhetschef", AgareUserId = "u", AgareNamn = "Anders", State = state,
        };
        var journal = new ListJournal();
        return (r, new RekryteringWorkflow(r, journal, Today), journal.Items);
    }

    private static void CheckLas(Rekryteringar.Rekrytering r)
    {
        r.LasUtfall = LasUtfall.IngenForetradesratt;
        r.LasKontrolleradUtc = DateTime.UtcNow;
    }

    private static Kandidat Candidate(Rekryteringar.Rekrytering r, int id, KandidatTillstand state)
    {
        var k = new Kandidat { Id = id, KommunId = "kalix", Fornamn = "K", Efternamn = id.ToString(), Epost = $"k{id}@x.se", SamtyckeVersion = "1", AtkomstHash = id.ToString(), State = state };
        r.Kandidater.Add(k);
        return k;
    }
}

public sealed class ListJournal : IWorkflowJournal
{
    public List<WorkflowTransition> Items { get; } = [];
    public void Record(WorkflowTransition transition) => Items.Add(transition);
    public DateTime UtcNow => new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
}
