using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Mallar;

/// <summary>HR words the municipality's checklists as it words its mails: a saved version is what the next introduction,
/// knowledge transfer or opened nomination gets; what does not parse is refused with a Swedish reason naming the line and
/// nothing is stored; another municipality neither sees nor changes it.</summary>
public sealed class ChecklistmallTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private const string NyIntroduktion = """
        # Kalix egen lista
        punkter:
          - rubrik: Fika med arbetslaget
            beskrivning: Den nya chefen träffar sitt arbetslag.
            typ: Möte
            agare: Den nya chefen
            dagar: 1
          - rubrik: Genomgång av budgeten
            agare: HR
            dagar: 20
        """;

    private async Task<T> MedAsync<T>(string kommun, Func<ListmallService, Task<T>> gor)
    {
        await using var scope = portal.ScopeFor(kommun, out _);
        return await gor(scope.ServiceProvider.GetRequiredService<ListmallService>());
    }

    private Task<int> AktuellAsync(string nyckel, string kommun = "kalix") =>
        MedAsync(kommun, async s => (await s.VisaAsync(nyckel, data.I(kommun).Roll(Roller.HR)))!.Nummer);

    private Task<CommandResult> SparaAsync(string nyckel, string yaml, int baseradPa, string kommun = "kalix", string roll = Roller.HR) =>
        MedAsync(kommun, s => s.SparaAsync(nyckel, new(yaml, baseradPa), data.I(kommun).Roll(roll, "Lena HR")));

    private async Task<List<string>> NyIntroduktionsRubrikerAsync(string kommun) => (await NyIntroduktionAsync(kommun)).Rubriker;

    private async Task<(int Id, List<string> Rubriker)> NyIntroduktionAsync(string kommun)
    {
        await using var scope = portal.ScopeFor(kommun, out var db);
        var person = await db.Personer.OrderBy(p => p.Id).FirstAsync();
        var intro = await scope.ServiceProvider.GetRequiredService<IntroduktionService>()
            .CreateAsync(person, "Enhetschef", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), null, "Anders Nilsson", null);
        await db.SaveChangesAsync();
        return (intro.Id, intro.Punkter.Where(p => p.Typ != PunktTyp.Policyavsnitt).OrderBy(p => p.Ordning).Select(p => p.Rubrik).ToList());
    }

    [Fact]
    public async Task HrSpararEnIntroduktionslistaOchNastaIntroduktionIKommunenFarDenMenInteEnAnnanKommuns()
    {
        var (forstaId, fore) = await NyIntroduktionAsync("kalix");
        var alvsbynFore = await NyIntroduktionsRubrikerAsync("alvsbyn");
        Assert.DoesNotContain("Fika med arbetslaget", fore);

        var sparat = await SparaAsync("introduktion", NyIntroduktion, await AktuellAsync("introduktion"));
        Assert.True(sparat.Succeeded, string.Join(" ", sparat.Reasons));

        Assert.Equal(["Fika med arbetslaget", "Genomgång av budgeten"], await NyIntroduktionsRubrikerAsync("kalix"));
        Assert.Equal(alvsbynFore, await NyIntroduktionsRubrikerAsync("alvsbyn"));
        // The introduction made before keeps the items it was made with.
        await using var scope = portal.ScopeFor("kalix", out var db);
        var forsta = await db.Set<ChefsRekrytering.Introduktioner.Introduktion>().Include(i => i.Punkter).SingleAsync(i => i.Id == forstaId);
        Assert.Equal(fore, forsta.Punkter.Where(p => p.Typ != PunktTyp.Policyavsnitt).OrderBy(p => p.Ordning).Select(p => p.Rubrik));
    }

    [Theory]
    [InlineData("", "Mallen är tom")]
    [InlineData("punkter: []\n", "Mallen har inga punkter")]
    [InlineData("punkter:\n  - rubrik: Välkomstsamtal\n  - beskrivning: Utan rubrik\n", "Rad 3: punkt 2 saknar rubrik.")]
    [InlineData("punkter:\n  - rubrik: Välkomstsamtal\n    dagar: tre\n", "Rad 3:")]
    [InlineData("punkter:\n  - rubrik: Välkomstsamtal\n    ansvarig: HR\n", "Rad 3: fältet ”ansvarig” finns inte")]
    [InlineData("punkter:\n  - rubrik: Välkomstsamtal\n    agare: Chefen\n", "Rad 3: värdet ”Chefen” är inte ett av de tillåtna: Den nya chefen, Anställande chef, HR.")]
    [InlineData("punkter:\n  - rubrik: [Välkomstsamtal\n", "Rad ")]
    public async Task EnListaSomInteGarAttLasaNekasMedRadenOchIngetLagras(string yaml, string skal)
    {
        var fore = await AktuellAsync("introduktion");
        var result = await SparaAsync("introduktion", yaml, fore);
        Assert.Equal(Outcome.Refused, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Contains(skal, StringComparison.Ordinal));
        Assert.Equal(fore, await AktuellAsync("introduktion"));
    }

    [Theory]
    [InlineData("punkter:\n  - rubrik: Resultat\n", "Rad 2: punkt 1 saknar id.")]
    [InlineData("punkter:\n  - id: a\n    rubrik: Resultat\n  - id: a\n    rubrik: Klimat\n", "Rad 4: punkt 2 har samma id")]
    public async Task KriterierUtanIdEllerMedSammaIdTvaGangerNekas(string yaml, string skal)
    {
        var fore = await AktuellAsync("arets-chef-kriterier");
        var result = await SparaAsync("arets-chef-kriterier", yaml, fore);
        Assert.Contains(result.Reasons, r => r.Contains(skal, StringComparison.Ordinal));
        Assert.Equal(fore, await AktuellAsync("arets-chef-kriterier"));
    }

    [Fact]
    public async Task EnSamtidigAndringNekasOchAterstallningBlirEnNyVersion()
    {
        var oppnad = await AktuellAsync("kompetensvaxling");
        Assert.True((await SparaAsync("kompetensvaxling", "punkter:\n  - rubrik: Admins punkt\n", oppnad, roll: Roller.Admin)).Succeeded);
        var sen = await SparaAsync("kompetensvaxling", "punkter:\n  - rubrik: HR:s punkt\n", oppnad);
        Assert.Equal(Outcome.Conflict, sen.Outcome);
        Assert.Contains(MallService.AndradAvNagonAnnan, sen.Reasons);

        var hr = data.Roll(Roller.HR);
        var vy = (await MedAsync("kalix", s => s.VisaAsync("kompetensvaxling", hr)))!;
        Assert.Contains("Admins punkt", vy.Aktuell);
        Assert.True((await MedAsync("kalix", s => s.AterstallAsync("kompetensvaxling", 1, vy.Nummer, hr))).Succeeded);
        var efter = (await MedAsync("kalix", s => s.VisaAsync("kompetensvaxling", hr)))!;
        Assert.Equal(vy.Nummer + 1, efter.Nummer);
        Assert.Contains("Pågående ärenden", efter.Aktuell);
        Assert.Equal(1, efter.Historik[0].AterstallerNummer);
    }

    [Fact]
    public async Task EnOppnadKampanjBehallerSinaKriterierNarMallenAndras()
    {
        var v2 = "punkter:\n  - id: mod\n    rubrik: Modigt ledarskap\n";
        Assert.True((await SparaAsync("arets-chef-kriterier", v2, await AktuellAsync("arets-chef-kriterier"))).Succeeded);
        var id = await data.KampanjAsync(2041);
        var nummer = await AktuellAsync("arets-chef-kriterier");
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.Equal(nummer, (await db.Set<Kampanj>().SingleAsync(k => k.Id == id)).Kriterieversion);

        Assert.True((await SparaAsync("arets-chef-kriterier", "punkter:\n  - id: tillit\n    rubrik: Tillit i vardagen\n", nummer)).Succeeded);
        var sida = await data.KommandoAsync<NomineringService, Nomineringssida>(s => s.SidaAsync(data.Roll(Roller.Medarbetare, personId: null)));
        Assert.Equal(["Modigt ledarskap"], sida.Kriterier.Select(k => k.Rubrik));
        // A campaign not yet open shows the current version, to be fixed when it opens.
        await data.KampanjAsync(2042, KampanjTillstand.Planerad);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var planerad = await db.Set<Kampanj>().SingleAsync(k => k.Ar == 2042);
            Assert.Null(planerad.Kriterieversion);
            Assert.Equal(["Tillit i vardagen"], (await scope.ServiceProvider.GetRequiredService<AretsChefService>().KriterierAsync(planerad)).Select(k => k.Rubrik));
        }
    }

    [Fact]
    public async Task HrIEnAnnanKommunOchEnMedarbetareSerInteListanOchKanInteSparaDen()
    {
        var nummer = await AktuellAsync("introduktion");
        Assert.True((await SparaAsync("introduktion", "punkter:\n  - rubrik: Kalix hemliga punkt\n", nummer)).Succeeded);
        var annan = await MedAsync("alvsbyn", s => s.VisaAsync("introduktion", data.I("alvsbyn").Roll(Roller.HR)));
        Assert.DoesNotContain("Kalix hemliga punkt", annan!.Aktuell);
        Assert.DoesNotContain(annan.Historik, h => h.Text.Contains("Kalix hemliga punkt"));

        var medarbetare = data.Roll(Roller.Medarbetare);
        Assert.Null(await MedAsync("kalix", s => s.ListaAsync(medarbetare)));
        Assert.Null(await MedAsync("kalix", s => s.VisaAsync("introduktion", medarbetare)));
        var fore = await AktuellAsync("introduktion");
        Assert.Equal(Outcome.Forbidden, (await SparaAsync("introduktion", "punkter:\n  - rubrik: X\n", fore, roll: Roller.Medarbetare)).Outcome);
        Assert.Equal(fore, await AktuellAsync("introduktion"));
    }

    [Fact]
    public void EnListmallsNyckelKanInteKrockaMedEttMejls()
    {
        Assert.All(Mejlmallar.Alla, m => Assert.DoesNotContain('/', m.Nyckel));
        Assert.All(Listmallar.Alla, m => Assert.StartsWith("listor/", m.Lagrad));
    }

    [Fact]
    public async Task HrFormulerarIntervjufragornaOchNastaKravprofilsGuideFarDemMenInteEnAnnanKommuns()
    {
        var standard = await MedAsync("kalix", async s => (await s.VisaAsync("intervjufragor", data.I("kalix").Roll(Roller.HR)))!.Aktuell);
        var egen = standard
            .Replace("handling: Berätta om en gång när du {{ nar }}behövde {{ handling }}. Hur gick du till väga, och vad blev resultatet?",
                "handling: Ge ett konkret exempel på när du {{ nar }}fick {{ handling }}.")
            .Replace("  - Vad skulle du göra annorlunda?", "  - Vem märkte skillnaden?");

        // A wording with a field that does not exist is refused, and nothing is stored.
        var fore = await AktuellAsync("intervjufragor");
        var nekad = await SparaAsync("intervjufragor", egen.Replace("{{ handling }}.", "{{ kandidat }} {{ handling }}."), fore);
        Assert.Contains(nekad.Reasons, r => r.Contains("Fältet \"kandidat\""));
        Assert.Equal(fore, await AktuellAsync("intervjufragor"));
        Assert.True((await SparaAsync("intervjufragor", egen, fore)).Succeeded);

        // Kalix's next kravprofil asks in Kalix's words, and its guide lists Kalix's follow-up question.
        var intervju = await data.NyIntervju().BuildAsync();
        var guide = await (await data.InloggadAsync(IntervjuBuilder.Agare)).PageAsync(intervju.Guide);
        var fragor = guide.QuerySelectorAll(".guide-question").Select(q => q.TextContent.Trim()).ToList();
        Assert.Contains(fragor, f => f.StartsWith("Ge ett konkret exempel på när du "));
        Assert.DoesNotContain(fragor, f => f.StartsWith("Berätta om en gång när du "));
        Assert.Contains(guide.QuerySelectorAll("li"), li => li.TextContent == "Vem märkte skillnaden?");

        // Älvsbyn's wording is its own.
        await using var scope = portal.ScopeFor("alvsbyn", out var db);
        var alvsbyn = await scope.ServiceProvider.GetRequiredService<ChefsRekrytering.Rekryteringar.Intervjuformuleringar>().ForAsync(db, "alvsbyn");
        Assert.Equal("Berätta om en gång när du behövde leda. Hur gick du till väga, och vad blev resultatet?", ChefsRekrytering.Rekryteringar.Intervjufragor.For("Leda.", alvsbyn));
    }
}

