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
    public async Task AdminGerRollOchDenGallerVidNastaInloggning()
    {
        var juryId = await UserIdAsync("jury@alvsbyn.example");
        var admin = await PortalClient.For(portal).SignInAsync("alvsbyn", "admin");
        var response = await admin.PostFormAsync($"/admin/anvandare/{juryId}", [new("Valda", "Medarbetare"), new("Valda", "Jury"), new("Valda", "HR")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await IsInRoleAsync("jury@alvsbyn.example", "HR"));
        Assert.True(await IsInRoleAsync("jury@alvsbyn.example", "Jury"));
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
        var response = await admin.PostFormAsync("/admin/anvandare", [new("Input.PersonId", sofia), new("Input.Roller", "Jury"), new("Input.Losenord", "Ett-langt-losenord-1")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var sofiaClient = PortalClient.For(portal);
        var login = await sofiaClient.PostFormAsync("/konto/logga-in", new() { ["Input.Epost"] = "sofia.karlsson@kalix.example", ["Input.Losenord"] = "Ett-langt-losenord-1" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(await IsInRoleAsync("sofia.karlsson@kalix.example", "Jury"));
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
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChefsRekrytering.Konton.ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    private async Task<bool> IsInRoleAsync(string email, string role)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ChefsRekrytering.Konton.ApplicationUser>>();
        return await users.IsInRoleAsync((await users.FindByEmailAsync(email))!, role);
    }
}
