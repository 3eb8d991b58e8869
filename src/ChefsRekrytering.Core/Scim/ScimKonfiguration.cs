using System.Text.Json.Nodes;

namespace ChefsRekrytering.Scim;

/// <summary>What the endpoint supports (RFC 7643 §5–7), for a client that asks: Users and Groups, with PATCH and an eq filter.</summary>
public static class ScimKonfiguration
{
    private const string Config = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    public static JsonObject ServiceProviderConfig() => new()
    {
        ["schemas"] = new JsonArray(Config),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimProvisionering.MestPerSida },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "Bearer token",
            ["description"] = "En token som kommunens administratör skapar under Administration, Automatisk provisionering (SCIM).",
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig" },
    };

    public static JsonObject ResourceTypes() => Lista(new JsonObject
    {
        ["schemas"] = new JsonArray(ResourceType),
        ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users", ["schema"] = ScimJson.UserSchema,
        ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimJson.EnterpriseSchema, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType" },
    }, new JsonObject
    {
        ["schemas"] = new JsonArray(ResourceType),
        ["id"] = "Group", ["name"] = "Group", ["endpoint"] = "/Groups", ["schema"] = ScimGrupper.GroupSchema,
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType" },
    });

    public static JsonObject Schemas() => Lista(
        SchemaFor(ScimJson.UserSchema, "User", "userName", "externalId", "name", "displayName", "emails", "active", "title"),
        SchemaFor(ScimJson.EnterpriseSchema, "EnterpriseUser", "employeeNumber"),
        SchemaFor(ScimGrupper.GroupSchema, "Group", "displayName", "externalId", "members"));

    private static JsonObject SchemaFor(string id, string namn, params string[] attribut) => new()
    {
        ["schemas"] = new JsonArray(Schema),
        ["id"] = id,
        ["name"] = namn,
        ["attributes"] = new JsonArray(attribut.Select(a => (JsonNode)new JsonObject { ["name"] = a }).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema" },
    };

    private static JsonObject Lista(params JsonObject[] resurser) => new()
    {
        ["schemas"] = new JsonArray(ScimJson.ListResponseSchema),
        ["totalResults"] = resurser.Length,
        ["startIndex"] = 1,
        ["itemsPerPage"] = resurser.Length,
        ["Resources"] = new JsonArray(resurser.Select(r => (JsonNode)r).ToArray()),
    };
}
