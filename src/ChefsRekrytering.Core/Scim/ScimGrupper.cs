using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Scim;

/// <summary>
/// The identity provider's groups (SCIM 2.0 Groups) and who is in them, as Entra ID sends them: POST with an empty
/// member list, GET by id or <c>displayName eq</c> (with <c>excludedAttributes=members</c>), PATCH adding, removing or
/// replacing members (by user id) and renaming, DELETE. Like <see cref="ScimProvisionering"/> every call runs inside the
/// token's municipality, so another municipality's group or user is not found. A member must be a user the provider has
/// provisioned; a request naming any other changes nothing. After each change the members' roles follow the
/// municipality's role mapping (<see cref="Leverantorsroller"/>): a mapped group gives its roles, an unmapped one none.
/// </summary>
public sealed partial class ScimGrupper(AppDbContext db, AuditLog audit, CurrentKommun kommun, MailLinks links,
    UserManager<ApplicationUser> users, IOptions<OidcOptions> oidc)
{
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public async Task<JsonObject> HamtaAsync(string id, bool utanMedlemmar, CancellationToken ct = default) =>
        Resurs(await GruppAsync(id, medMedlemmar: !utanMedlemmar, ct), utanMedlemmar);

    [GeneratedRegex("""^\s*(?<attr>displayName|externalId|id)\s+eq\s+"(?<v>(?:[^"\\]|\\.)*)"(\s+and\s+members\[\s*value\s+eq\s+"(?<m>[^"]*)"\s*\])?\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex FilterRegex();

    /// <summary>The groups, all or those a filter names (<c>displayName eq "…"</c>, <c>externalId eq "…"</c>, <c>id eq "…"</c>,
    /// optionally <c>and members[value eq "…"]</c>, with which Entra asks whether a user is a member).</summary>
    public async Task<JsonObject> ListaAsync(string? filter, int startIndex, int count, bool utanMedlemmar, CancellationToken ct = default)
    {
        IQueryable<ScimGrupp> q = db.Set<ScimGrupp>();
        if (!utanMedlemmar) q = q.Include(g => g.Medlemmar).ThenInclude(m => m.Koppling!).ThenInclude(k => k.Person);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var m = FilterRegex().Match(filter);
            if (!m.Success) throw ScimFel.Filter("Filtret stöds inte: använd displayName eq \"…\" eller externalId eq \"…\".");
            var varde = m.Groups["v"].Value.Replace("\\\"", "\"").Replace("\\\\", "\\");
            switch (m.Groups["attr"].Value.ToLowerInvariant())
            {
                case "displayname": var namn = varde.ToLower(CultureInfo.InvariantCulture); q = q.Where(g => g.DisplayName.ToLower() == namn); break;
                case "externalid": q = q.Where(g => g.ExternalId == varde); break;
                default: var id = Heltal(varde); q = q.Where(g => g.Id == id); break;
            }
            if (m.Groups["m"].Success)
            {
                var medlem = Heltal(m.Groups["m"].Value);
                q = q.Where(g => g.Medlemmar.Any(x => x.Koppling!.PersonId == medlem));
            }
        }
        startIndex = Math.Max(startIndex, 1);
        count = Math.Clamp(count, 0, ScimProvisionering.MestPerSida);
        var total = await q.CountAsync(ct);
        var sida = await q.OrderBy(g => g.Id).Skip(startIndex - 1).Take(count).AsSplitQuery().ToListAsync(ct);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimJson.ListResponseSchema),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = sida.Count,
            ["Resources"] = new JsonArray(sida.Select(g => (JsonNode)Resurs(g, utanMedlemmar)).ToArray()),
        };
    }

    /// <summary>POST: a new group (Entra sends it without members; members in the body are accepted too).</summary>
    public async Task<JsonObject> SkapaAsync(JsonObject body, CancellationToken ct = default)
    {
        var namn = Namn(body["displayName"]);
        await UnikAsync(namn, null, ct);
        var grupp = new ScimGrupp { KommunId = "", DisplayName = namn, ExternalId = ExternId(body["externalId"]) };
        var medlemmar = await KopplingarAsync(MedlemsIdn(body["members"]), ct);
        foreach (var k in medlemmar.Values) grupp.Medlemmar.Add(new ScimGruppMedlem { KommunId = "", Koppling = k });
        db.Add(grupp);
        await db.SaveChangesAsync(ct);
        if (Mappad(grupp)) await RollerAsync(medlemmar.Keys, ct);
        audit.Add(Provisioneringen(), AuditAction.Skapade, Granskningsobjekt.Behorighet, grupp.Id,
            $"Grupp {grupp.DisplayName} skapad via SCIM med {medlemmar.Count} medlemmar{Mappning(grupp)}");
        await db.SaveChangesAsync(ct);
        return Resurs(grupp, utanMedlemmar: false);
    }

    /// <summary>PATCH: the operations applied in order to the group's name and member list; the result saved at once, or
    /// nothing if any operation is refused. Only the members the request names are read, so adding one person to a group
    /// of the whole municipality stays small.</summary>
    public async Task AndraAsync(string id, JsonObject patch, CancellationToken ct = default)
    {
        var grupp = await GruppAsync(id, medMedlemmar: false, ct);
        if (patch["Operations"] is not JsonArray operationer || operationer.Count == 0) throw ScimFel.Syntax("PatchOp utan Operations.");
        // The wanted membership of each user named (true: in, false: out), in the order the operations say; "rensa": every
        // member not named afterwards goes (replace members, remove members without value).
        var onskat = new Dictionary<int, bool>();
        var rensa = false;
        var namn = grupp.DisplayName;
        var externId = grupp.ExternalId;
        foreach (var node in operationer)
        {
            if (node is not JsonObject operation) throw ScimFel.Syntax("En operation ska vara ett JSON-objekt.");
            var op = ScimJson.Text(operation["op"])?.Trim().ToLowerInvariant();
            var path = ScimJson.Text(operation["path"])?.Trim();
            var value = operation["value"];
            if (op is not ("add" or "replace" or "remove")) throw ScimFel.Syntax("op ska vara add, replace eller remove.");
            if (string.IsNullOrEmpty(path))
            {
                if (op == "remove") throw new ScimFel(400, "noTarget", "remove kräver path.");
                if (value is not JsonObject attribut) throw ScimFel.Varde("En operation utan path ska ha ett objekt som value.");
                foreach (var (attr, varde) in attribut) Satt(attr, varde);
                continue;
            }
            var filter = MedlemsfilterRegex().Match(path);
            if (filter.Success)
            {
                if (op != "remove") throw ScimFel.Sokvag("Ett filter på members stöds bara för remove.");
                onskat[Heltal(filter.Groups["v"].Value)] = false;
            }
            else if (op == "remove" && path.Equals("members", StringComparison.OrdinalIgnoreCase))
            {
                if (value is null) { rensa = true; onskat.Clear(); }
                else foreach (var m in MedlemsIdn(value)) onskat[m] = false;
            }
            else if (op == "remove") throw ScimFel.Sokvag("Bara members kan tas bort från en grupp.");
            else Satt(path, value);

            void Satt(string attr, JsonNode? varde)
            {
                switch (attr.ToLowerInvariant())
                {
                    case "displayname": namn = Namn(varde); break;
                    case "externalid": externId = ExternId(varde); break;
                    case "members":
                        if (op == "replace") { rensa = true; onskat.Clear(); }
                        foreach (var m in MedlemsIdn(varde)) onskat[m] = true;
                        break;
                    default: throw ScimFel.Sokvag("En grupp har bara displayName, externalId och members.");
                }
            }
        }

        var named = onskat.Keys.ToList();
        var nuvarande = await db.Set<ScimGruppMedlem>().Include(m => m.Koppling)
            .Where(m => m.GruppId == grupp.Id && (rensa || named.Contains(m.Koppling!.PersonId))).ToListAsync(ct);
        var medlemIdn = nuvarande.Select(m => m.Koppling!.PersonId).ToHashSet();
        var tas = nuvarande.Where(m => !onskat.GetValueOrDefault(m.Koppling!.PersonId)).ToList();
        // Every member added must be a user of this municipality's provisioning; checked before anything changes. Removing
        // someone who is not a member (any more) is no error: Entra may send it again.
        var laggs = await KopplingarAsync(onskat.Where(o => o.Value && !medlemIdn.Contains(o.Key)).Select(o => o.Key), ct);
        if (!string.Equals(namn, grupp.DisplayName, StringComparison.Ordinal)) await UnikAsync(namn, grupp.Id, ct);
        var varMappad = Mappad(grupp);
        var bytteNycklar = namn != grupp.DisplayName || externId != grupp.ExternalId;
        grupp.DisplayName = namn;
        grupp.ExternalId = externId;
        db.RemoveRange(tas);
        foreach (var k in laggs.Values) db.Add(new ScimGruppMedlem { KommunId = "", GruppId = grupp.Id, Koppling = k });
        await db.SaveChangesAsync(ct);
        if (varMappad || Mappad(grupp))
        {
            var berorda = laggs.Keys.Concat(tas.Select(m => m.Koppling!.PersonId)).ToList();
            if (bytteNycklar) berorda.AddRange(await db.Set<ScimGruppMedlem>().Where(m => m.GruppId == grupp.Id).Select(m => m.Koppling!.PersonId).ToListAsync(ct));
            await RollerAsync(berorda.Distinct(), ct);
        }
        audit.Add(Provisioneringen(), AuditAction.Andrade, Granskningsobjekt.Behorighet, grupp.Id,
            $"Grupp {grupp.DisplayName} ändrad via SCIM: {laggs.Count} medlemmar tillagda, {tas.Count} borttagna{Mappning(grupp)}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>DELETE: the group goes, and with it the roles it gave its members.</summary>
    public async Task TaBortAsync(string id, CancellationToken ct = default)
    {
        var grupp = await GruppAsync(id, medMedlemmar: false, ct);
        var medlemmar = await db.Set<ScimGruppMedlem>().Where(m => m.GruppId == grupp.Id).Select(m => m.Koppling!.PersonId).ToListAsync(ct);
        db.Remove(grupp); // its memberships go with it (cascade in the database)
        await db.SaveChangesAsync(ct);
        if (Mappad(grupp)) await RollerAsync(medlemmar, ct);
        audit.Add(Provisioneringen(), AuditAction.Andrade, Granskningsobjekt.Behorighet, grupp.Id,
            $"Grupp {grupp.DisplayName} borttagen via SCIM ({medlemmar.Count} medlemmar){Mappning(grupp)}");
        await db.SaveChangesAsync(ct);
    }

    [GeneratedRegex("""^members\[\s*value\s+eq\s+"(?<v>[^"]*)"\s*\]$""", RegexOptions.IgnoreCase)]
    private static partial Regex MedlemsfilterRegex();

    private OidcKommun? Mappningen => oidc.Value.Kommuner.GetValueOrDefault(kommun.Required);

    /// <summary>The roles of each member's accounts, as the groups they are now in give them.</summary>
    private async Task RollerAsync(IEnumerable<int> personIdn, CancellationToken ct)
    {
        var config = Mappningen;
        if (config is null || config.Roller.Count == 0) return;
        var idn = personIdn.ToList();
        foreach (var konto in await db.Users.Where(u => u.PersonId != null && idn.Contains(u.PersonId.Value)).ToListAsync(ct))
            await Leverantorsroller.SattAsync(users, konto, config, await Leverantorsroller.ScimGrupperAsync(db, konto.PersonId!.Value, ct));
    }

    /// <summary>The roles the mapping gives a group's members (by its id or name); none for an unmapped group.</summary>
    private List<string> GruppensRoller(ScimGrupp g) => Mappningen?.Roller.Where(m => string.Equals(m.Key, g.ExternalId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(m.Key, g.DisplayName, StringComparison.OrdinalIgnoreCase)).SelectMany(m => m.Value).Distinct().ToList() ?? [];

    private bool Mappad(ScimGrupp g) => GruppensRoller(g).Count > 0;

    private string Mappning(ScimGrupp g) => GruppensRoller(g) is { Count: > 0 } roller ? $"; ger rollerna {string.Join(", ", roller)}" : "; ger ingen roll";

    private async Task<ScimGrupp> GruppAsync(string id, bool medMedlemmar, CancellationToken ct)
    {
        // Another municipality's group is filtered away like one that never existed: both are 404.
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var gruppId)) throw Saknas();
        IQueryable<ScimGrupp> q = db.Set<ScimGrupp>();
        if (medMedlemmar) q = q.Include(g => g.Medlemmar).ThenInclude(m => m.Koppling!).ThenInclude(k => k.Person);
        return await q.FirstOrDefaultAsync(g => g.Id == gruppId, ct) ?? throw Saknas();
    }

    private static ScimFel Saknas() => new(404, null, "Gruppen finns inte.");

    private async Task UnikAsync(string namn, int? utom, CancellationToken ct)
    {
        var lag = namn.ToLower(CultureInfo.InvariantCulture);
        if (await db.Set<ScimGrupp>().AnyAsync(g => g.DisplayName.ToLower() == lag && g.Id != utom, ct))
            throw ScimFel.Unik("Det finns redan en grupp med det displayName.");
    }

    /// <summary>The provisioned users with these ids, in this municipality; refuses the request if any is not one.</summary>
    private async Task<Dictionary<int, ScimKoppling>> KopplingarAsync(IEnumerable<int> personIdn, CancellationToken ct)
    {
        var idn = personIdn.Distinct().ToList();
        if (idn.Count == 0) return [];
        var funna = await db.Set<ScimKoppling>().Include(k => k.Person).Where(k => idn.Contains(k.PersonId)).ToDictionaryAsync(k => k.PersonId, ct);
        if (funna.Count != idn.Count) throw ScimFel.Varde("En medlem är ingen provisionerad användare i kommunen.");
        return funna;
    }

    /// <summary>The user ids of a members value: an array of <c>{"value": "…"}</c> (Entra adds <c>"$ref": null</c>), or one such object.</summary>
    private static IEnumerable<int> MedlemsIdn(JsonNode? value) => value switch
    {
        null => [],
        JsonArray lista => lista.Select(Medlem).ToList(),
        JsonObject objekt => [Medlem(objekt)],
        _ => throw ScimFel.Varde("members ska vara en lista av {\"value\": användarens id}."),
    };

    private static int Medlem(JsonNode? node) =>
        node is JsonObject o && ScimJson.Text(o["value"]) is { } v ? Heltal(v)
        : throw ScimFel.Varde("En medlem ska vara {\"value\": användarens id}.");

    /// <summary>An id that is not a number names no user: as unknown as one of another municipality.</summary>
    private static int Heltal(string text) => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;

    private static string Namn(JsonNode? node)
    {
        var namn = ScimJson.Text(node)?.Trim();
        if (string.IsNullOrEmpty(namn)) throw ScimFel.Varde("displayName saknas.");
        return namn.Length <= 256 ? namn : throw ScimFel.Varde("displayName är för långt.");
    }

    private static string? ExternId(JsonNode? node)
    {
        var id = ScimJson.Text(node)?.Trim();
        if (id?.Length > 256) throw ScimFel.Varde("externalId är för långt.");
        return string.IsNullOrEmpty(id) ? null : id;
    }

    private JsonObject Resurs(ScimGrupp g, bool utanMedlemmar)
    {
        var id = g.Id.ToString(CultureInfo.InvariantCulture);
        var resurs = new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema),
            ["id"] = id,
            ["displayName"] = g.DisplayName,
            ["meta"] = new JsonObject { ["resourceType"] = "Group", ["location"] = links.For($"/scim/v2/Groups/{id}") },
        };
        if (g.ExternalId is { } externId) resurs["externalId"] = externId;
        if (!utanMedlemmar)
            resurs["members"] = new JsonArray(g.Medlemmar.OrderBy(m => m.Koppling!.PersonId).Select(m =>
            {
                var personId = m.Koppling!.PersonId.ToString(CultureInfo.InvariantCulture);
                return (JsonNode)new JsonObject
                {
                    ["value"] = personId, ["$ref"] = links.For($"/scim/v2/Users/{personId}"), ["display"] = m.Koppling.Person?.Namn,
                };
            }).ToArray());
        return resurs;
    }

    private ClaimsPrincipal Provisioneringen() => new(new ClaimsIdentity(
        [new Claim(PortalClaims.Kommun, kommun.Required), new Claim(PortalClaims.Namn, ScimProvisionering.Aktor)], "scim"));
}
