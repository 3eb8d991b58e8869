using System.Net;
using System.Text;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation.Personalimport;
using ChefsRekrytering.Tests.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChefsRekrytering.Tests.Organisation;

/// <summary>
/// Admin brings Kalix's people and units up to date from the HR system's personnel export: a preview that changes nothing,
/// an apply that changes exactly that, the same file again changes nothing, people missing from the file leave with their
/// accounts locked, a truncated file is stopped, and bad input is refused with a Swedish reason.
/// </summary>
public sealed class PersonalimportTests : IAsyncLifetime
{
    private const string Rubrik = "Anställningsnummer;Förnamn;Efternamn;E-post;Enhetskod;Enhetsnamn;Överordnad enhet;Chefens anställningsnummer;Slutdatum";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private PortalFactory _portal = null!;
    private Testdata _data = null!;

    public Task InitializeAsync()
    {
        _portal = new PortalFactory().WithClock(_clock);
        _ = _portal.Server;
        _data = new Testdata(_portal);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A municipality-wide unit KS (chef 1000), with units A and B under it and <paramref name="antal"/> employees spread over them.</summary>
    private static string Fil(int antal, params string[] extra)
    {
        var sb = new StringBuilder(Rubrik).Append('\n');
        sb.Append("1000;Åsa;Öhman;asa.ohman@kalix.test;KS;Kommunstyrelsen;;1000;\n");
        sb.Append("1001;Bo;Ängström;bo.angstrom@kalix.test;A;Äldreomsorg;KS;1001;\n");
        sb.Append("1002;Cecilia;Berg;cecilia.berg@kalix.test;B;Barn och utbildning;KS;1002;\n");
        for (var i = 3; i < antal; i++) sb.Append($"{1000 + i};Anna{i};Svensson;anna{i}@kalix.test;{(i % 2 == 0 ? "A" : "B")};{(i % 2 == 0 ? "Äldreomsorg" : "Barn och utbildning")};KS;{(i % 2 == 0 ? "1001" : "1002")};\n");
        foreach (var rad in extra) sb.Append(rad).Append('\n');
        return sb.ToString();
    }

    private static byte[] Utf8(string s, bool bom = false) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(s)];

    private async Task<(PersonalimportService Service, AsyncServiceScope Scope)> ServiceAsync()
    {
        var scope = _portal.ScopeFor("kalix", out _);
        return (scope.ServiceProvider.GetRequiredService<PersonalimportService>(), scope);
    }

    private async Task<Forhandsgranskning> ForhandsgranskaAsync(byte[] fil)
    {
        var (service, scope) = await ServiceAsync();
        await using var _ = scope;
        return (await service.ForhandsgranskaAsync(fil, await _data.PrincipalAsync("admin")))!;
    }

    private async Task<ChefsRekrytering.Workflows.CommandResult<Forhandsgranskning>> GenomforAsync(byte[] fil, bool bekrafta = false, string login = "admin")
    {
        var (service, scope) = await ServiceAsync();
        await using var _ = scope;
        return await service.GenomforAsync(fil, "personal.csv", bekrafta, await _data.PrincipalAsync(login));
    }

