using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Introduktioner;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Scheduling;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Data;

/// <summary>
/// No lookup reaches another municipality's records, accounts included: every table that holds a municipality's data is
/// filtered, Identity's own lookups go through the same filter, and an address typed in one municipality never claims
/// another municipality's account.
/// </summary>
public class KommunIsoleringTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    /// <summary>Tables with no municipality of their own, and why that is safe. A new table must be added here or carry one.</summary>
    private static readonly Dictionary<string, string> UtanKommun = new()
    {
        ["Kommun"] = "the municipalities themselves",
        ["IdentityRole"] = "the role names, the same for all",
        ["IdentityRoleClaim<string>"] = "claims of the shared roles (unused)",
        ["IdentityUserRole<string>"] = "read only by account id, after the account was found through its filter",
        ["IdentityUserClaim<string>"] = "read only by account id",
        ["IdentityUserLogin<string>"] = "read only by account id",
        ["IdentityUserToken<string>"] = "read only by account id",
        ["DataProtectionKey"] = "the keys of the deployment",
        ["UserSession"] = "found only by the secret key in the cookie; deleted with the account's rights",
        ["InloggningsForsok"] = "a hash of address and source, before anyone is signed in",
        ["OutboxAttachment"] = "read only with its mail, which is filtered",
        ["MotesDeltagare"] = "read only with its meeting, which is filtered",
        ["PendingBlobDeletion"] = "storage keys to delete; no personal data",
    };

    [Fact]
    public async Task VarjeTabellTillhorEnKommunOchFiltrerasEllerArUndantagenMedSkal()
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            var name = entity.ClrType.Name.Replace("`1", "<string>");
            var hasKommun = typeof(IKommunEntity).IsAssignableFrom(entity.ClrType);
            if (hasKommun && entity.GetDeclaredQueryFilters().Count == 0) problems.Add($"{name} har kommun men inget filter");
            if (!hasKommun && !UtanKommun.ContainsKey(name)) problems.Add($"{name} har ingen kommun och inget skäl i listan");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(db.Model.GetEntityTypes(), e => e.ClrType == typeof(ApplicationUser) && e.GetDeclaredQueryFilters().Count > 0);
    }

    [Fact]
    public async Task IngenTabellVisarEnAnnanKommunsRader()
    {
        await using var scope = portal.ScopeFor("vindeln", out var db);
        var visible = new List<string>();
        var othersExist = 0;
        foreach (var type in db.Model.GetEntityTypes().Where(e => e.BaseType is null && typeof(IKommunEntity).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType))
        {
            var (seen, all) = await (Task<(int, int)>)typeof(KommunIsoleringTests).GetMethod(nameof(CountOthersAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, [db, "vindeln"])!;
            if (seen > 0) visible.Add($"{type.Name}: {seen}");
            if (all > 0) othersExist++;
        }
        Assert.True(visible.Count == 0, string.Join(", ", visible));
        Assert.True(othersExist >= 5, "testdatan ska ha poster i andra kommuner att inte se");
    }

    private static async Task<(int Seen, int All)> CountOthersAsync<T>(AppDbContext db, string kommunId) where T : class, IKommunEntity =>
        (await db.Set<T>().CountAsync(e => e.KommunId != kommunId), await db.Set<T>().IgnoreQueryFilters().CountAsync(e => e.KommunId != kommunId));

    [Fact]
    public async Task IdentitysUppslagSerBaraDenEgnaKommunensKonton()
    {
        await using var scope = portal.ScopeFor("kalix", out _);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var alvsbynHr = "hr@alvsbyn.example";
        Assert.Null(await users.FindByEmailAsync(alvsbynHr));
        Assert.Null(await users.FindByNameAsync(alvsbynHr));
        string alvsbynId;
        await using (var other = portal.ScopeFor("alvsbyn", out _))
            alvsbynId = (await other.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(alvsbynHr))!.Id;
        Assert.Null(await users.FindByIdAsync(alvsbynId));
        Assert.All(await users.GetUsersInRoleAsync(Roller.HR), u => Assert.Equal("kalix", u.KommunId));
        Assert.All(await users.Users.ToListAsync(), u => Assert.Equal("kalix", u.KommunId));
        // Nor can an account be given an address another municipality's account has.
        var result = await users.CreateAsync(new ApplicationUser { UserName = alvsbynHr, Email = alvsbynHr, KommunId = "kalix", Namn = "Kopia" });
        Assert.Contains(result.Errors, e => e.Code == UnikAdressIHelaPortalen.Kod);
    }

    [Fact]
    public async Task EnAnstalldMedEnAnnanKommunsAdressFarVarkenKontoRollEllerMejl()
    {
        // Kalix's Admin adds an employee with the address of Älvsbyn's HR account; Kalix's HR starts an introduction.
        const string adress = "hr@alvsbyn.example";
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var org = await admin.PageAsync("/admin/organisation");
        var enhet = org.QuerySelector("select[name='NyPerson.EnhetId']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains("Hemtjänst")).GetAttribute("value")!;
        var added = await admin.PostFormAsync("/admin/organisation?handler=Person", new()
        {
            ["NyPerson.Fornamn"] = "Tove", ["NyPerson.Efternamn"] = "Dubblett", ["NyPerson.Epost"] = adress, ["NyPerson.EnhetId"] = enhet,
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var hr = await PortalClient.For(portal).SignInAsync("kalix", "hr");
        var form = await hr.PageAsync("/introduktion/ny");
        string Option(string select, string text) => form.QuerySelector($"select[name='{select}']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains(text)).GetAttribute("value")!;
        var created = await hr.PostFormAsync("/introduktion/ny", new()
        {
            ["Input.PersonId"] = Option("Input.PersonId", "Tove Dubblett"), ["Input.Befattning"] = "Enhetschef",
            ["Input.Startdatum"] = DateTime.Today.AddDays(40).ToString("yyyy-MM-dd"),
            ["Input.AnstallandeChefUserId"] = Option("Input.AnstallandeChefUserId", "Anders Nilsson"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await portal.Services.GetRequiredService<SchedulerRunner>().RunDueAsync();

        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByEmailAsync(adress))!;
            Assert.False(await users.IsInRoleAsync(account, Roller.Chef));
            Assert.Equal("alvsbyn", account.KommunId);
        }
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.False(await db.Set<OutboxMessage>().IgnoreQueryFilters().AnyAsync(m => m.ToAddress == adress && m.Topic.StartsWith("Introduktion:")));
            Assert.False(await db.Users.IgnoreQueryFilters().AnyAsync(u => u.KommunId == "kalix" && u.NormalizedEmail == adress.ToUpperInvariant()));
        }
        // HR sees why, on the introduction.
        var page = await hr.PageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Välkomsten kunde inte skickas", page.Body!.TextContent);
        Assert.Contains("används redan av ett annat konto", page.Body!.TextContent);

        // Admin cannot make an account for that address either, and is told so in Swedish.
        var accounts = await admin.PageAsync("/admin/anvandare");
        var person = accounts.QuerySelector("select[name='Input.PersonId']")!.QuerySelectorAll("option").First(o => o.TextContent.Contains("Tove Dubblett")).GetAttribute("value")!;
        var refused = await admin.PostFormAsync("/admin/anvandare", new() { ["Input.PersonId"] = person });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("används redan av ett konto i portalen", await refused.Content.ReadAsStringAsync());
    }
}
