using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Mallar;

/// <summary>HR words the municipality's mails: a saved version is what the next mail says; what cannot be sent safely is
/// refused when saved, with a Swedish reason; another municipality neither sees nor changes it.</summary>
public sealed class MejlmallTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private const string EjAktuell = "besked-ej-aktuell";
    private readonly Testdata data = new(portal);

    private async Task<(MallService Service, AsyncServiceScope Scope)> ServiceAsync(string kommun = "kalix")
    {
        var scope = portal.ScopeFor(kommun, out _);
        return (scope.ServiceProvider.GetRequiredService<MallService>(), scope);
    }

    private static MallService.NyVersion Text(string innehall, int baseradPa, string amne = "Besked – {{ tjanst }}", string rubrik = "Besked om din ansökan") =>
        new(amne, rubrik, innehall, baseradPa);

    private async Task<int> AktuellAsync(string nyckel, string kommun = "kalix")
    {
        var (service, scope) = await ServiceAsync(kommun);
        await using var _ = scope;
        return (await service.VisaAsync(nyckel, data.I(kommun).Roll(Roller.HR)))!.Nummer;
    }

    [Fact]
    public async Task HrAndrarBeskedetAtertagenOchNastaSokandeFarDenNyaTexten()
    {
        // "Ej aktuell" sends the chosen refusal reason's mail (Mallar/AvslagsskalTests); a withdrawal still sends its Besked.
        const string atertagen = "besked-atertagen";
        var hr = data.Roll(Roller.HR, "Lena HR");
        var nummer = await AktuellAsync(atertagen);
        var (service, scope) = await ServiceAsync();
        await using (scope)
        {
            var sparat = await service.SparaAsync(atertagen, Text("<p>Hej {{ namn }}!</p><p>Din ansökan till <strong>{{ tjanst }}</strong> är nu borttagen ur rekryteringen. Tack för att du sökte hos {{ kommun }}.</p>",
                nummer, amne: "Ditt besked – {{ tjanst }}"), hr);
            Assert.True(sparat.Succeeded, string.Join(" ", sparat.Reasons));
        }

        var intervju = await data.NyIntervju().BuildAsync();
        var k = intervju.KandidatIds[0];
        await using (var s = portal.ScopeFor("kalix", out var db))
        {
            var version = await db.Set<Kandidat>().Where(x => x.Id == k).Select(x => x.Version).SingleAsync();
            var result = await s.ServiceProvider.GetRequiredService<KandidatService>()
                .AtertaAsync(intervju.Id, k, version, bekraftat: true, await data.PrincipalAsync(IntervjuBuilder.Agare));
            Assert.True(result.Succeeded, string.Join(" ", result.Reasons));
        }
        await using (var s = portal.ScopeFor("kalix", out var db))
        {
            var mejl = await db.Set<OutboxMessage>().Where(m => m.Topic == $"Kandidat:{k}").OrderByDescending(m => m.Id).FirstAsync();
            Assert.StartsWith("Ditt besked – ", mejl.Subject);
            Assert.Contains("är nu borttagen ur rekryteringen", mejl.TextBody);
            Assert.DoesNotContain("Vi har tagit emot att du återtar", mejl.TextBody);
            Assert.Contains("<h1", mejl.HtmlBody); // the frame stays
        }
    }

    [Fact]
    public async Task HrIEnAnnanKommunSerInteMallenOchKanInteSparaDen()
    {
        var (service, scope) = await ServiceAsync("alvsbyn");
        await using (scope)
        {
            var annan = data.I("alvsbyn").Roll(Roller.HR);
            var (egen, _) = await ServiceAsync();
            // Älvsbyn's HR sees Älvsbyn's version only: a change in Kalix is not there.
            var kalixNummer = await AktuellAsync("erbjudande");
            var sparat = await egen.SparaAsync("erbjudande", new("Erbjudande – {{ tjanst }}", "Erbjudande", "<p>Kalix egen text {{ namn }}</p>", kalixNummer), data.Roll(Roller.HR));
            Assert.True(sparat.Succeeded, string.Join(" ", sparat.Reasons));
            var vy = await service.VisaAsync("erbjudande", annan);
            Assert.DoesNotContain("Kalix egen text", vy!.Aktuell.Innehall);
        }
        // Someone without HR or Admin gets nothing and stores nothing.
        var (s2, scope2) = await ServiceAsync();
        await using (scope2)
        {
            var chef = data.Roll(Roller.Chef);
            Assert.Null(await s2.ListaAsync(chef));
            Assert.Null(await s2.VisaAsync(EjAktuell, chef));
            var fore = await AktuellAsync(EjAktuell);
            Assert.Equal(Outcome.Forbidden, (await s2.SparaAsync(EjAktuell, Text("<p>x {{ namn }}</p>", fore), chef)).Outcome);
            Assert.Equal(fore, await AktuellAsync(EjAktuell));
        }
    }

    [Theory]
    [InlineData("<p>Hej {{ fornamn }}!</p>", "Fältet \"fornamn\" finns inte")]
    [InlineData("<p>Hej {{ namn }}!</p>{% if false %}{{ losenord }}{% endif %}", "Fältet \"losenord\" finns inte")]
    [InlineData("<p>Hej {{ namn }}!</p><script>alert(1)</script>", "Taggen <script> är inte tillåten")]
    [InlineData("<p onclick=\"alert(1)\">Hej {{ namn }}!</p>", "Attributet onclick på <p> är inte tillåtet")]
    [InlineData("<p style=\"color:red\">Hej</p>", "Attributet style på <p> är inte tillåtet")]
    [InlineData("<p><a href=\"javascript:alert(1)\">Klicka</a></p>", "Länken \"javascript:alert(1)\" är inte tillåten")]
    [InlineData("<p>Hej {{ namn }}!</p>\n<p>{% if kommun %}I {{ kommun }}</p>", "på rad")]
    [InlineData("<p>Hej {{ namn | okant_filter }}!</p>", "filter som inte finns")]
    public async Task EnMallSomInteKanSkickasSakertNekasNarDenSparasOchIngetLagras(string innehall, string skal)
    {
        var fore = await AktuellAsync(EjAktuell);
        var (service, scope) = await ServiceAsync();
        await using (scope)
        {
            var result = await service.SparaAsync(EjAktuell, Text(innehall, fore), data.Roll(Roller.HR));
            Assert.Equal(Outcome.Refused, result.Outcome);
            Assert.Contains(result.Reasons, r => r.Contains(skal));
        }
        Assert.Equal(fore, await AktuellAsync(EjAktuell));
    }

    [Fact]
    public async Task EttSyntaxfelNamnerRaden()
    {
        var (service, scope) = await ServiceAsync();
        await using (scope)
        {
            var result = await service.SparaAsync("testmejl", new("Test", "Test", "<p>Hej {{ namn }}!</p>\n<p>\n{% for x in %}</p>", 1), data.Roll(Roller.Admin));
            Assert.Equal(Outcome.Refused, result.Outcome);
            Assert.Contains(result.Reasons, r => r.Contains("rad 3"));
        }
    }

    [Fact]
    public async Task TomtAmneNekas()
    {
        var (service, scope) = await ServiceAsync();
        await using (scope)
        {
            var result = await service.SparaAsync("nytt-konto", new("  ", "Rubrik", "<p>Hej {{ namn }}</p>", 1), data.Roll(Roller.HR));
            Assert.Contains("Ämnesraden får inte vara tom.", result.Reasons);
        }
    }

    [Fact]
    public async Task EnSamtidigAndringNekasOchAterstallningBlirEnNyVersion()
    {
        const string nyckel = "arets-chef-vinnare";
        var hr = data.Roll(Roller.HR, "Lena HR");
        var admin = data.Roll(Roller.Admin, "Nils Admin");
        var (service, scope) = await ServiceAsync();
        await using (scope)
        {
            var oppnad = (await service.VisaAsync(nyckel, hr))!.Nummer;
            // Both opened the same version; Admin saves first.
            Assert.True((await service.SparaAsync(nyckel, new("Grattis {{ namn }}", "Grattis", "<p>Admins text {{ namn }}</p>", oppnad), admin)).Succeeded);
            var sen = await service.SparaAsync(nyckel, new("Grattis {{ namn }}", "Grattis", "<p>HR:s text {{ namn }}</p>", oppnad), hr);
            Assert.Equal(Outcome.Conflict, sen.Outcome);
            Assert.Contains(MallService.AndradAvNagonAnnan, sen.Reasons);

            var vy = (await service.VisaAsync(nyckel, hr))!;
            Assert.Contains("Admins text", vy.Aktuell.Innehall);
            Assert.True((await service.AterstallAsync(nyckel, 1, vy.Nummer, hr)).Succeeded);
            var efter = (await service.VisaAsync(nyckel, hr))!;
            Assert.Equal(vy.Nummer + 1, efter.Nummer);
            Assert.Contains("Grattis! Juryn har utsett dig", efter.Aktuell.Innehall);
            Assert.Equal(1, efter.Historik[0].AterstallerNummer);
        }
    }

    [Fact]
    public async Task ForhandsvisningenVisasMedKommunensSenasteSokande()
    {
        await data.NyIntervju().BuildAsync();
        var (service, scope) = await ServiceAsync();
        await using (scope)
        {
            var result = await service.ForhandsgranskaAsync(EjAktuell, Text("<p>Hej {{ namn }}, om {{ tjanst }}</p>", 1), data.Roll(Roller.HR));
            Assert.True(result.Succeeded);
            Assert.StartsWith("den senaste ansökan", result.Value!.Underlag);
            Assert.DoesNotContain("Anna Andersson", result.Value.Html);
        }
    }

    [Fact]
    public void VarjeFilmallDugerOchVarjeNyckelHarEnFil()
    {
        var filer = portal.Services.GetRequiredService<Mejlfiler>(); // the start refuses a file that does not pass
        foreach (var mall in Mejlmallar.Alla) Assert.NotNull(filer.Mall(mall.Nyckel));
        Assert.Equal(5, Mejlmallar.Alla.Count(m => m.Nyckel.StartsWith("besked-") && m.Sprak == Sprak.Svenska));
        // Every mail to applicants has its English twin, with the same fields.
        foreach (var nyckel in Mejlmallar.TillSokande)
            Assert.Equal(Mejlmallar.For(nyckel).Falt.Select(f => f.Namn), Mejlmallar.For($"{nyckel}.en").Falt.Select(f => f.Namn));
    }
}

