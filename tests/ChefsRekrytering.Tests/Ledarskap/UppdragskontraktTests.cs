using System.Net;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using IntroduktionPost = ChefsRekrytering.Introduktioner.Introduktion;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>
/// The uppdragskontrakt through its page, as the parties use it: Karin Öberg with her närmast högre chef Anders Nilsson,
/// Anders with the kommunchef Maria Lindqvist, and Maria, at the top of the tree, with HR acting for the employer.
/// Each test has its own manager, so they share one portal.
/// </summary>
public class UppdragskontraktTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private readonly Testdata data = new(portal);

    private static (string, string)[] Innehall(string ansvar, params string[] kravIds) =>
    [
        ("Kontrakt.Ansvar", ansvar),
        ("Kontrakt.Ataganden", "Införa ny planering av hemtjänstens turer under våren."),
        ("Kontrakt.Resultatkrav", "Budget i balans; sjukfrånvaron under 6 procent."),
        .. kravIds.Select(id => ("Kontrakt.KravIds", id)),
    ];

    [Fact]
    public async Task KontraktSomUppdragsgivarenSkriverGallerNarBadaHarBekraftatOchKlararIntroduktionensPunkt()
    {
        var karinId = await data.PersonIdAsync("chef");
        await IntroduktionForAsync(karinId);
        var page = $"/uppdragskontrakt/{karinId}";
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");

        // The contract starts from the policy: what the manager may expect from the employer, and its requirements to pick.
        var form = (await anders.PageAsync(page)).QuerySelector("form.kontrakt-form")!;
        var policy = portal.Services.GetRequiredService<PolicyLibrary>().Get("kalix");
        Assert.Contains(policy.ForvantningarPaArbetsgivaren[0].Trim()[..40], form.TextContent);
        Assert.Equal(policy.AllaKrav.Count(), form.QuerySelectorAll("input[name='Kontrakt.KravIds']").Length);

        Assert.Equal(HttpStatusCode.Redirect, (await anders.SubmitAsync(page, "Spara", Innehall("Hemtjänst Centrum: verksamhet, personal, budget.", "verksamhet-1", "social-2"))).StatusCode);

        // Karin confirms her own side only.
        var karin = await PortalClient.For(portal).SignInAsync("kalix", "chef");
        var refused = await karin.SubmitAsync(page, "Bekrafta", ("sida", "Uppdragsgivare"));
        Assert.Contains("Uppdragsgivarens sida bekräftas av närmast högre chef eller HR.", await refused.ErrorsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await karin.SubmitAsync(page, "Bekrafta", ("sida", "Chef"))).StatusCode);
        Assert.Equal(UppdragskontraktTillstand.Utkast, (await VersionsAsync(karinId)).Single().State);
        Assert.Null(await ContractItemDoneAsync(karinId));

        Assert.Equal(HttpStatusCode.Redirect, (await anders.SubmitAsync(page, "Bekrafta", ("sida", "Uppdragsgivare"))).StatusCode);
        var k = (await VersionsAsync(karinId)).Single();
        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(DateTime.UtcNow));
        Assert.Equal((1, UppdragskontraktTillstand.Bekraftat, today, today.AddYears(1)), (k.Versionsnummer, k.State, k.GiltigFran!.Value, k.OmprovasSenast!.Value));
        Assert.Equal("Anders Nilsson", k.UppdragsgivareNamn);
        Assert.Equal("Anders Nilsson", k.UppdragsgivareBekraftadAv);
        Assert.Equal(["verksamhet-1", "social-2"], k.Krav.OrderBy(x => x.Ordning).Select(x => x.KravId));
        Assert.Equal(policy.ForvantningarPaArbetsgivaren, k.Forvantningar);
        Assert.Equal("Anders Nilsson", await ContractItemDoneAsync(karinId));
    }

    [Fact]
    public async Task EnAndringAvEttBekraftatKontraktBlirVersionTvaOchVersionEttFinnsKvar()
    {
        var andersId = await data.PersonIdAsync("rekryterande");
        var page = $"/uppdragskontrakt/{andersId}";
        var maria = await PortalClient.For(portal).SignInAsync("kalix", "kommunchef");
        var anders = await PortalClient.For(portal).SignInAsync("kalix", "rekryterande");
        await maria.SubmitAsync(page, "Spara", Innehall("Socialförvaltningen.", "strategisk-1"));
        await anders.SubmitAsync(page, "Bekrafta", ("sida", "Chef"));
        await maria.SubmitAsync(page, "Bekrafta", ("sida", "Uppdragsgivare"));

        Assert.Equal(HttpStatusCode.Redirect, (await anders.SubmitAsync(page, "Spara", Innehall("Socialförvaltningen och den nya äldreomsorgsplanen.", "strategisk-1", "strategisk-2"))).StatusCode);
        var versions = await VersionsAsync(andersId);
        Assert.Equal([(2, UppdragskontraktTillstand.Utkast), (1, UppdragskontraktTillstand.Bekraftat)], versions.Select(v => (v.Versionsnummer, v.State)));
        Assert.Equal("Socialförvaltningen.", versions[1].Ansvar);
        Assert.Contains("Utkast till version 2", (await anders.PageAsync(page)).QuerySelector("#utkast-rubrik")!.TextContent);

        await anders.SubmitAsync(page, "Bekrafta", ("sida", "Chef"));
        await maria.SubmitAsync(page, "Bekrafta", ("sida", "Uppdragsgivare"));
        versions = await VersionsAsync(andersId);
        Assert.Equal([(2, UppdragskontraktTillstand.Bekraftat), (1, UppdragskontraktTillstand.Ersatt)], versions.Select(v => (v.Versionsnummer, v.State)));
        Assert.NotNull(versions[1].ErsattUtc);
        Assert.Equal(["strategisk-1"], versions[1].Krav.Select(x => x.KravId));
        Assert.Contains("Version 1", (await maria.PageAsync(page)).QuerySelector("#historik-rubrik")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task EnAndringEfterEnSidasBekraftelseTarBortBekraftelsernaOchHrAgerForArbetsgivarenOverst()
    {
        var mariaId = await data.PersonIdAsync("kommunchef");
        var page = $"/uppdragskontrakt/{mariaId}";
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");

        // The kommunchef has no närmast högre chef: the principal is named in the contract (Ljusnarsberg: the municipal board).
        Assert.Contains("Ange uppdragsgivaren", await (await hr.SubmitAsync(page, "Spara", Innehall("Hela kommunens förvaltning."))).ErrorsAsync());
        Assert.Empty(await VersionsAsync(mariaId));
        await hr.SubmitAsync(page, "Spara", [.. Innehall("Hela kommunens förvaltning."), ("Kontrakt.Uppdragsgivare", "Kommunstyrelsens ordförande")]);
        var seen = await hr.VersionAsync(page, "Bekrafta");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.SubmitAsync(page, "Bekrafta", ("sida", "Uppdragsgivare"))).StatusCode);
        var k = (await VersionsAsync(mariaId)).Single();
        Assert.Equal((null, "Kommunstyrelsens ordförande", "Lena Forsberg"), (k.UppdragsgivarePersonId, k.UppdragsgivareNamn, k.UppdragsgivareBekraftadAv));

        // Confirming a text that has changed since the page was opened is refused and changes nothing.
        var maria = await PortalClient.For(portal).SignInAsync("kalix", "kommunchef");
        Assert.Contains("Någon annan har ändrat", await (await maria.SubmitAsync(page, "Bekrafta", seen, ("sida", "Chef"))).ErrorsAsync());
        Assert.Null((await VersionsAsync(mariaId)).Single().ChefBekraftadUtc);

        // Saving the same text keeps the employer's confirmation; a change clears it, so both confirm the same text.
        await maria.SubmitAsync(page, "Spara", [.. Innehall("Hela kommunens förvaltning."), ("Kontrakt.Uppdragsgivare", "Kommunstyrelsens ordförande")]);
        Assert.NotNull((await VersionsAsync(mariaId)).Single().UppdragsgivareBekraftadUtc);
        Assert.Equal(HttpStatusCode.Redirect, (await maria.SubmitAsync(page, "Spara", [.. Innehall("Hela kommunens förvaltning och bolagen."), ("Kontrakt.Uppdragsgivare", "Kommunstyrelsens ordförande")])).StatusCode);
        k = (await VersionsAsync(mariaId)).Single();
        Assert.Equal((1, UppdragskontraktTillstand.Utkast, null, null), (k.Versionsnummer, k.State, k.UppdragsgivareBekraftadUtc, k.ChefBekraftadUtc));
    }

    private async Task<List<Uppdragskontrakt>> VersionsAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Set<Uppdragskontrakt>().AsNoTracking().Include(k => k.Krav)
            .Where(k => k.ChefPersonId == personId).OrderByDescending(k => k.Versionsnummer).ToListAsync();
    }

    /// <summary>An introduction for the manager, as HR starts one, with the template's contract item.</summary>
    private async Task IntroduktionForAsync(int personId)
    {
        var id = await data.IntroduktionAsync(personId, "Enhetschef hemtjänst");
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.True(await db.Set<IntroduktionPunkt>().AnyAsync(p => p.IntroduktionId == id && p.Typ == PunktTyp.Uppdragskontrakt));
    }

    /// <summary>Who completed the introduction's contract item, or null while it is open.</summary>
    private async Task<string?> ContractItemDoneAsync(int personId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var punkt = await db.Set<IntroduktionPost>().Where(i => i.ChefPersonId == personId)
            .SelectMany(i => i.Punkter).SingleAsync(p => p.Typ == PunktTyp.Uppdragskontrakt);
        return punkt.KlarUtc is null ? null : punkt.KlarAv;
    }
}
