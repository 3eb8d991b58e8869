using System.Net;
using System.Text.Json.Nodes;
using ChefsRekrytering.Demo;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Scim;

/// <summary>
/// Entra ID provisions the people of one municipality over SCIM 2.0 with a token its Admin created: users become
/// employees (or are linked to the employee already there), change, and leave; the token alone decides the
/// municipality, so another municipality's token neither sees nor changes them, and every refusal changes nothing.
/// On SQLite and on PostgreSQL.
/// </summary>
public abstract class ScimTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    private const string Users = "/scim/v2/Users";

    [Fact]
    public async Task AdminsTokenVisasEnGangFungerarOchSlutarFungeraNarDenAterkallas()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        await ScimKlient.JsonAsync(await scim.GetAsync(Users), HttpStatusCode.OK);

        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var sida = await admin.PageAsync("/admin/scim");
        Assert.DoesNotContain(scim.Token!, sida.Body!.TextContent);
        Assert.NotNull((await admin.PageAsync("/admin")).QuerySelector("a[href='/admin/scim']"));
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.DoesNotContain(await db.Set<ChefsRekrytering.Scim.ScimToken>().Select(t => t.Hash).ToListAsync(), h => h.Contains(scim.Token!));

        var id = await SenasteTokenIdAsync("kalix");
        var svar = await admin.PostFormAsync($"/admin/scim?handler=Aterkalla&id={id}", new(), formPage: "/admin/scim");
        Assert.Equal(HttpStatusCode.Redirect, svar.StatusCode);
        await ScimKlient.FelAsync(await scim.GetAsync(Users), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EntraSkaparEnAnvandareSomBlirAnstalldOchHittasMedFilter()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var svar = await scim.PostAsync(Users, EntraBodies.SkapaAnvandare("Sara.Lind@kalix.onmicrosoft.com", "sara.lind@kalix.example", "Sara", "Lind", "A-1001"));
        var skapad = await ScimKlient.JsonAsync(svar, HttpStatusCode.Created);
        var id = skapad["id"]!.GetValue<string>();
        Assert.EndsWith($"{Users}/{id}", svar.Headers.Location!.ToString());
        Assert.Equal("sara.lind@kalix.onmicrosoft.com", skapad["userName"]!.GetValue<string>());
        Assert.True(skapad["active"]!.GetValue<bool>());
        Assert.Equal("A-1001", skapad["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["employeeNumber"]!.GetValue<string>());

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var sara = await db.Personer.SingleAsync(p => p.Anstallningsnummer == "A-1001");
            Assert.Equal(("Sara", "Lind", "sara.lind@kalix.example", true), (sara.Fornamn, sara.Efternamn, sara.Epost, sara.Aktiv));
            Assert.Equal(id, sara.Id.ToString());
        }

        // Entra asks by userName (any case) before it creates; an unknown one is an empty list.
        var lista = await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterUserName("SARA.LIND@kalix.onmicrosoft.com")), HttpStatusCode.OK);
        Assert.Equal(1, lista["totalResults"]!.GetValue<int>());
        Assert.Equal(id, lista["Resources"]![0]!["id"]!.GetValue<string>());
        var ingen = await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterUserName("nobody@kalix.onmicrosoft.com")), HttpStatusCode.OK);
        Assert.Equal(0, ingen["totalResults"]!.GetValue<int>());
        Assert.Empty(ingen["Resources"]!.AsArray());
        var hamtad = await ScimKlient.JsonAsync(await scim.GetAsync($"{Users}/{id}"), HttpStatusCode.OK);
        Assert.Equal("Sara", hamtad["name"]!["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task EnAnstalldSomRedanFinnsKopplasOchEttUpptagetUserNameGer409()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        int innan;
        await using (var scope = portal.ScopeFor("kalix", out var db)) innan = await db.Personer.CountAsync();
        var epost = DemoSeeder.LoginFor("kalix", "jury");
        var skapad = await ScimKlient.JsonAsync(await scim.PostAsync(Users, EntraBodies.SkapaAnvandare("oskar@kalix.onmicrosoft.com", epost, "Oskar", "Jury")),
            HttpStatusCode.Created);

        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.Equal(innan, await db.Personer.CountAsync());
            Assert.Equal(skapad["id"]!.GetValue<string>(), (await db.Personer.SingleAsync(p => p.Epost == epost)).Id.ToString());
        }

        var igen = await scim.PostAsync(Users, EntraBodies.SkapaAnvandare("OSKAR@kalix.onmicrosoft.com", "annan@kalix.example", "Annan", "Person"));
        await ScimKlient.FelAsync(igen, HttpStatusCode.Conflict, "uniqueness");
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.Equal(innan, await db.Personer.CountAsync());
            Assert.False(await db.Personer.AnyAsync(p => p.Epost == "annan@kalix.example"));
        }
    }

    [Fact]
    public async Task NamnOchEpostAndrasMedPatchOchPut()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var id = (await ScimKlient.JsonAsync(await scim.PostAsync(Users,
            EntraBodies.SkapaAnvandare("per.ek@kalix.onmicrosoft.com", "per.ek@kalix.example", "Per", "Ek", "A-2001")), HttpStatusCode.Created))["id"]!.GetValue<string>();

        var andrad = await ScimKlient.JsonAsync(await scim.PatchAsync($"{Users}/{id}", EntraBodies.BytEpostOchEfternamn("per.ekstrom@kalix.example", "Ekström")), HttpStatusCode.OK);
        Assert.Equal("Ekström", andrad["name"]!["familyName"]!.GetValue<string>());
        await ScimKlient.JsonAsync(await scim.PatchAsync($"{Users}/{id}", EntraBodies.ErsattUtanSokvag("Pelle", "A-2002")), HttpStatusCode.OK);
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var per = await db.Personer.SingleAsync(p => p.Id.ToString() == id);
            Assert.Equal(("Pelle", "Ekström", "per.ekstrom@kalix.example", "A-2002", true), (per.Fornamn, per.Efternamn, per.Epost, per.Anstallningsnummer, per.Aktiv));
        }

        var put = EntraBodies.SkapaAnvandare("per.ek@kalix.onmicrosoft.com", "per.ekstrom@kalix.example", "Per", "Ekström-Lind", "A-2002");
        var ersatt = await ScimKlient.JsonAsync(await scim.PutAsync($"{Users}/{id}", put), HttpStatusCode.OK);
        Assert.Equal("Per Ekström-Lind", ersatt["displayName"]!.GetValue<string>());
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.Equal("Ekström-Lind", (await db.Personer.SingleAsync(p => p.Id.ToString() == id)).Efternamn);
    }

    [Fact]
    public async Task EnAvaktiveradAnstalldKanInteLoggaInOchEnBorttagenArSlutadMenFinnsKvar()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var epost = DemoSeeder.LoginFor("kalix", "medarbetare");
        var id = (await ScimKlient.JsonAsync(await scim.PostAsync(Users,
            EntraBodies.SkapaAnvandare("emma@kalix.onmicrosoft.com", epost, "Emma", "Medarbetare")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");

        var avaktiverad = await ScimKlient.JsonAsync(await scim.PatchAsync($"{Users}/{id}", EntraBodies.Avaktivera("False")), HttpStatusCode.OK);
        Assert.False(avaktiverad["active"]!.GetValue<bool>());
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.False((await db.Personer.SingleAsync(p => p.Epost == epost)).Aktiv);
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalClient.For(portal).SignInAsync("kalix", "medarbetare"));

        // Back again: active, and the account signs in.
        await ScimKlient.JsonAsync(await scim.PatchAsync($"{Users}/{id}", EntraBodies.Avaktivera("True")), HttpStatusCode.OK);
        await PortalClient.For(portal).SignInAsync("kalix", "medarbetare");

        // DELETE is "has left" too: the user is no longer a resource, the person and her records stay, the account is locked.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"{Users}/{id}")).StatusCode);
        await ScimKlient.FelAsync(await scim.GetAsync($"{Users}/{id}"), HttpStatusCode.NotFound);
        await using (var scope = portal.ScopeFor("kalix", out var db))
            Assert.False((await db.Personer.SingleAsync(p => p.Epost == epost)).Aktiv);
        await Assert.ThrowsAsync<InvalidOperationException>(() => PortalClient.For(portal).SignInAsync("kalix", "medarbetare"));
    }

    [Fact]
    public async Task UtanGiltigTokenSvararScim401()
    {
        var utan = ScimKlient.Med(portal, null);
        await ScimKlient.FelAsync(await utan.GetAsync(Users), HttpStatusCode.Unauthorized);
        var forfalskad = ScimKlient.Med(portal, "scim_" + new string('a', 64));
        await ScimKlient.FelAsync(await forfalskad.GetAsync(Users), HttpStatusCode.Unauthorized);
        await ScimKlient.FelAsync(await forfalskad.PostAsync(Users, EntraBodies.SkapaAnvandare("x@kalix.onmicrosoft.com", "x@kalix.example", "X", "Y")),
            HttpStatusCode.Unauthorized);
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False(await db.Personer.AnyAsync(p => p.Epost == "x@kalix.example"));

        // A signed-in Admin's cookie is no SCIM token.
        var admin = await PortalClient.For(portal).SignInAsync("kalix", "admin");
        var svar = await admin.Http.GetAsync(Users);
        await ScimKlient.FelAsync(svar, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EnAnnanKommunsTokenVarkenSerEllerAndrarAnvandaren()
    {
        var kalix = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var alvsbyn = await ScimKlient.MedNyTokenAsync(portal, "alvsbyn");
        var id = (await ScimKlient.JsonAsync(await kalix.PostAsync(Users,
            EntraBodies.SkapaAnvandare("lisa.berg@kalix.onmicrosoft.com", "lisa.berg@kalix.example", "Lisa", "Berg", "A-3001")), HttpStatusCode.Created))["id"]!.GetValue<string>();

        await ScimKlient.FelAsync(await alvsbyn.GetAsync($"{Users}/{id}"), HttpStatusCode.NotFound);
        await ScimKlient.FelAsync(await alvsbyn.PatchAsync($"{Users}/{id}", EntraBodies.Avaktivera()), HttpStatusCode.NotFound);
        await ScimKlient.FelAsync(await alvsbyn.PutAsync($"{Users}/{id}",
            EntraBodies.SkapaAnvandare("lisa.berg@kalix.onmicrosoft.com", "lisa@alvsbyn.example", "Hackad", "Berg")), HttpStatusCode.NotFound);
        await ScimKlient.FelAsync(await alvsbyn.DeleteAsync($"{Users}/{id}"), HttpStatusCode.NotFound);
        var lista = await ScimKlient.JsonAsync(await alvsbyn.GetAsync(EntraBodies.FilterUserName("lisa.berg@kalix.onmicrosoft.com")), HttpStatusCode.OK);
        Assert.Equal(0, lista["totalResults"]!.GetValue<int>());

        await using var scope = portal.ScopeFor("kalix", out var db);
        var lisa = await db.Personer.SingleAsync(p => p.Id.ToString() == id);
        Assert.Equal(("Lisa", "lisa.berg@kalix.example", true), (lisa.Fornamn, lisa.Epost, lisa.Aktiv));
    }

    [Fact]
    public async Task FelaktigtFilterEllerJsonGer400OchAndrarIngenting()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        await ScimKlient.FelAsync(await scim.GetAsync($"{Users}?filter={Uri.EscapeDataString("userName sw \"a\"")}"), HttpStatusCode.BadRequest, "invalidFilter");
        await ScimKlient.FelAsync(await scim.GetAsync($"{Users}?filter={Uri.EscapeDataString("userName eq")}"), HttpStatusCode.BadRequest, "invalidFilter");

        int innan;
        await using (var scope = portal.ScopeFor("kalix", out var db)) innan = await db.Personer.CountAsync();
        await ScimKlient.FelAsync(await scim.PostAsync(Users, "{\"userName\": \"trasig@kalix.onmicrosoft.com\", "), HttpStatusCode.BadRequest, "invalidSyntax");
        await ScimKlient.FelAsync(await scim.PostAsync(Users, "[1, 2]"), HttpStatusCode.BadRequest, "invalidSyntax");
        await ScimKlient.FelAsync(await scim.PostAsync(Users, "{\"emails\": [{\"value\": \"utan.namn@kalix.example\"}]}"), HttpStatusCode.BadRequest, "invalidValue");

        var id = (await ScimKlient.JsonAsync(await scim.PostAsync(Users,
            EntraBodies.SkapaAnvandare("olle@kalix.onmicrosoft.com", "olle@kalix.example", "Olle", "Ström")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        await ScimKlient.FelAsync(await scim.PatchAsync($"{Users}/{id}", "{\"Operations\": [{\"op\": \"Replace\", \"path\": \"name.familyName\", \"value\": \"Ny\"}, {\"op\": \"Move\", \"path\": \"active\"}]}"),
            HttpStatusCode.BadRequest, "invalidSyntax");
        await ScimKlient.FelAsync(await scim.PatchAsync($"{Users}/{id}", "{\"Operations\": [{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"kanske\"}]}"),
            HttpStatusCode.BadRequest, "invalidValue");
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            Assert.Equal(innan + 1, await db.Personer.CountAsync());
            var olle = await db.Personer.SingleAsync(p => p.Id.ToString() == id);
            Assert.Equal(("Ström", true), (olle.Efternamn, olle.Aktiv));
        }
    }

    [Fact]
    public async Task ServiceProviderConfigSagerAttPatchOchFilterStods()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var config = await ScimKlient.JsonAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig"), HttpStatusCode.OK);
        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        var scheman = await ScimKlient.JsonAsync(await scim.GetAsync("/scim/v2/Schemas"), HttpStatusCode.OK);
        Assert.Equal(3, scheman["totalResults"]!.GetValue<int>());
        var typer = await ScimKlient.JsonAsync(await scim.GetAsync("/scim/v2/ResourceTypes"), HttpStatusCode.OK);
        Assert.Equal(new[] { "User", "Group" }, typer["Resources"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray());
        await ScimKlient.FelAsync(await ScimKlient.Med(portal, null).GetAsync("/scim/v2/ServiceProviderConfig"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeDokumenteradeFormernaForUserFungerar_AvaktiveraMedBooleanBytUserNameOchSokPaEpost()
    {
        var scim = await ScimKlient.MedNyTokenAsync(portal, "kalix");
        var id = (await ScimKlient.JsonAsync(await scim.PostAsync(Users,
            EntraBodies.SkapaAnvandare("nils.ek@kalix.onmicrosoft.com", "Nils.Ek@Kalix.example", "Nils", "Ek")), HttpStatusCode.Created))["id"]!.GetValue<string>();

        // Entra matches users by their work address as well as by userName.
        var lista = await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterEpost("nils.ek@kalix.example")), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(lista["Resources"]!.AsArray())!["id"]!.GetValue<string>());
        var ingen = await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterEpost("ingen@kalix.example")), HttpStatusCode.OK);
        Assert.Equal(0, ingen["totalResults"]!.GetValue<int>());

        var bytt = await ScimKlient.JsonAsync(await scim.PatchAsync($"{Users}/{id}", EntraBodies.BytUserName("nils.ekman@kalix.onmicrosoft.com")), HttpStatusCode.OK);
        Assert.Equal("nils.ekman@kalix.onmicrosoft.com", bytt["userName"]!.GetValue<string>());
        Assert.Equal(1, (await ScimKlient.JsonAsync(await scim.GetAsync(EntraBodies.FilterUserName("nils.ekman@kalix.onmicrosoft.com")), HttpStatusCode.OK))["totalResults"]!.GetValue<int>());

        var avaktiverad = await ScimKlient.JsonAsync(await scim.PatchAsync($"{Users}/{id}", EntraBodies.AvaktiveraSomDokumenterat), HttpStatusCode.OK);
        Assert.False(avaktiverad["active"]!.GetValue<bool>());
        await using var scope = portal.ScopeFor("kalix", out var db);
        Assert.False((await db.Personer.SingleAsync(p => p.Id.ToString() == id)).Aktiv);
    }

    private async Task<int> SenasteTokenIdAsync(string kommunId)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        return await db.Set<ChefsRekrytering.Scim.ScimToken>().MaxAsync(t => t.Id);
    }
}

public sealed class ScimTestsSqlite(SqlitePortal portal) : ScimTests<SqlitePortal>(portal);

public sealed class ScimTestsPostgres(PostgresPortal portal) : ScimTests<PostgresPortal>(portal);
