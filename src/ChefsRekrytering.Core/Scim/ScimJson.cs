using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChefsRekrytering.Organisation;

namespace ChefsRekrytering.Scim;

/// <summary>A SCIM User in the portal's words: what the identity provider says about one person.</summary>
public sealed record ScimAnvandare(string UserName, string? ExternalId, string Fornamn, string Efternamn, string Epost,
    bool Aktiv, string? Anstallningsnummer, string? Titel);

/// <summary>
/// The SCIM User resource as JSON (RFC 7643 §4.1 with the enterprise extension §4.3), and PATCH (RFC 7644 §3.5.2) applied
/// to it, including the shapes Entra ID sends: capitalised ops ("Replace"), booleans as strings ("False"), paths with a
/// filter (<c>emails[type eq "work"].value</c>), extension paths (<c>urn:…:User:employeeNumber</c>) and a replace
/// without a path whose value holds the attributes. Attribute names are compared without regard to case, as SCIM says.
/// </summary>
public static partial class ScimJson
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static readonly JsonNodeOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static JsonObject Objekt(JsonNode? body) =>
        body as JsonObject ?? throw ScimFel.Syntax("Förfrågan ska vara ett JSON-objekt.");

    /// <summary>The resource the portal shows for a provisioned person.</summary>
    public static JsonObject Resurs(Person person, ScimKoppling koppling, string location)
    {
        var resurs = new JsonObject(Options)
        {
            ["schemas"] = new JsonArray(UserSchema, EnterpriseSchema),
            ["id"] = person.Id.ToString(CultureInfo.InvariantCulture),
            ["userName"] = koppling.UserName,
            ["name"] = new JsonObject { ["givenName"] = person.Fornamn, ["familyName"] = person.Efternamn, ["formatted"] = person.Namn },
            ["displayName"] = person.Namn,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = person.Epost, ["type"] = "work", ["primary"] = true }),
            ["active"] = person.Aktiv,
            ["meta"] = new JsonObject { ["resourceType"] = "User", ["location"] = location },
        };
        if (koppling.ExternalId is { } externalId) resurs["externalId"] = externalId;
        if (person.Titel is { } titel) resurs["title"] = titel;
        if (person.Anstallningsnummer is { } nummer) resurs[EnterpriseSchema] = new JsonObject { ["employeeNumber"] = nummer };
        return resurs;
    }

    /// <summary>Reads a User resource (POST, PUT, or the result of a PATCH); refuses one without userName or e-mail.</summary>
    public static ScimAnvandare Las(JsonObject resurs)
    {
        var userName = Text(resurs["userName"])?.Trim();
        if (string.IsNullOrEmpty(userName)) throw ScimFel.Varde("userName saknas.");
        if (userName.Length > 256) throw ScimFel.Varde("userName är för långt.");
        var name = resurs["name"] as JsonObject;
        var fornamn = Text(name?["givenName"])?.Trim();
        var efternamn = Text(name?["familyName"])?.Trim();
        if (string.IsNullOrEmpty(fornamn) && string.IsNullOrEmpty(efternamn))
        {
            // No name parts: the display name, else the part of userName before @, so a person always has a name.
            var visning = Text(resurs["displayName"])?.Trim();
            var delar = (string.IsNullOrEmpty(visning) ? userName.Split('@')[0] : visning).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            fornamn = delar.ElementAtOrDefault(0);
            efternamn = delar.ElementAtOrDefault(1);
        }
        var epost = Epost(resurs["emails"]) ?? (userName.Contains('@') ? userName : null);
        if (string.IsNullOrWhiteSpace(epost) || !epost.Contains('@') || epost.Length > 256) throw ScimFel.Varde("En e-postadress (emails eller userName) saknas.");
        var enterprise = resurs[EnterpriseSchema] as JsonObject;
        var nummer = Text(enterprise?["employeeNumber"])?.Trim();
        if (nummer?.Length > 40) throw ScimFel.Varde("employeeNumber är för långt.");
        var titel = Text(resurs["title"])?.Trim();
        return new ScimAnvandare(userName.ToLowerInvariant(), Text(resurs["externalId"])?.Trim() is { Length: > 0 } e ? e : null,
            Kort(fornamn, 100), Kort(efternamn, 100), epost.Trim().ToLowerInvariant(), Bool(resurs["active"]) ?? true,
            string.IsNullOrEmpty(nummer) ? null : nummer, string.IsNullOrEmpty(titel) ? null : Kort(titel, 200));
    }

    private static string Kort(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max];

    /// <summary>The primary address, else the work address, else the first.</summary>
    private static string? Epost(JsonNode? emails)
    {
        if (emails is not JsonArray lista) return null;
        var poster = lista.OfType<JsonObject>().ToList();
        var vald = poster.FirstOrDefault(e => Bool(e["primary"]) == true)
            ?? poster.FirstOrDefault(e => string.Equals(Text(e["type"]), "work", StringComparison.OrdinalIgnoreCase))
            ?? poster.FirstOrDefault();
        return Text(vald?["value"]);
    }

    public static string? Text(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>true, false, or Entra's "True" and "False".</summary>
    public static bool? Bool(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>().Trim(), out var b) => b,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw ScimFel.Varde("Ett booleskt värde ska vara true eller false."),
    };

    /// <summary>Applies a PatchOp request's operations to <paramref name="resurs"/>, in order.</summary>
    public static void Patcha(JsonObject resurs, JsonObject patch)
    {
        if (patch["Operations"] is not JsonArray operationer || operationer.Count == 0)
            throw ScimFel.Syntax("PatchOp utan Operations.");
        foreach (var node in operationer)
        {
            if (node is not JsonObject operation) throw ScimFel.Syntax("En operation ska vara ett JSON-objekt.");
            var op = Text(operation["op"])?.Trim().ToLowerInvariant();
            var path = Text(operation["path"])?.Trim();
            var value = operation["value"];
            switch (op)
            {
                case "add" or "replace" when string.IsNullOrEmpty(path):
                    if (value is not JsonObject attribut) throw ScimFel.Varde("En operation utan path ska ha ett objekt som value.");
                    foreach (var (namn, varde) in attribut.ToList()) Satt(resurs, namn, varde, op == "add");
                    break;
                case "add" or "replace":
                    Satt(resurs, path!, value, op == "add");
                    break;
                case "remove" when string.IsNullOrEmpty(path):
                    throw new ScimFel(400, "noTarget", "remove kräver path.");
                case "remove":
                    TaBort(resurs, path!);
                    break;
                default:
                    throw ScimFel.Syntax("op ska vara add, replace eller remove.");
            }
        }
    }

    private sealed record Sti(JsonObject? Behallare, string Attribut, string? FilterAttribut, string? FilterVarde, string? Del);

    [GeneratedRegex("""^(?<attr>[A-Za-z][\w$-]*)(\[\s*(?<fa>[A-Za-z][\w$-]*)\s+eq\s+"(?<fv>[^"]*)"\s*\])?(\.(?<sub>[A-Za-z][\w$-]*))?$""", RegexOptions.IgnoreCase)]
    private static partial Regex StiRegex();

    private static Sti Tolka(JsonObject resurs, string path, bool skapa)
    {
        var rest = path.Trim();
        JsonObject? behallare = resurs;
        if (rest.Equals(EnterpriseSchema, StringComparison.OrdinalIgnoreCase)) return new(resurs, EnterpriseSchema, null, null, null);
        if (rest.StartsWith(EnterpriseSchema + ":", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[(EnterpriseSchema.Length + 1)..];
            behallare = resurs[EnterpriseSchema] as JsonObject;
            if (behallare is null && skapa) resurs[EnterpriseSchema] = behallare = new JsonObject(Options);
        }
        else if (rest.StartsWith(UserSchema + ":", StringComparison.OrdinalIgnoreCase)) rest = rest[(UserSchema.Length + 1)..];
        var m = StiRegex().Match(rest);
        if (!m.Success) throw ScimFel.Sokvag("Sökvägen (path) kan inte tolkas.");
        return new(behallare, m.Groups["attr"].Value, m.Groups["fa"].Success ? m.Groups["fa"].Value : null,
            m.Groups["fv"].Success ? m.Groups["fv"].Value : null, m.Groups["sub"].Success ? m.Groups["sub"].Value : null);
    }

    private static void Satt(JsonObject resurs, string path, JsonNode? value, bool add)
    {
        var sti = Tolka(resurs, path, skapa: true);
        var behallare = sti.Behallare!;
        if (sti.FilterAttribut is null && sti.Del is null)
        {
            // A complex attribute keeps the sub-attributes the value does not name (RFC 7644 §3.5.2.3); a multi-valued one
            // given to add gains the values.
            if (behallare[sti.Attribut] is JsonObject nuvarande && value is JsonObject delar)
                foreach (var (namn, varde) in delar.ToList()) nuvarande[namn] = varde?.DeepClone();
            else if (add && behallare[sti.Attribut] is JsonArray lista && value is JsonArray nya)
                foreach (var ny in nya) lista.Add(ny?.DeepClone());
            else behallare[sti.Attribut] = value?.DeepClone();
            return;
        }
        if (sti.FilterAttribut is null)
        {
            if (behallare[sti.Attribut] is not JsonObject objekt) behallare[sti.Attribut] = objekt = new JsonObject(Options);
            objekt[sti.Del!] = value?.DeepClone();
            return;
        }
        if (behallare[sti.Attribut] is not JsonArray poster) behallare[sti.Attribut] = poster = new JsonArray();
        var traffar = Traffar(poster, sti).ToList();
        if (traffar.Count == 0)
        {
            var ny = sti.Del is null
                ? value as JsonObject is { } v ? (JsonObject)v.DeepClone() : throw ScimFel.Varde("Värdet ska vara ett objekt.")
                : new JsonObject(Options) { [sti.Del] = value?.DeepClone() };
            ny[sti.FilterAttribut] = sti.FilterVarde;
            poster.Add(ny);
            return;
        }
        foreach (var post in traffar)
        {
            if (sti.Del is not null) post[sti.Del] = value?.DeepClone();
            else if (value is JsonObject delar) foreach (var (namn, varde) in delar.ToList()) post[namn] = varde?.DeepClone();
            else throw ScimFel.Varde("Värdet ska vara ett objekt.");
        }
    }

    private static void TaBort(JsonObject resurs, string path)
    {
        var sti = Tolka(resurs, path, skapa: false);
        if (sti.Behallare is not { } behallare) return;
        if (sti.FilterAttribut is null)
        {
            if (sti.Del is null) behallare.Remove(sti.Attribut);
            else (behallare[sti.Attribut] as JsonObject)?.Remove(sti.Del);
            return;
        }
        if (behallare[sti.Attribut] is not JsonArray poster) return;
        foreach (var post in Traffar(poster, sti).ToList())
        {
            if (sti.Del is null) poster.Remove(post);
            else post.Remove(sti.Del);
        }
    }

    private static IEnumerable<JsonObject> Traffar(JsonArray poster, Sti sti) => poster.OfType<JsonObject>()
        .Where(p => string.Equals(Text(p[sti.FilterAttribut!]), sti.FilterVarde, StringComparison.OrdinalIgnoreCase));

    public static JsonObject Fel(int status, string? scimType, string detail)
    {
        var fel = new JsonObject { ["schemas"] = new JsonArray(ErrorSchema), ["status"] = status.ToString(CultureInfo.InvariantCulture), ["detail"] = detail };
        if (scimType is not null) fel["scimType"] = scimType;
        return fel;
    }
}
