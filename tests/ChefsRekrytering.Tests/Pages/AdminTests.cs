using System.Net;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Pages;

public class AdminTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task AdminSerBaraSinKommunsKonton()
    {
        var page = await (await PortalClient.For(portal).SignInAsync("kalix", "admin")).PageAsync("/admin/anvandare");
        var text = page.QuerySelector("table")!.TextContent;
        Assert.Contains("hr@kalix.example", text);
        Assert.DoesNotContain("alvsbyn", text);
    }

    [Fact]
    public async Task AdminKanInteOppnaEllerAndraAnnanKommunsKonto()
    {
        var alvsbynHr = await UserIdAsync("hr@alvsbyn.example");
        var client = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/anvandare/{alvsbynHr}")).StatusCode);

        var post = await client.PostFormAsync($"/admin/anvandare/{alvsbynHr}", [new("Valda", "Admin")], formPage: "/admin/anvandare");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await IsInRoleAsync("hr@alvsbyn.example", "Admin"));
    }

    [Fact]
    public async Task HrOchJuryGesForstNarEnAndraPersonGodkanner()
    {
        var juryId = await UserIdAsync("jury@alvsbyn.example");
        var admin = await PortalClient.For(portal).SignInAsync("alvsbyn", "admin");
        var response = await admin.PostFormAsync($"/admin/anvandare/{juryId}", [new("Valda", "Medarbetare"), new("Valda", "Jury"), new("Valda", "HR")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await IsInRoleAsync("jury@alvsbyn.example", "HR")); // asked for, not given
        Assert.Contains("väntar på att en andra person", (await admin.PageAsync("/admin/anvandare")).QuerySelector("[role=status]")!.TextContent);
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
            Assert.True(await db.Set<ChefsRekrytering.Notifications.OutboxMessage>().AnyAsync(m => m.Topic == $"Rollbegaran:{juryId}" && m.ToAddress == "hr@alvsbyn.example"));

        // The admin who asked cannot approve it, not even by posting the form.
        var adminsSida = await admin.PageAsync("/behorigheter");
        var rad = adminsSida.QuerySelectorAll("#vantande-rubrik ~ div tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Robert Stenberg");
        Assert.Empty(rad.QuerySelectorAll("button"));
        var id = await BegaranIdAsync("alvsbyn", juryId, "HR");
        var egen = await admin.PostFormAsync("/behorigheter?handler=Godkann", new() { ["id"] = id.ToString() }, formPage: "/behorigheter");
        Assert.Contains("Den som begärde rollen kan inte själv godkänna den", await egen.Content.ReadAsStringAsync());
        Assert.False(await IsInRoleAsync("jury@alvsbyn.example", "HR"));

        // HR, a second person, approves; and sees what Admin did.
        var hr = await PortalClient.For(portal).SignInAsync("alvsbyn", "hr");
        Assert.Equal(HttpStatusCode.Redirect, (await hr.PostFormAsync("/behorigheter?handler=Godkann", new() { ["id"] = id.ToString() }, formPage: "/behorigheter")).StatusCode);
        Assert.True(await IsInRoleAsync("jury@alvsbyn.example", "HR"));
        var logg = (await hr.PageAsync("/behorigheter")).QuerySelector("#andringar-rubrik")!.ParentElement!.TextContent;
        Assert.Contains("Begärde rollen HR för Robert Stenberg", logg);
        Assert.Contains("Godkände rollen HR för Robert Stenberg, begärd av Daniel Granström", logg);
    }

    [Fact]
    public async Task AdminKanInteGeSigSjalvHr()
    {
        var adminId = await UserIdAsync("admin@kalix.example");
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        await admin.PostFormAsync($"/admin/anvandare/{adminId}", [new("Valda", "Medarbetare"), new("Valda", "Admin"), new("Valda", "HR")]);
        var id = await BegaranIdAsync("kalix", adminId, "HR");
        var response = await admin.PostFormAsync("/behorigheter?handler=Godkann", new() { ["id"] = id.ToString() }, formPage: "/behorigheter");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Du kan inte besluta om en roll till dig själv.", html);
        Assert.False(await IsInRoleAsync("admin@kalix.example", "HR"));
        // Nor can the admin read what HR reads.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/avveckling")).StatusCode);
    }

    [Fact]
    public async Task AndringarAvOrganisationenSynsForHr()
    {
        var admin = await PortalClient.For(portal).SignInAsync("ljusnarsberg", "hr"); // HR and Admin in a small municipality
        var org = await admin.PageAsync("/admin/organisation");
        var enhet = OptionValue(org, "Chefsbyte.EnhetId", "Kommunledning");
        var response = await admin.PostFormAsync("/admin/organisation?handler=Chef", new() { ["Chefsbyte.EnhetId"] = enhet, ["Chefsbyte.ChefId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var hr = await PortalClient.For(portal).SignInAsync("ljusnarsberg", "hr");
        var logg = (await hr.PageAsync("/behorigheter")).QuerySelector("#andringar-rubrik")!.ParentElement!.TextContent;
        Assert.Matches("Chef för Kommunledning.*: från .+ till vakant", logg);
    }

    [Fact]
    public async Task AdminKanInteTaBortSinEgenAdminroll()
    {
        var adminId = await UserIdAsync("admin@kalix.example");
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var response = await admin.PostFormAsync($"/admin/anvandare/{adminId}", [new("Valda", "Medarbetare")]);
        Assert.Contains("Du kan inte ta bort din egen administratörsroll.", await response.Content.ReadAsStringAsync());
        Assert.True(await IsInRoleAsync("admin@kalix.example", "Admin"));
    }

    [Fact]
    public async Task NyEnhetMedChefVisasMedHarleddNarmastHogreChef()
    {
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var org = await admin.PageAsync("/admin/organisation");
        var soc = OptionValue(org, "NyEnhet.OverordnadId", "Socialförvaltningen");
        var henrik = OptionValue(org, "NyEnhet.ChefId", "Henrik Wikström");

        var response = await admin.PostFormAsync("/admin/organisation?handler=Enhet", new()
        {
            ["NyEnhet.Namn"] = "Korttidsboendet Strand", ["NyEnhet.Typ"] = "Enhet", ["NyEnhet.OverordnadId"] = soc, ["NyEnhet.ChefId"] = henrik,
        }, formPage: "/admin/organisation");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var row = (await admin.PageAsync("/admin/organisation")).QuerySelectorAll("tbody tr")
            .Single(r => r.TextContent.Contains("Korttidsboendet Strand"));
        Assert.Contains("Henrik Wikström", row.TextContent);
        Assert.Contains("Anders Nilsson", row.TextContent); // the socialchef is the new chef's närmast högre chef

        var other = await (await PortalClient.For(portal).SignInAsync("alvsbyn", "admin")).PageAsync("/admin/organisation");
        Assert.DoesNotContain("Korttidsboendet Strand", other.Body!.TextContent);
    }

    [Fact]
    public async Task EnhetMedOverordnadFranAnnanKommunAvvisas()
    {
        int alvsbynUnit;
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
            alvsbynUnit = await db.Enheter.Select(e => e.Id).FirstAsync();
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var response = await admin.PostFormAsync("/admin/organisation?handler=Enhet", new()
        {
            ["NyEnhet.Namn"] = "Smuggelenhet", ["NyEnhet.Typ"] = "Enhet", ["NyEnhet.OverordnadId"] = alvsbynUnit.ToString(),
        }, formPage: "/admin/organisation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enheten finns inte.", await response.Content.ReadAsStringAsync());
        await using var check = portal.ScopeFor("kalix", out var read);
        Assert.False(await read.Enheter.AnyAsync(e => e.Namn == "Smuggelenhet"));
    }

    [Fact]
    public async Task AdminSkaparKontoForAnstalldSomSedanKanLoggaIn()
    {
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var page = await admin.PageAsync("/admin/anvandare");
        var sofia = OptionValue(page, "Input.PersonId", "Sofia Karlsson");
        var response = await admin.PostFormAsync("/admin/anvandare", [new("Input.PersonId", sofia), new("Input.Roller", "Rekryterande chef")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // No one but Sofia knows her password: she chooses it from the link mailed to her.
        string link;
        await using (var scope = portal.ScopeFor("kalix", out var db))
            link = System.Text.RegularExpressions.Regex.Match((await db.Set<ChefsRekrytering.Notifications.OutboxMessage>()
                .SingleAsync(m => m.ToAddress == "sofia.karlsson@kalix.example" && m.Topic.StartsWith("Konto:"))).TextBody, @"https?://[^\s)]+/konto/valj-losenord\?id=[^\s)]+&token=[^\s)]+").Value;
        var sofiaClient = PortalClient.For(portal);
        var setPassword = new Uri(link).PathAndQuery;
        var chosen = await sofiaClient.PostFormAsync(setPassword, new() { ["Input.Losenord"] = "Ett-langt-losenord-1", ["Input.Upprepa"] = "Ett-langt-losenord-1" }, formPage: setPassword);
        Assert.True(chosen.StatusCode == HttpStatusCode.Redirect, PortalClient.Parse(await chosen.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        var login = await sofiaClient.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "sofia.karlsson@kalix.example", ["Input.Losenord"] = "Ett-langt-losenord-1" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(await IsInRoleAsync("sofia.karlsson@kalix.example", "Rekryterande chef"));
        // The account's creation is in the log HR reads.
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        Assert.Contains("Konto för Sofia Karlsson", (await hr.PageAsync("/behorigheter")).Body!.TextContent);
    }

    [Fact]
    public async Task AnstalldSomHarSlutatKanInteLoggaInOchBjudsInteInTillAretsChef()
    {
        await using var egen = new PortalFactory(); // the person leaves for good: not in the shared portal
        var admin = await PortalClient.For(egen).SignInAsync("kalix", "admin");
        var org = await admin.PageAsync("/admin/organisation");

        // A chef leaves only once their unit has a new chef (or none).
        var karin = await admin.PostFormAsync("/admin/organisation?handler=Avslut",
            new() { ["Avslut.PersonId"] = OptionValue(org, "Avslut.PersonId", "Karin Öberg") }, formPage: "/admin/organisation");
        Assert.Contains("Karin Öberg är chef för Hemtjänst", await karin.Content.ReadAsStringAsync());

        var emma = OptionValue(org, "Avslut.PersonId", "Emma Johansson");
        var response = await admin.PostFormAsync("/admin/organisation?handler=Avslut", new() { ["Avslut.PersonId"] = emma }, formPage: "/admin/organisation");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await admin.PageAsync("/admin/organisation");
        Assert.Contains("Emma Johansson är markerad som slutad", after.QuerySelector("[role=status]")!.TextContent);
        Assert.DoesNotContain(after.QuerySelectorAll("select[name='Chefsbyte.ChefId'] option"), o => o.TextContent.Contains("Emma Johansson"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalClient.For(egen).SignInAsync("kalix", "medarbetare"));
        await using var scope = egen.ScopeFor("kalix", out var db);
        Assert.False(await ChefsRekrytering.AretsChef.AretsChefService.Inbjudna(db.Personer).AnyAsync(p => p.Id == int.Parse(emma)));
        Assert.True(await db.Personer.AnyAsync(p => p.Id == int.Parse(emma))); // the person and their records stay
    }

    private static string OptionValue(AngleSharp.Html.Dom.IHtmlDocument page, string selectName, string text) =>
        page.QuerySelector($"select[name='{selectName}']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains(text)).GetAttribute("value")!;

    private async Task<string> UserIdAsync(string email)
    {
        // Accounts are read through their municipality's filter, like every record: the demo address names it.
        await using var scope = portal.ScopeFor(email.Split('@')[1].Split('.')[0], out _);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChefsRekrytering.Konton.ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private async Task<int> BegaranIdAsync(string kommun, string userId, string roll)
    {
        await using var scope = portal.ScopeFor(kommun, out var db);
        return await db.Set<ChefsRekrytering.Konton.Rollbegaran>().Where(r => r.UserId == userId && r.Roll == roll && r.Lage == ChefsRekrytering.Konton.RollbegaranLage.Vantar)
            .Select(r => r.Id).SingleAsync();
    }

    private async Task<bool> IsInRoleAsync(string email, string role)
    {
        // Accounts are read through their municipality's filter, like every record: the demo address names it.
        await using var scope = portal.ScopeFor(email.Split('@')[1].Split('.')[0], out _);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChefsRekrytering.Konton.ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role);
    }
}
