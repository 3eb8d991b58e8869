using System.Net;
using ChefsRekrytering.Data;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Scim;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Scim;

/// <summary>
/// Entra ID provisions groups with members over SCIM, with the requests Microsoft documents. A group the municipality's
/// role mapping names (by its object id, as in the sign-in's groups claim) gives its members that role and takes it away
/// when they leave it or the group goes; any other group is kept but gives nothing. Another municipality's group or user,
/// and a token that is forged or revoked, get SCIM's error and change nothing. On SQLite and on PostgreSQL.
/// </summary>
public abstract class ScimGruppTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    private const string Groups = "/scim/v2/Groups";
    private const string Users = "/scim/v2/Users";
    /// <summary>The object id of Kalix's HR group in Entra ID, which Kalix's role mapping gives the HR role.</summary>
    public const string HrGruppensId = "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159";

    /// <summary>A group the mapping names by its name rather than its id.</summary>
    public const string HrGruppensNamn = "Personalavdelningen Kalix";

    /// <summary>Kalix's providers and role mapping (<see cref="TestOidc"/>) with the HR group's object id and name added.</summary>
    public static void Konfigurera(PortalFactory portal) =>
        portal.MedOidc().With($"Portal:Oidc:Kommuner:kalix:Roller:{HrGruppensId}:0", Roller.HR)
            .With($"Portal:Oidc:Kommuner:kalix:Roller:{HrGruppensNamn}:0", Roller.HR);

    [Fact]
    public async Task EnMedlemIEnMappadGruppFarRollenOchForlorarDenNarHonTasBortEllerGruppenRaderas()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var emma = await EmmaAsync(scim);
        Assert.False(await KommerTillRegisterutdragAsync());

        var svar = await scim.PostAsync(Groups, EntraBodies.SkapaGrupp("HR Kalix", HrGruppensId));
        var grupp = await ScimKlient.JsonAsync(svar, HttpStatusCode.Created);
        var id = grupp["id"]!.GetValue<string>();
        Assert.EndsWith($"{Groups}/{id}", svar.Headers.Location!.ToString());
        Assert.Equal(HrGruppensId, grupp["externalId"]!.GetValue<string>());
        Assert.Empty(grupp["members"]!.AsArray());

        // Entra reads the group back by id and by name, without members.
        var hamtad = await ScimKlient.JsonAsync(await scim.GetAsync($"{Groups}/{id}?excludedAttributes=members"), HttpStatusCode.OK);
        Assert.Equal("HR Kalix", hamtad["displayName"]!.GetValue<string>());
        Assert.Null(hamtad["members"]);
        var lista = await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterGrupp("HR Kalix")), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(lista["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(0, (await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterGrupp("Ingen sådan")), HttpStatusCode.OK))["totalResults"]!.GetValue<int>());

        // Add Members: 204, and Emma, signing in, is HR.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma))).StatusCode);
        Assert.True(await KommerTillRegisterutdragAsync());
        var medMedlemmar = await ScimKlient.JsonAsync(await scim.GetAsync($"{Groups}/{id}"), HttpStatusCode.OK);
        Assert.Equal(emma, Assert.Single(medMedlemmar["members"]!.AsArray())!["value"]!.GetValue<string>());

        // A new name changes nothing about the role: the mapping names the group's object id.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.BytGruppnamn("HR-gruppen Kalix"))).StatusCode);
        Assert.Equal("HR-gruppen Kalix", (await ScimKlient.JsonAsync(await scim.GetAsync($"{Groups}/{id}"), HttpStatusCode.OK))["displayName"]!.GetValue<string>());
        Assert.True(await KommerTillRegisterutdragAsync());

        // Remove Members: the role goes.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Remove", emma))).StatusCode);
        Assert.False(await KommerTillRegisterutdragAsync());

        // Back in, then the group deleted: the role goes with it.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma))).StatusCode);
        Assert.True(await KommerTillRegisterutdragAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"{Groups}/{id}")).StatusCode);
        await ScimKlient.FelAsync(await scim.GetAsync($"{Groups}/{id}"), HttpStatusCode.NotFound);
        Assert.False(await KommerTillRegisterutdragAsync());
    }

    [Fact]
    public async Task ReplaceRemoveMedFilterOchEttNyttNamnAndrarMedlemmarOchRollerSomSCIMSager()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var emma = await EmmaAsync(scim);
        var olle = (await ScimKlient.JsonAsync(await scim.PostAsync(Users, EntraBodies.SkapaAnvandare("olle.ny@kalix.onmicrosoft.com",
            "olle.ny@kalix.example", "Olle", "Ny")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        var id = (await ScimKlient.JsonAsync(await scim.PostAsync(Groups, EntraBodies.SkapaGrupp("Tillfällig", Guid.NewGuid().ToString())),
            HttpStatusCode.Created))["id"]!.GetValue<string>();
        async Task<string[]> MedlemmarAsync() => (await ScimKlient.JsonAsync(await scim.GetAsync($"{Groups}/{id}"), HttpStatusCode.OK))["members"]!
            .AsArray().Select(m => m!["value"]!.GetValue<string>()).Order().ToArray();

        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma, olle))).StatusCode);
        Assert.Equal(new[] { emma, olle }.Order().ToArray(), await MedlemmarAsync());
        // Entra's membership question: is Olle in this group?
        var fraga = $"{Groups}?filter={Uri.EscapeDataString($"id eq \"{id}\" and members[value eq \"{olle}\"]")}&attributes=id";
        Assert.Equal(1, (await ScimKlient.JsonAsync(await scim.GetAsync(fraga), HttpStatusCode.OK))["totalResults"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Replace", olle))).StatusCode);
        Assert.Equal(new[] { olle }, await MedlemmarAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}",
            $$"""{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "remove", "path": "members[value eq \"{{olle}}\"]"}]}""")).StatusCode);
        Assert.Empty(await MedlemmarAsync());
        Assert.Equal(0, (await ScimKlient.JsonAsync(await scim.GetAsync(fraga), HttpStatusCode.OK))["totalResults"]!.GetValue<int>());
        // Removing someone who is no longer a member is no error: Entra may send it twice.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Remove", olle))).StatusCode);

        // Emma in again; then the group takes the name the mapping gives HR: she is HR. Another name: she is not.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma))).StatusCode);
        Assert.False(await KommerTillRegisterutdragAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.BytGruppnamn(HrGruppensNamn))).StatusCode);
        Assert.True(await KommerTillRegisterutdragAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.BytGruppnamn("Före detta HR"))).StatusCode);
        Assert.False(await KommerTillRegisterutdragAsync());
    }

    [Fact]
    public async Task EnOmappadGruppSparasMedSinaMedlemmarMenGerIngenRoll()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var emma = await EmmaAsync(scim);
        var id = (await ScimKlient.JsonAsync(await scim.PostAsync(Groups, EntraBodies.SkapaGrupp("Alla i hemtjänsten", Guid.NewGuid().ToString())),
            HttpStatusCode.Created))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await scim.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma))).StatusCode);

        var grupp = await ScimKlient.JsonAsync(await scim.GetAsync($"{Groups}/{id}"), HttpStatusCode.OK);
        Assert.Equal(emma, Assert.Single(grupp["members"]!.AsArray())!["value"]!.GetValue<string>());
        Assert.False(await KommerTillRegisterutdragAsync());
        await using var scope = portal.ScopeFor("kalix", out var db);
        var konto = await db.Users.SingleAsync(u => u.Email == DemoSeeder.LoginFor("kalix", "medarbetare"));
        Assert.Equal(new[] { Roller.Medarbetare }, (await RollerAsync(db, konto.Id)).ToArray());

        // Entra requires displayName to be unique: a second group with the same name is a conflict.
        await ScimKlient.FelAsync(await scim.PostAsync(Groups, EntraBodies.SkapaGrupp("alla i hemtjänsten", Guid.NewGuid().ToString())),
            HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task EnAnnanKommunsAnvandareEllerGruppEllerEnOgiltigTokenGerScimFelOchAndrarIngenting()
    {
        var kalix = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var alvsbyn = await ScimKlient.MedNyTokenAsync(portal, "alvsbyn");
        var emma = await EmmaAsync(kalix);
        var ida = (await ScimKlient.JsonAsync(await alvsbyn.PostAsync(Users, EntraBodies.SkapaAnvandare("ida@alvsbyn.onmicrosoft.com",
            DemoSeeder.LoginFor("alvsbyn", "medarbetare"), "Ida", "Lindgren")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        var id = (await ScimKlient.JsonAsync(await kalix.PostAsync(Groups, EntraBodies.SkapaGrupp("HR", HrGruppensId)), HttpStatusCode.Created))["id"]!.GetValue<string>();

        // Älvsbyn's user as a member of Kalix's group: refused, and Emma, in the same request, is not added either.
        await ScimKlient.FelAsync(await kalix.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma, ida)), HttpStatusCode.BadRequest, "invalidValue");
        await ScimKlient.FelAsync(await kalix.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", "inte-ett-id")), HttpStatusCode.BadRequest, "invalidValue");
        await ScimKlient.FelAsync(await kalix.PostAsync(Groups, """{"displayName": "Blandad", "members": [{"value": "%"}]}""".Replace("%", ida)),
            HttpStatusCode.BadRequest, "invalidValue");

        // Kalix's group through Älvsbyn's token: not found, whatever the method.
        await ScimKlient.FelAsync(await alvsbyn.GetAsync($"{Groups}/{id}"), HttpStatusCode.NotFound);
        await ScimKlient.FelAsync(await alvsbyn.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", ida)), HttpStatusCode.NotFound);
        await ScimKlient.FelAsync(await alvsbyn.PatchAsync($"{Groups}/{id}", EntraBodies.BytGruppnamn("Kapad")), HttpStatusCode.NotFound);
        await ScimKlient.FelAsync(await alvsbyn.DeleteAsync($"{Groups}/{id}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await ScimKlient.JsonAsync(await alvsbyn.GetAsync(EntraBodies.FilterGrupp("HR")), HttpStatusCode.OK))["totalResults"]!.GetValue<int>());

        // A forged token, and a revoked one, open nothing.
        var forfalskad = ScimKlient.Med(portal, "scim_" + new string('0', 64));
        await ScimKlient.FelAsync(await forfalskad.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma)), HttpStatusCode.Unauthorized);
        await ScimKlient.FelAsync(await forfalskad.PostAsync(Groups, EntraBodies.SkapaGrupp("Falsk", Guid.NewGuid().ToString())), HttpStatusCode.Unauthorized);
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        int tokenId;
        await using (var scope = portal.ScopeFor("kalix", out var db)) tokenId = await db.Set<ScimToken>().MaxAsync(t => t.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/scim?handler=Aterkalla&id={tokenId}", new(), formPage: "/admin/scim")).StatusCode);
        await ScimKlient.FelAsync(await kalix.PatchAsync($"{Groups}/{id}", EntraBodies.Medlemmar("Add", emma)), HttpStatusCode.Unauthorized);
        await ScimKlient.FelAsync(await kalix.DeleteAsync($"{Groups}/{id}"), HttpStatusCode.Unauthorized);

        // Nothing changed: the group is there, empty and named as before, and nobody got a role.
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var grupp = await db.Set<ScimGrupp>().Include(g => g.Medlemmar).SingleAsync(g => g.Id.ToString() == id);
            Assert.Equal("HR", grupp.DisplayName);
            Assert.Empty(grupp.Medlemmar);
            Assert.False(await db.Set<ScimGrupp>().AnyAsync(g => g.DisplayName == "Falsk" || g.DisplayName == "Blandad"));
        }
        await using (var scope = portal.ScopeFor("alvsbyn", out var db))
            Assert.False(await db.Set<ScimGrupp>().AnyAsync());
        Assert.False(await KommerTillRegisterutdragAsync());
    }

    /// <summary>Kalix's Emma (the demo's "medarbetare", who has an account) provisioned by Entra; her SCIM id.</summary>
    private static async Task<string> EmmaAsync(ScimKlient scim)
    {
        var befintlig = await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterUserName("emma.johansson@kalix.onmicrosoft.com")), HttpStatusCode.OK);
        if (befintlig["totalResults"]!.GetValue<int>() == 1) return befintlig["Resources"]![0]!["id"]!.GetValue<string>();
        return (await ScimKlient.JsonAsync(await scim.PostAsync(Users, EntraBodies.SkapaAnvandare("emma.johansson@kalix.onmicrosoft.com",
            DemoSeeder.LoginFor("kalix", "medarbetare"), "Emma", "Johansson")), HttpStatusCode.Created))["id"]!.GetValue<string>();
    }

    /// <summary>Emma signs in afresh and opens HR's register extracts: what she notices of having the HR role.</summary>
    private async Task<bool> KommerTillRegisterutdragAsync()
    {
        var emma = await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");
        var svar = await emma.GetAsync("/registerutdrag");
        Assert.True(svar.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)svar.StatusCode}");
        return svar.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<List<string>> RollerAsync(AppDbContext db, string userId) =>
        await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name!).ToListAsync();
}

public sealed class ScimGruppPortalSqlite : PortalFactory
{
    public ScimGruppPortalSqlite() : base(DatabaseProvider.Sqlite) => ScimGruppTests<ScimGruppPortalSqlite>.Konfigurera(this);
}

public sealed class ScimGruppPortalPostgres : PortalFactory
{
    public ScimGruppPortalPostgres() : base(DatabaseProvider.Postgres) => ScimGruppTests<ScimGruppPortalPostgres>.Konfigurera(this);
}

public sealed class ScimGruppTestsSqlite(ScimGruppPortalSqlite portal) : ScimGruppTests<ScimGruppPortalSqlite>(portal);

public sealed class ScimGruppTestsPostgres(ScimGruppPortalPostgres portal) : ScimGruppTests<ScimGruppPortalPostgres>(portal);
