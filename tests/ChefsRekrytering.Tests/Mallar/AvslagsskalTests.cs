using System.Net;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Mallar;

/// <summary>
/// Refusal reasons over real HTTP with antiforgery: the recruiting side picks one when an applicant does not go on, and
/// the applicant gets that reason's mail (never its name); HR words, adds and retires the municipality's reasons, and a
/// text that cannot be sent safely is refused with nothing stored. Tests that change a reason use one they added, so the
/// shipped reasons stay as shipped for the others.
/// </summary>
public sealed class AvslagsskalTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private const string BattreMatchning = "avslag-battre-matchning";
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task EjAktuellFragarEfterSkaletOchSokandeFarSkaletsMejlMenInteSkalet()
    {
        var (id, kandidat, epost) = await SokandeAsync();
        var url = $"/rekrytering/{id}/kandidater/{kandidat}";
        var agare = await data.InloggadAsync("rekryterande");

        var sida = await agare.PageAsync(url);
        var formular = sida.QuerySelector("form[action*='handler=EjAktuell']")!;
        Assert.Contains("Andra sökande matchade kravprofilen bättre", formular.TextContent);
        Assert.NotNull(formular.QuerySelector($"input[type='radio'][value='{BattreMatchning}']"));

        // No reason, or the plain step button: refused, nothing sent.
        var utanSkal = await agare.PostFormAsync($"{url}?handler=EjAktuell", new() { ["Version"] = await VersionAsync(kandidat) }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, utanSkal.StatusCode);
        Assert.Contains("Välj skälet till att ansökan inte går vidare", await utanSkal.Content.ReadAsStringAsync());
        var knapp = await agare.PostFormAsync($"{url}?handler=Fire", new() { ["trigger"] = "EjAktuell", ["Version"] = await VersionAsync(kandidat) }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, knapp.StatusCode);
        Assert.Equal(KandidatTillstand.Inkommen, (await KandidatAsync(kandidat)).State);
        Assert.Empty(await BeskedAsync(epost));

        var svar = await agare.PostFormAsync($"{url}?handler=EjAktuell",
            new() { ["EjAktuell.Avslagsskal"] = BattreMatchning, ["Version"] = await VersionAsync(kandidat) }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        var k = await KandidatAsync(kandidat);
        Assert.Equal((KandidatTillstand.EjAktuell, BattreMatchning, "Andra sökande matchade kravprofilen bättre"), (k.State, k.AvslagsskalNyckel, k.AvslagsskalNamn));
        Assert.Contains("Skäl: Andra sökande matchade kravprofilen bättre", (await agare.PageAsync(url)).Body!.TextContent);

        var besked = Assert.Single(await BeskedAsync(epost));
        Assert.Contains("andra sökande motsvarade kravprofilen bättre", besked.TextBody);
        Assert.DoesNotContain("Andra sökande matchade kravprofilen bättre", besked.TextBody + besked.HtmlBody + besked.Subject);
    }

    [Fact]
    public async Task HrAndrarSkaletsMejlOchNastaBeskedAnvanderDenNyaTexten()
    {
        var hr = await data.InloggadAsync("hr");
        var (nyckel, namn) = await LaggTillAsync(hr);
        var skalUrl = $"/mallar/avslag/{nyckel}";
        var sida = await hr.PageAsync(skalUrl);
        var bas = sida.QuerySelector("input[name='BaseradPa']")!.GetAttribute("value")!;
        Assert.Equal("2", bas); // version 1 is the portal's general text, 2 the one HR added

        var sparat = await hr.PostFormAsync($"{skalUrl}?handler=Spara", Formular(namn, "<p>Hej {{ namn }}! Vi har valt att gå vidare utan din ansökan till {{ tjanst }}, ny text.</p>", bas), formPage: skalUrl);
        Assert.Equal(HttpStatusCode.Redirect, sparat.StatusCode);
        // A second save from the same version collides instead of overwriting the first.
        var krock = await hr.PostFormAsync($"{skalUrl}?handler=Spara", Formular(namn, "<p>Hej {{ namn }}, en annan text.</p>", bas), formPage: skalUrl);
        Assert.Contains("Mallen har ändrats av någon annan", await krock.Content.ReadAsStringAsync());
        Assert.Equal(3, await NummerAsync(nyckel));

        var (id, kandidat, epost) = await SokandeAsync();
        var url = $"/rekrytering/{id}/kandidater/{kandidat}";
        var agare = await data.InloggadAsync("rekryterande");
        Assert.Contains(namn, (await agare.PageAsync(url)).QuerySelector("form[action*='handler=EjAktuell']")!.TextContent);
        var svar = await agare.PostFormAsync($"{url}?handler=EjAktuell", new() { ["EjAktuell.Avslagsskal"] = nyckel, ["Version"] = await VersionAsync(kandidat) }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        var besked = Assert.Single(await BeskedAsync(epost));
        Assert.Contains("Vi har valt att gå vidare utan din ansökan till", besked.TextBody);
        Assert.Contains("ny text.", besked.TextBody);
        Assert.Contains("<h1", besked.HtmlBody); // the frame stays
    }

    [Fact]
    public async Task EnMallMedSkriptEllerOkantFaltSparasInteOchIngentingLagras()
    {
        var hr = await data.InloggadAsync("hr");
        var (nyckel, namn) = await LaggTillAsync(hr);
        var skalUrl = $"/mallar/avslag/{nyckel}";

        var skript = await hr.PostFormAsync($"{skalUrl}?handler=Spara", Formular(namn, "<p>Hej {{ namn }}</p><script>alert(1)</script>", "2"), formPage: skalUrl);
        Assert.Equal(HttpStatusCode.OK, skript.StatusCode);
        Assert.Contains("Taggen &lt;script&gt; är inte tillåten i ett mejl", await skript.Content.ReadAsStringAsync());
        var falt = await hr.PostFormAsync($"{skalUrl}?handler=Spara", Formular(namn, "<p>Hej {{ namn }}, ditt personnummer {{ personnummer }}</p>", "2"), formPage: skalUrl);
        Assert.Contains("Fältet \"personnummer\" finns inte i den här mallen", System.Net.WebUtility.HtmlDecode(await falt.Content.ReadAsStringAsync()));
        Assert.Equal(2, await NummerAsync(nyckel));

        // A new reason with a bad text is not added either.
        var fore = await AntalSkalAsync();
        var nytt = await hr.PostFormAsync("/mallar/avslag?handler=LaggTill", Formular($"Skript {Guid.NewGuid():N}", "<p onclick=\"x()\">Hej</p>", null), formPage: "/mallar/avslag");
        Assert.Equal(HttpStatusCode.OK, nytt.StatusCode);
        Assert.Contains("Attributet onclick på &lt;p&gt; är inte tillåtet", await nytt.Content.ReadAsStringAsync());
        Assert.Equal(fore, await AntalSkalAsync());
    }

    [Fact]
    public async Task AnnanKommunsHrOchRekryterandeChefKanInteAndraSkalen()
    {
        var hr = await data.InloggadAsync("hr");
        var (nyckel, namn) = await LaggTillAsync(hr);
        var skalUrl = $"/mallar/avslag/{nyckel}";

        var annan = await data.I("alvsbyn").InloggadAsync("hr");
        Assert.Equal(HttpStatusCode.NotFound, (await annan.GetAsync(skalUrl)).StatusCode);
        var deras = await annan.PostFormAsync($"{skalUrl}?handler=Spara", Formular(namn, "<p>Älvsbyns text {{ namn }}</p>", "2"), formPage: "/mallar/avslag");
        Assert.Equal(HttpStatusCode.NotFound, deras.StatusCode);
        Assert.DoesNotContain(namn, (await annan.PageAsync("/mallar/avslag")).Body!.TextContent);

        var chef = await data.InloggadAsync("rekryterande");
        var lista = await chef.GetAsync("/mallar/avslag");
        Assert.Contains("/konto/atkomst-nekad", lista.Headers.Location!.OriginalString);
        var chefens = await chef.PostFormAsync($"{skalUrl}?handler=Spara", Formular(namn, "<p>Chefens text {{ namn }}</p>", "2"), formPage: "/");
        Assert.Contains("/konto/atkomst-nekad", chefens.Headers.Location!.OriginalString);
        var pensionera = await chef.PostFormAsync($"{skalUrl}?handler=Pensionera", new(), formPage: "/");
        Assert.Contains("/konto/atkomst-nekad", pensionera.Headers.Location!.OriginalString);

        Assert.Equal(2, await NummerAsync(nyckel));
        Assert.Contains(namn, (await hr.PageAsync("/mallar/avslag")).QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task EttPensioneratSkalErbjudsInteMenHistorikenFinnsKvar()
    {
        var hr = await data.InloggadAsync("hr");
        var (nyckel, namn) = await LaggTillAsync(hr);
        var skalUrl = $"/mallar/avslag/{nyckel}";
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostFormAsync($"{skalUrl}?handler=Pensionera", new(), formPage: skalUrl)).StatusCode);

        var (id, kandidat, epost) = await SokandeAsync();
        var url = $"/rekrytering/{id}/kandidater/{kandidat}";
        var agare = await data.InloggadAsync("rekryterande");
        var formular = (await agare.PageAsync(url)).QuerySelector("form[action*='handler=EjAktuell']")!;
        Assert.DoesNotContain(namn, formular.TextContent);
        Assert.Null(formular.QuerySelector($"input[value='{nyckel}']"));
        var svar = await agare.PostFormAsync($"{url}?handler=EjAktuell", new() { ["EjAktuell.Avslagsskal"] = nyckel, ["Version"] = await VersionAsync(kandidat) }, formPage: url);
        Assert.Contains("Välj skälet till att ansökan inte går vidare", await svar.Content.ReadAsStringAsync());
        Assert.Equal(KandidatTillstand.Inkommen, (await KandidatAsync(kandidat)).State);
        Assert.Empty(await BeskedAsync(epost));

        // HR still sees it, retired, with its versions; /mallar lists it in its own section.
        var sida = await hr.PageAsync(skalUrl);
        Assert.Contains("borttaget ur listan", sida.QuerySelector(".lead")!.TextContent);
        Assert.Contains(namn, sida.QuerySelector("#historik")!.ParentElement!.TextContent);
        var mallar = await hr.PageAsync("/mallar");
        Assert.NotNull(mallar.QuerySelector($"a[href='{skalUrl}']"));
    }

    // ---- Helpers ----

    private static Dictionary<string, string> Formular(string namn, string innehall, string? bas)
    {
        var f = new Dictionary<string, string> { ["Namn"] = namn, ["Amne"] = "Besked om din ansökan – {{ tjanst }}", ["Rubrik"] = "Besked om din ansökan", ["Innehall"] = innehall };
        if (bas is not null) f["BaseradPa"] = bas;
        return f;
    }

    /// <summary>HR adds a reason of its own through the form; its key is found by its name.</summary>
    private async Task<(string Nyckel, string Namn)> LaggTillAsync(PortalClient hr)
    {
        var namn = $"Eget skäl {Guid.NewGuid():N}"[..24];
        var svar = await hr.PostFormAsync("/mallar/avslag?handler=LaggTill", Formular(namn, "<p>Hej {{ namn }}! Din ansökan till {{ tjanst }} går inte vidare.</p>", null), formPage: "/mallar/avslag");
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<Mallversion>().Where(m => m.Namn == namn).Select(m => m.Nyckel).SingleAsync(), namn);
    }

    private async Task<(int Id, int Kandidat, string Epost)> SokandeAsync()
    {
        var id = await data.NyRekrytering().AnnonseradAsync();
        var epost = $"{Guid.NewGuid():N}@example.com";
        await data.AnsokanAsync(id, "Siv", "Sökande", epost);
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (id, await db.Set<Kandidat>().Where(k => k.Epost == epost).Select(k => k.Id).SingleAsync(), epost);
    }

    private async Task<Kandidat> KandidatAsync(int kandidatId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Kandidat>().AsNoTracking().SingleAsync(k => k.Id == kandidatId);
    }

    private async Task<string> VersionAsync(int kandidatId) => (await KandidatAsync(kandidatId)).Version.ToString();

    private async Task<int> NummerAsync(string nyckel)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Mallversion>().Where(m => m.Nyckel == nyckel).MaxAsync(m => (int?)m.Nummer) ?? 1;
    }

    private async Task<int> AntalSkalAsync()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Avslagsskal>().CountAsync();
    }

    /// <summary>The mails about the outcome of the application (not the receipt of the application itself).</summary>
    private async Task<List<OutboxMessage>> BeskedAsync(string epost)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<OutboxMessage>().Where(m => m.ToAddress == epost && !m.Subject.StartsWith("Vi har tagit emot")).ToListAsync();
    }
}
