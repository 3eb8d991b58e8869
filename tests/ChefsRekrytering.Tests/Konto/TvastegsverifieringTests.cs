using System.Net;
using System.Text.RegularExpressions;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace ChefsRekrytering.Tests.Konto;

/// <summary>The portal as in production: HR and Admin sign in with a password and a code from an authenticator app.</summary>
public sealed class TvastegPortal : PortalFactory
{
    public TvastegPortal() => With("Security:Tvastegsverifiering:Kravs", "true");
}

public partial class TvastegsverifieringTests(TvastegPortal portal) : IClassFixture<TvastegPortal>
{
    [Fact]
    public async Task HrSlarPaAppenVidForstaInloggningenOchLoggarSedanInMedKodEllerReservkod()
    {
        // The password alone gives no session: HR is sent to set up the app, and comes back where they were going.
        var hr = PortalClient.For(portal);
        var svar = await LosenordAsync(hr, "hr", "/rekrytering");
        Assert.Equal("/konto/tvastegsverifiering?ReturnUrl=%2Frekrytering", svar.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await hr.GetAsync("/rekrytering")).StatusCode);

        var sida = await hr.PageAsync(svar.Headers.Location.OriginalString);
        Assert.NotNull(sida.QuerySelector("figure.qr svg"));
        var nyckel = sida.QuerySelector("#nyckel")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var fel = await hr.PostFormAsync("/konto/tvastegsverifiering?ReturnUrl=%2Frekrytering", new() { ["Kod"] = FelKod(nyckel) });
        Assert.Contains("Koden stämmer inte", Main(await fel.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await hr.GetAsync("/rekrytering")).StatusCode);