/// <summary>The checklist pages over real HTTP with antiforgery: the list, a refused text kept as typed, the preview as a
/// table, a save; another municipality's HR and an employee get nothing.</summary>
public sealed class ChecklistmallSidorTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private const string Sida = "/mallar/listor/introduktion";

    [Fact]
    public async Task HrForhandsgranskarOchSpararFranFormularet_EttFelVisasMedTextenKvar()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var lista = await hr.PageAsync("/mallar");
        Assert.NotNull(lista.QuerySelector($"a[href='{Sida}']"));
        var sida = await hr.PageAsync(Sida);
        var bas = sida.QuerySelector("input[name='BaseradPa']")!.GetAttribute("value")!;
        Assert.Contains("punkter:", sida.QuerySelector("textarea[name='Innehall']")!.TextContent);

        var fel = await hr.PostFormAsync($"{Sida}?handler=Spara",
            new() { ["Innehall"] = "punkter:\n  - rubrik: Lunch med HR\n  - beskrivning: ingen rubrik\n", ["BaseradPa"] = bas }, formPage: Sida);
        var felsida = await fel.Content.ReadAsStringAsync();
        Assert.Contains("Rad 3: punkt 2 saknar rubrik.", felsida);
        Assert.Contains("Lunch med HR", felsida); // the form keeps what was typed

        const string yaml = "punkter:\n  - rubrik: Lunch med HR\n    agare: HR\n    dagar: 3\n";
        var forhand = await hr.PostFormAsync($"{Sida}?handler=Forhandsgranska", new() { ["Innehall"] = yaml, ["BaseradPa"] = bas }, formPage: Sida);
        var forhandsida = await forhand.Content.ReadAsStringAsync();
        Assert.Contains(">Dag 3 efter start</td>", forhandsida);
        Assert.Contains("<strong>Lunch med HR</strong>", forhandsida);

        var ok = await hr.PostFormAsync($"{Sida}?handler=Spara", new() { ["Innehall"] = yaml, ["BaseradPa"] = bas }, formPage: Sida);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, ok.StatusCode);
        var efter = await hr.PageAsync(Sida);
        Assert.Contains("Lunch med HR", efter.QuerySelector("textarea[name='Innehall']")!.TextContent);

        // The same form posted again, based on the version it was opened with, is a conflict.
        var sen = await hr.PostFormAsync($"{Sida}?handler=Spara", new() { ["Innehall"] = yaml, ["BaseradPa"] = bas }, formPage: Sida);
        Assert.Contains("Mallen har ändrats av någon annan", await sen.Content.ReadAsStringAsync());

        var annan = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        var deras = await annan.PageAsync(Sida);
        Assert.DoesNotContain("Lunch med HR", deras.QuerySelector("textarea[name='Innehall']")!.TextContent);
    }

}