    private async Task<string> DatabasenAsync()
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        var people = await db.Personer.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Anstallningsnummer}:{p.Fornamn}:{p.Efternamn}:{p.Epost}:{p.EnhetId}:{p.Aktiv}:{p.AnstallningSlutar}").ToListAsync();
        var units = await db.Enheter.OrderBy(e => e.Id).Select(e => $"{e.Id}:{e.Kod}:{e.Namn}:{e.OverordnadId}:{e.ChefId}").ToListAsync();
        return string.Join("\n", people.Concat(units));
    }

    [Fact]
    public void LaserUtf8MedOchUtanBomOchWindows1252()
    {
        var text = Fil(3);
        var mappning = new Kolumnmappning { KommunId = "" };
        foreach (var bytes in new[] { Utf8(text), Utf8(text, bom: true), CodePages1252(text) })
        {
            var fil = PersonalimportParser.Parse(bytes, mappning);
            Assert.Empty(fil.Hinder);
            Assert.Equal(3, fil.Rader.Count);
            Assert.Equal(("Åsa", "Öhman", 2), (fil.Rader[0].Fornamn, fil.Rader[0].Efternamn, fil.Rader[0].Rad));
            Assert.Equal("Äldreomsorg", fil.Rader[1].Enhetsnamn);
        }
    }

    private static byte[] CodePages1252(string s)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(s);
    }

    [Fact]
    public async Task ForhandsgranskningenRaknarAndringarnaUtanAttAndraNagot()
    {
        var fore = await DatabasenAsync();
        var f = await ForhandsgranskaAsync(Utf8(Fil(10)));
        Assert.Empty(f.Hinder);
        Assert.Equal((10, 3, 3, 0, 0), (f.NyaPersoner.Count, f.NyaEnheter.Count, f.NyaChefer.Count, f.Lamnade.Count, f.Avvisade.Count));
        Assert.Equal(fore, await DatabasenAsync());
    }

    [Fact]
    public async Task ImportenSkaparEnheterPersonerOchCheferOchSammaFilIgenAndrarIngenting()
    {
        var fil = Utf8(Fil(10));
        var forsta = await GenomforAsync(fil);
        Assert.True(forsta.Result.Succeeded, string.Join(" ", forsta.Result.Reasons));

        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var ks = await db.Enheter.SingleAsync(e => e.Kod == "KS");
            var a = await db.Enheter.Include(e => e.Chef).SingleAsync(e => e.Kod == "A");
            Assert.Equal((ks.Id, "Bo Ängström"), (a.OverordnadId!.Value, a.Chef!.Namn));
            Assert.Equal(10, await db.Personer.CountAsync(p => p.Anstallningsnummer != null && p.Aktiv));
            Assert.Equal(a.Id, (await db.Personer.SingleAsync(p => p.Anstallningsnummer == "1004")).EnhetId);
            var logg = await db.Set<Personalimportlogg>().SingleAsync();
            Assert.Equal((10, 3), (logg.NyaPersoner, logg.NyaEnheter));
            Assert.Equal(fil, logg.Fil);
        }

        var fore = await DatabasenAsync();
        var igen = await GenomforAsync(fil);
        Assert.True(igen.Result.Succeeded);
        Assert.Equal(0, igen.Value!.Andringar);
        Assert.Equal(fore, await DatabasenAsync());
    }

    [Fact]
    public async Task DenSomSaknasIFilenSlutarOchKontotSparras()
    {
        Assert.True((await GenomforAsync(Utf8(Fil(30)))).Result.Succeeded);
        // Give Anna5 (1005) an account, as Admin would.
        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var anna = await db.Personer.SingleAsync(p => p.Anstallningsnummer == "1005");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.CreateAsync(new ApplicationUser { UserName = anna.Epost, Email = anna.Epost, KommunId = "kalix", Namn = anna.Namn, PersonId = anna.Id })).Succeeded);
        }

        var utanAnna = Fil(30).Replace("1005;Anna5;Svensson;anna5@kalix.test;B;Barn och utbildning;KS;1002;\n", "");
        var f = await ForhandsgranskaAsync(Utf8(utanAnna));
        Assert.Equal(["Anna5 Svensson (1005)"], f.Lamnade);
        Assert.True((await GenomforAsync(Utf8(utanAnna))).Result.Succeeded);

        await using (var scope = _portal.ScopeFor("kalix", out var db))
        {
            var anna = await db.Personer.SingleAsync(p => p.Anstallningsnummer == "1005");
            Assert.False(anna.Aktiv);
            var konto = await db.Users.SingleAsync(u => u.PersonId == anna.Id);
            Assert.True(konto.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        }
    }

    [Fact]
    public async Task EttPasseratSlutdatumGerAvgangOchEnChefSomSlutarLamnarEnhetenVakant()
    {
        Assert.True((await GenomforAsync(Utf8(Fil(10)))).Result.Succeeded);
        var bo = Fil(10).Replace("1001;Bo;Ängström;bo.angstrom@kalix.test;A;Äldreomsorg;KS;1001;", "1001;Bo;Ängström;bo.angstrom@kalix.test;A;Äldreomsorg;KS;1001;2026-10-31");
        var result = await GenomforAsync(Utf8(bo));
        Assert.Equal(["Bo Ängström (1001)"], result.Value!.Lamnade);
        await using var scope = _portal.ScopeFor("kalix", out var db);
        Assert.False((await db.Personer.SingleAsync(p => p.Anstallningsnummer == "1001")).Aktiv);
        Assert.Null((await db.Enheter.SingleAsync(e => e.Kod == "A")).ChefId);
    }

    [Fact]
    public async Task EnAvkortadFilStoppasUtanBekraftelse()
    {
        Assert.True((await GenomforAsync(Utf8(Fil(60)))).Result.Succeeded);
        var fore = await DatabasenAsync();
        var avkortad = Utf8(Fil(20));

        var nej = await GenomforAsync(avkortad);
        Assert.Equal(ChefsRekrytering.Workflows.Outcome.Refused, nej.Result.Outcome);
        Assert.Contains("Importen skulle markera 40 av", Assert.Single(nej.Result.Reasons));
        Assert.Equal(fore, await DatabasenAsync());

        var ja = await GenomforAsync(avkortad, bekrafta: true);
        Assert.True(ja.Result.Succeeded);
        Assert.Equal(40, ja.Value!.Lamnade.Count);
    }

    public static TheoryData<string, string> FelaktigaRader => new()
    {
        { "1003;Anna3;Dubblett;dubblett@kalix.test;A;Äldreomsorg;KS;1001;", "Anställningsnumret 1003 finns på flera rader" },
        { "2001;Eva;Fel;eva-utan-snabel-a;A;Äldreomsorg;KS;1001;", "E-postadressen ”eva-utan-snabel-a” är inte giltig." },
        { "2001;=HYPERLINK(\"x\");Fel;eva@kalix.test;A;Äldreomsorg;KS;1001;", "Cellen i kolumnen ”Förnamn” börjar med ”=” och kan vara en formel." },
        { "2001;Eva;Fel;eva@kalix.test;A;Äldreomsorg;KS;9999;", "Chefen med anställningsnummer 9999 finns inte som anställd i filen." },
        { "2001;Eva;Fel;eva@kalix.test;X;Slinga X;Y;2001;\n2002;Per;Fel;per@kalix.test;Y;Slinga Y;X;2002;", "Enheten X ligger i en slinga i organisationsträdet: X → Y → X." },
        { "2001;Eva;Fel;eva@kalix.test;X;Okänd;ZZ;;", "Överordnad enhet ”ZZ” finns varken i filen eller i portalen." },
    };

    [Theory]
    [MemberData(nameof(FelaktigaRader))]
    public async Task EnFelaktigRadAvvisasMedSkalOchAndrarIngenting(string rad, string orsak)
    {
        Assert.True((await GenomforAsync(Utf8(Fil(10)))).Result.Succeeded);
        var fore = await DatabasenAsync();

        var result = await GenomforAsync(Utf8(Fil(10, rad)));
        Assert.True(result.Result.Succeeded);
        Assert.Contains(result.Value!.Avvisade, a => a.Orsak.Contains(orsak));
        Assert.Equal(0, result.Value.Andringar);
        Assert.Equal(fore, await DatabasenAsync());
    }

    [Fact]
    public async Task EnFilUtanEnKolumnEllerForStorAvvisasHelt()
    {
        var fore = await DatabasenAsync();
        var utanEpost = Fil(5).Replace("E-post;", "Mejl;");
        var result = await GenomforAsync(Utf8(utanEpost));
        Assert.Equal(["Kolumnen ”E-post” saknas i filen. Hela filen är avvisad."], result.Result.Reasons);

        var stor = new byte[PersonalimportParser.MaxBytes + 1];
        Assert.StartsWith("Filen är för stor", Assert.Single((await GenomforAsync(stor)).Result.Reasons));
        Assert.Equal(fore, await DatabasenAsync());
    }

    [Fact]
    public async Task OlikaCheferForSammaEnhetVarnasIForhandsgranskningenOchDenForstaBlirChef()
    {
        // Unit A's rows name 1001 as chef, and one of them 1005 (an employee of B).
        var fil = Utf8(Fil(6, "1006;Fia;Gran;fia.gran@kalix.test;A;Äldreomsorg;KS;1005;"));
        var admin = await _data.InloggadAsync("admin");
        var response = await admin.PostMultipartAsync("/admin/personalimport?handler=Forhandsgranska", [], [new("Fil", "personal.csv", fil)], formPage: "/admin/personalimport");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        var varning = Assert.Single(page.QuerySelectorAll("section .notice li"));
        Assert.Equal("Enheten Äldreomsorg (A) har olika chefer på olika rader: anställningsnummer 1001, 1005. Importen gör 1001, som står först i filen, till chef.",
            varning.TextContent);
        Assert.Empty((await ForhandsgranskaAsync(Utf8(Fil(6)))).Varningar);

        var result = await GenomforAsync(fil);
        Assert.True(result.Result.Succeeded);
        await using var scope = _portal.ScopeFor("kalix", out var db);
        Assert.Equal("1001", (await db.Enheter.Include(e => e.Chef).SingleAsync(e => e.Kod == "A")).Chef!.Anstallningsnummer);
    }

    [Fact]
    public async Task BaraAdminFarImportera()
    {
        var fore = await DatabasenAsync();
        var result = await GenomforAsync(Utf8(Fil(5)), login: "hr");
        Assert.Equal(["Bara kommunens administratör kan importera personal."], result.Result.Reasons);
        Assert.Equal(fore, await DatabasenAsync());
        var hr = await _data.InloggadAsync("hr");
        Assert.NotEqual(HttpStatusCode.OK, (await hr.GetAsync("/admin/personalimport")).StatusCode);
    }

    [Fact]
    public async Task AdminForhandsgranskarOchGenomforPaSidan()
    {
        var admin = await _data.InloggadAsync("admin");
        var fil = Utf8(Fil(6), bom: true);
        var preview = await admin.PostMultipartAsync("/admin/personalimport?handler=Forhandsgranska", [], [new("Fil", "personal.csv", fil)], formPage: "/admin/personalimport");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = PortalClient.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Det här skulle ändras", page.Body!.TextContent);
        var kontrollsumma = page.QuerySelector("input[name=Kontrollsumma]")!.GetAttribute("value")!;

        var apply = await admin.PostMultipartAsync("/admin/personalimport?handler=Genomfor", new() { ["Kontrollsumma"] = kontrollsumma },
            [new("Fil", "personal.csv", fil)], formPage: "/admin/personalimport");
        apply.AssertRedirect();
        var after = await admin.PageAsync("/admin/personalimport");
        Assert.Contains("6 nya", after.QuerySelector("table")!.TextContent);
        var download = after.QuerySelector("a[href*='handler=Fil']")!.GetAttribute("href")!;
        Assert.Equal(fil, await (await admin.GetAsync(download)).Content.ReadAsByteArrayAsync());

        await using var scope = _portal.ScopeFor("kalix", out var db);
        Assert.Equal(6, await db.Personer.CountAsync(p => p.Anstallningsnummer != null));
    }
}
