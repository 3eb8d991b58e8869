using ChefsRekrytering.Aterkoppling;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Aterkoppling;

/// <summary>The feedback forms as a browser posts them, and Kalix employees with accounts to answer with.</summary>
internal static class AterkopplingData
{
    /// <summary>The round's year: this year by the portal's clock (the tests run on the real clock).</summary>
    public static int Ar => SwedishTimeYear();

    private static int SwedishTimeYear() => Calendar.SwedishTime.ToLocal(DateTime.UtcNow).Year;

    /// <summary>HR opens this year's round through /aterkoppling/oversikt.</summary>
    public static async Task<HttpResponseMessage> OppnaAsync(PortalFactory portal)
    {
        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        return await hr.PostFormAsync("/aterkoppling/oversikt?handler=Oppna", new()
        {
            ["Ny.Ar"] = Ar.ToString(), ["Ny.SistaDag"] = DateOnly.FromDateTime(DateTime.Today.AddDays(14)).ToString("yyyy-MM-dd"),
        });
    }

    /// <summary>
    /// <paramref name="antal"/> new employees of Hemtjänst Centrum (Karin Öberg's unit), each with an account that signs in
    /// as "<paramref name="prefix"/>N"; their logins.
    /// </summary>
    public static async Task<List<string>> MedarbetareAsync(PortalFactory portal, int antal, string prefix = "hemtj")
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var enhet = await db.Enheter.SingleAsync(e => e.Namn == "Hemtjänst Centrum");
        var logins = new List<string>();
        for (var i = 1; i <= antal; i++)
        {
            var login = $"{prefix}{i}";
            var person = new Person { KommunId = "kalix", Fornamn = $"Medarbetare{i}", Efternamn = prefix, Epost = DemoSeeder.LoginFor("kalix", login), EnhetId = enhet.Id };
            db.Personer.Add(person);
            await db.SaveChangesAsync();
            var user = new ApplicationUser { UserName = person.Epost, Email = person.Epost, EmailConfirmed = true, KommunId = "kalix", Namn = person.Namn, PersonId = person.Id };
            Assert.True((await users.CreateAsync(user, DemoSeeder.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roller.Medarbetare)).Succeeded);
            logins.Add(login);
        }
        return logins;
    }

    /// <summary>Posts the answer form of /aterkoppling as the signed-in employee: <paramref name="betyg"/> on every requirement.</summary>
    public static Task<HttpResponseMessage> SvaraAsync(this PortalClient client, PortalFactory portal, int chefPersonId, Betyg betyg = Betyg.Val,
        string? fritext = null, int? ar = null)
    {
        var falt = new Dictionary<string, string> { ["Svar.Ar"] = (ar ?? Ar).ToString(), ["Svar.ChefPersonId"] = chefPersonId.ToString() };
        foreach (var k in portal.Services.GetRequiredService<PolicyLibrary>().Get("kalix").AllaKrav) falt[$"Svar.Betyg[{k.Id}]"] = betyg.ToString();
        if (fritext is not null) falt["Svar.Fritext"] = fritext;
        return client.PostFormAsync("/aterkoppling", falt);
    }

    public static async Task<(int Deltagande, int Svar)> AntalAsync(PortalFactory portal)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return (await db.Set<AterkopplingDeltagande>().CountAsync(), await db.Set<AterkopplingSvar>().CountAsync());
    }

    public static async Task<string> TextAsync(this PortalClient client, string url) => (await client.PageAsync(url)).QuerySelector("main")!.TextContent;
}