        var ratt = await hr.PostFormAsync("/konto/tvastegsverifiering?ReturnUrl=%2Frekrytering", new() { ["Kod"] = Kod(nyckel) });
        var kvitto = PortalClient.Parse(await ratt.Content.ReadAsStringAsync());
        var reservkoder = kvitto.QuerySelectorAll(".reservkoder code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, reservkoder.Count);
        Assert.Equal("/rekrytering", kvitto.QuerySelector("a.button.primary")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/rekrytering")).StatusCode);

        // Next time: password, then the code.
        var igen = PortalClient.For(portal);
        Assert.StartsWith("/konto/verifiera", (await LosenordAsync(igen, "hr", "/rekrytering")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await igen.GetAsync("/rekrytering")).StatusCode);
        var gissning = await igen.PostFormAsync("/konto/verifiera?ReturnUrl=%2Frekrytering", new() { ["Kod"] = FelKod(nyckel) }, formPage: "/konto/verifiera");
        Assert.Contains("Koden stämmer inte", Main(await gissning.Content.ReadAsStringAsync()));
        // The app's next code (the one just used to switch on is spent), within the step either side a phone's clock may be off.
        var inne = await igen.PostFormAsync("/konto/verifiera?ReturnUrl=%2Frekrytering", new() { ["Kod"] = Kod(nyckel, steg: 1) });
        Assert.Equal("/rekrytering", inne.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await igen.GetAsync("/rekrytering")).StatusCode);

        // A code once accepted is spent: seen over a shoulder, it opens nothing (RFC 6238, 5.2).
        var axel = PortalClient.For(portal);
        await LosenordAsync(axel, "hr");
        var igenSammaKod = await axel.PostFormAsync("/konto/verifiera", new() { ["Kod"] = Kod(nyckel, steg: 1) });
        Assert.Contains("Koden stämmer inte", Main(await igenSammaKod.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await axel.GetAsync("/rekrytering")).StatusCode);

        // HR may not switch it off.
        var av = await igen.PostFormAsync("/konto/tvastegsverifiering?handler=StangAv", new(), formPage: "/konto/tvastegsverifiering");
        Assert.Contains("måste du logga in med tvåstegsverifiering", Main(await av.Content.ReadAsStringAsync()));

        // A lost phone: a recovery code works once.
        var utanTelefon = PortalClient.For(portal);
        await LosenordAsync(utanTelefon, "hr");
        var reserv = await utanTelefon.PostFormAsync("/konto/verifiera?handler=Reservkod", new() { ["Reservkod"] = reservkoder[0] }, formPage: "/konto/verifiera");
        Assert.Equal(HttpStatusCode.Redirect, reserv.StatusCode);
        Assert.Contains("9 reservkoder kvar", Main(await (await utanTelefon.GetAsync(reserv.Headers.Location!.OriginalString)).Content.ReadAsStringAsync()));
        var andra = PortalClient.For(portal);
        await LosenordAsync(andra, "hr");
        var sammaKod = await andra.PostFormAsync("/konto/verifiera?handler=Reservkod", new() { ["Reservkod"] = reservkoder[0] }, formPage: "/konto/verifiera");
        Assert.Contains("Reservkoden stämmer inte eller är redan använd", Main(await sammaKod.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await andra.GetAsync("/rekrytering")).StatusCode);

        // Without the half-way sign-in, the code page is no way in.
        Assert.StartsWith("/konto/logga-in", (await PortalClient.For(portal).GetAsync("/konto/verifiera")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EnMedarbetareLoggarInUtanAppMenKanSlaPaOchStangaAvDen()
    {
        var emma = PortalClient.For(portal);
        Assert.Equal("/", (await LosenordAsync(emma, "medarbetare")).Headers.Location!.OriginalString);
        var sida = await emma.PageAsync("/konto/tvastegsverifiering");
        Assert.Contains("Skydda ditt konto", Main(sida.DocumentElement.OuterHtml));
        var nyckel = sida.QuerySelector("#nyckel")!.TextContent.Replace(" ", "").ToUpperInvariant();
        await emma.PostFormAsync("/konto/tvastegsverifiering", new() { ["Kod"] = Kod(nyckel) });
        Assert.Equal(HttpStatusCode.OK, (await emma.GetAsync("/mina-uppgifter")).StatusCode); // still signed in after the new stamp

        Assert.StartsWith("/konto/verifiera", (await LosenordAsync(PortalClient.For(portal), "medarbetare")).Headers.Location!.OriginalString);
        var av = await emma.PostFormAsync("/konto/tvastegsverifiering?handler=StangAv", new(), formPage: "/konto/tvastegsverifiering");
        Assert.StartsWith("/konto/logga-in", av.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await emma.GetAsync("/mina-uppgifter")).StatusCode); // signed out everywhere
        Assert.Equal("/", (await LosenordAsync(PortalClient.For(portal), "medarbetare")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FelKoderBromsarOchAdminKanStangaAvAppenForDenSomTappatAllt()
    {
        // Jury is not required to use the app; it has one here, and guesses from one place are braked.
        var oskar = PortalClient.For(portal);
        await LosenordAsync(oskar, "jury");
        var nyckel = (await oskar.PageAsync("/konto/tvastegsverifiering")).QuerySelector("#nyckel")!.TextContent.Replace(" ", "").ToUpperInvariant();
        await oskar.PostFormAsync("/konto/tvastegsverifiering", new() { ["Kod"] = Kod(nyckel) });

        var gissare = PortalClient.For(portal);
        await LosenordAsync(gissare, "jury");
        string sista = "";
        for (var i = 0; i < 5; i++)
        {
            var fel = await gissare.PostFormAsync("/konto/verifiera", new() { ["Kod"] = FelKod(nyckel) });
            Assert.Equal(HttpStatusCode.OK, fel.StatusCode);
            sista = Main(await fel.Content.ReadAsStringAsync());
        }
        Assert.Contains("För många misslyckade försök", sista);
        var ratt = await gissare.PostFormAsync("/konto/verifiera", new() { ["Kod"] = Kod(nyckel, steg: 1) }, formPage: "/konto/verifiera");
        Assert.Contains("För många misslyckade försök", Main(await ratt.Content.ReadAsStringAsync()));

        // Admin switches it off (Admin itself sets up the app first: the role requires it).
        var admin = PortalClient.For(portal);
        await LosenordAsync(admin, "admin");
        var adminNyckel = (await admin.PageAsync("/konto/tvastegsverifiering")).QuerySelector("#nyckel")!.TextContent.Replace(" ", "").ToUpperInvariant();
        await admin.PostFormAsync("/konto/tvastegsverifiering", new() { ["Kod"] = Kod(adminNyckel) });
        string juryId;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            juryId = await db.Users.Where(u => u.Email == DemoSeeder.LoginFor("kalix", "jury")).Select(u => u.Id).SingleAsync();
        var sida = await admin.PageAsync($"/admin/anvandare/{juryId}");
        Assert.Contains("Påslagen", sida.QuerySelector("main")!.TextContent);
        var nollstalld = await admin.PostFormAsync($"/admin/anvandare/{juryId}?handler=Tvasteg", new(), formPage: $"/admin/anvandare/{juryId}");
        Assert.Equal(HttpStatusCode.Redirect, nollstalld.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await oskar.GetAsync("/mina-uppgifter")).StatusCode); // the session ended
        Assert.Equal("/", (await LosenordAsync(PortalClient.For(portal), "jury")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GlomtLosenordSkickarEnLankTillKontotsAdressOchBerattarInteVemSomHarKonto()
    {
        var adress = DemoSeeder.LoginFor("alvsbyn", "medarbetare");
        var svar = await PortalClient.For(portal).PostFormAsync("/konto/glomt-losenord", new() { ["Epost"] = adress });
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        var okand = await PortalClient.For(portal).PostFormAsync("/konto/glomt-losenord", new() { ["Epost"] = "ingen.alls@alvsbyn.example" });
        Assert.Equal(svar.Headers.Location, okand.Headers.Location);

        string lank;
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
        {
            var mejl = await db.Set<OutboxMessage>().Where(m => m.Topic.StartsWith("Losenord:")).ToListAsync();
            var mejlet = Assert.Single(mejl);
            Assert.Equal(adress, mejlet.ToAddress);
            lank = Lank().Match(mejlet.TextBody).Value;
        }
        var person = PortalClient.For(portal);
        await person.PageAsync(lank);
        var valt = await person.PostFormAsync(lank, new()
        {
            ["Input.Losenord"] = "NyttLosenord2027", ["Input.Upprepa"] = "NyttLosenord2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, valt.StatusCode);
        var inloggad = await PortalClient.For(portal).PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = adress, ["Input.Losenord"] = "NyttLosenord2027" });
        Assert.Equal("/", inloggad.Headers.Location!.OriginalString);

        // The link chose a password once; used again, it says so.
        var igen = await person.PostFormAsync(lank, new()
        {
            ["Input.Losenord"] = "AnnatLosenord2027", ["Input.Upprepa"] = "AnnatLosenord2027",
        }, formPage: lank);
        Assert.Contains("Länken är ogiltig eller har gått ut", Main(await igen.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> LosenordAsync(PortalClient client, string login, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Epost"] = DemoSeeder.LoginFor("kalix", login), ["Input.Losenord"] = DemoSeeder.DemoPassword };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        var svar = await client.PostFormAsync("/konto/logga-in", fields, formPage: "/konto/logga-in");
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        return svar;
    }

    /// <summary>What the person's authenticator app shows now.</summary>
    private static string Kod(string nyckel, int steg = 0) => new Totp(Base32Encoding.ToBytes(nyckel)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steg));

    /// <summary>A code the app does not show now nor in the steps around it.</summary>
    private static string FelKod(string nyckel)
    {
        var totp = new Totp(Base32Encoding.ToBytes(nyckel));
        var nara = Enumerable.Range(-3, 7).Select(s => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * s))).ToHashSet();
        var kod = 123456;
        while (nara.Contains(kod.ToString("D6"))) kod++;
        return kod.ToString("D6");
    }

    private static string Main(string html) => PortalClient.Parse(html).QuerySelector("main")!.TextContent;

    [GeneratedRegex(@"/konto/valj-losenord\?id=[^\s)]+&token=[^\s)]+")]
    private static partial Regex Lank();
}
