using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Scim;

/// <summary>Entra ID's side of provisioning: a bearer token and application/scim+json bodies, no cookies.</summary>
public sealed class ScimKlient(HttpClient http, string? token)
{
    public const string Typ = "application/scim+json";

    /// <summary>Signs in as the municipality's Admin, creates a token at /admin/scim and reads it off the page (shown once).</summary>
    public static async Task<ScimKlient> MedNyTokenAsync(PortalFactory portal, string kommunId)
    {
        var admin = await PortalClient.For(portal).SignInAsync(kommunId, "admin");
        var svar = await admin.PostFormAsync("/admin/scim?handler=Skapa", new(), formPage: "/admin/scim");
        Assert.Equal(HttpStatusCode.OK, svar.StatusCode);
        var sida = PortalClient.Parse(await svar.Content.ReadAsStringAsync());
        var token = sida.QuerySelector("#token")?.TextContent ?? throw new InvalidOperationException("Ingen token på sidan.");
        return new ScimKlient(portal.CreateClient(), token);
    }

    public static ScimKlient Med(PortalFactory portal, string? token) => new(portal.CreateClient(), token);

    public string? Token => token;

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url, null);
    public Task<HttpResponseMessage> PostAsync(string url, string json) => SendAsync(HttpMethod.Post, url, json);
    public Task<HttpResponseMessage> PutAsync(string url, string json) => SendAsync(HttpMethod.Put, url, json);
    public Task<HttpResponseMessage> PatchAsync(string url, string json) => SendAsync(HttpMethod.Patch, url, json);
    public Task<HttpResponseMessage> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, Typ);
        return await http.SendAsync(request);
    }

    /// <summary>The response's body, after checking its status and that it is SCIM's content type.</summary>
    public static async Task<JsonObject> JsonAsync(HttpResponseMessage svar, HttpStatusCode status)
    {
        var text = await svar.Content.ReadAsStringAsync();
        Assert.True(svar.StatusCode == status, $"Väntade {(int)status}, fick {(int)svar.StatusCode}: {text}");
        Assert.Equal(Typ, svar.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A SCIM error body with the status (and scimType where expected).</summary>
    public static async Task FelAsync(HttpResponseMessage svar, HttpStatusCode status, string? scimType = null)
    {
        var fel = await JsonAsync(svar, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", fel["schemas"]![0]!.GetValue<string>());
        Assert.Equal(((int)status).ToString(), fel["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(fel["detail"]?.GetValue<string>()));
        if (scimType is not null) Assert.Equal(scimType, fel["scimType"]?.GetValue<string>());
    }
}

/// <summary>The request bodies Microsoft documents for Entra ID provisioning ("Tutorial: Develop and plan provisioning for a
/// SCIM endpoint"), with the values a test needs put in.</summary>
public static class EntraBodies
{
    public static string SkapaAnvandare(string userName, string epost, string fornamn, string efternamn, string? anstallningsnummer = null,
        bool aktiv = true) => $$"""
        {
          "schemas": [
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
          "externalId": "{{Guid.NewGuid()}}",
          "userName": "{{userName}}",
          "active": {{(aktiv ? "true" : "false")}},
          "emails": [{
            "primary": true,
            "type": "work",
            "value": "{{epost}}"
          }],
          "meta": {
            "resourceType": "User"
          },
          "name": {
            "formatted": "{{fornamn}} {{efternamn}}",
            "familyName": "{{efternamn}}",
            "givenName": "{{fornamn}}"
          },
          "roles": [],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
            "employeeNumber": "{{anstallningsnummer}}",
            "department": "Socialförvaltningen"
          }
        }
        """;

    public static string FilterUserName(string userName) => $"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}";

    /// <summary>What Entra sends to disable a user: a capitalised op and the boolean as a string.</summary>
    public static string Avaktivera(string varde = "False") => $$"""
        {
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          "Operations": [{
            "op": "Replace",
            "path": "active",
            "value": "{{varde}}"
          }]
        }
        """;

    public static string BytEpostOchEfternamn(string epost, string efternamn) => $$"""
        {
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          "Operations": [
            {
              "op": "Replace",
              "path": "emails[type eq \"work\"].value",
              "value": "{{epost}}"
            },
            {
              "op": "Replace",
              "path": "name.familyName",
              "value": "{{efternamn}}"
            }
          ]
        }
        """;

    /// <summary>A replace without path whose value holds the attributes, as Entra sends for several at once.</summary>
    public static string ErsattUtanSokvag(string fornamn, string anstallningsnummer) => $$"""
        {
          "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
          "Operations": [{
            "op": "replace",
            "value": {
              "name.givenName": "{{fornamn}}",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "{{anstallningsnummer}}",
              "active": "True"
            }
          }]
        }
        """;

    /// <summary>Disable User as the documentation shows it: Operations first, the boolean as JSON false.</summary>
    public const string AvaktiveraSomDokumenterat = """
        {
            "Operations": [
                {
                    "op": "Replace",
                    "path": "active",
                    "value": false
                }
            ],
            "schemas": [
                "urn:ietf:params:scim:api:messages:2.0:PatchOp"
            ]
        }
        """;

    /// <summary>Update User [Single-valued properties]: a new userName.</summary>
    public static string BytUserName(string userName) => $$"""
        {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{
                "op": "Replace",
                "path": "userName",
                "value": "{{userName}}"
            }]
        }
        """;

    /// <summary>The query Microsoft asks of an endpoint that matches users by their work address.</summary>
    public static string FilterEpost(string epost) => $"/scim/v2/Users?filter={Uri.EscapeDataString($"emails[type eq \"work\"].value eq \"{epost}\"")}";

    /// <summary>Create Group: the schemas Entra sends (with its own extension), its object id as externalId, no members.</summary>
    public static string SkapaGrupp(string displayName, string externalId) => $$"""
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
            "externalId": "{{externalId}}",
            "displayName": "{{displayName}}",
            "meta": {
                "resourceType": "Group"
            }
        }
        """;

    public static string FilterGrupp(string displayName) =>
        $"/scim/v2/Groups?excludedAttributes=members&filter={Uri.EscapeDataString($"displayName eq \"{displayName}\"")}";

    /// <summary>Update Group [Add Members] and [Remove Members]: op "Add" or "Remove", path members, "$ref": null.</summary>
    public static string Medlemmar(string op, params string[] anvandarIdn) => $$"""
        {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{
                "op": "{{op}}",
                "path": "members",
                "value": [{{string.Join(",", anvandarIdn.Select(id => $$"""{"$ref": null, "value": "{{id}}"}"""))}}]
            }]
        }
        """;

    /// <summary>Update Group [Non-member attributes]: a new displayName.</summary>
    public static string BytGruppnamn(string displayName) => $$"""
        {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{
                "op": "Replace",
                "path": "displayName",
                "value": "{{displayName}}"
            }]
        }
        """;
}