/// <summary>The pages over real HTTP with antiforgery: HR saves a version from the form; a refused text comes back as typed.</summary>
public sealed class MejlmallSidorTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task HrSparar_EnNyVersionFranFormularet_OchEttFelVisasMedTextenKvar()
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var lista = await hr.PageAsync("/mallar");
        Assert.NotNull(lista.QuerySelector("a[href='/mallar/besked-avbruten']"));
        var sida = await hr.PageAsync("/mallar/besked-avbruten");
        var bas = sida.QuerySelector("input[name='BaseradPa']")!.GetAttribute("value")!;

        var fel = await hr.PostFormAsync("/mallar/besked-avbruten?handler=Spara",
            new() { ["Amne"] = "Avbruten", ["Rubrik"] = "Avbruten", ["Innehall"] = "<p onclick=\"x()\">Hej {{ namn }}</p>", ["BaseradPa"] = bas },
            formPage: "/mallar/besked-avbruten");
        var felsida = await fel.Content.ReadAsStringAsync();
        Assert.Contains("Attributet onclick på &lt;p&gt; är inte tillåtet", felsida);
        Assert.Contains("onclick=&quot;x()&quot;", felsida); // the form keeps what was typed

        var ok = await hr.PostFormAsync("/mallar/besked-avbruten?handler=Spara",
            new() { ["Amne"] = "Avbruten – {{ tjanst }}", ["Rubrik"] = "Rekryteringen är avbruten", ["Innehall"] = "<p>Hej {{ namn }}, rekryteringen är avbruten.</p>", ["BaseradPa"] = bas },
            formPage: "/mallar/besked-avbruten");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, ok.StatusCode);
        var efter = await hr.PageAsync("/mallar/besked-avbruten");
        Assert.Contains("rekryteringen är avbruten.", efter.QuerySelector("textarea[name='Innehall']")!.TextContent);

        var annan = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        var deras = await annan.PageAsync("/mallar/besked-avbruten");
        Assert.DoesNotContain("rekryteringen är avbruten.", deras.QuerySelector("textarea[name='Innehall']")!.TextContent);
    }
}
