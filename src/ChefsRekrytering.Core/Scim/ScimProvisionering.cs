using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Organisation;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Scim;

/// <summary>
/// The identity provider's provisioning of one municipality's people (SCIM 2.0 Users). Every call runs after
/// <see cref="ScimTokenService.LoggaInAsync"/> has set the municipality from the token, so the DbContext's filter keeps
/// each call inside it: another municipality's user is simply not found. A user who is already a person of the
/// municipality (same employee number, else same e-mail) is linked, not duplicated. "Not active" and DELETE are the one
/// meaning of "has left" (<see cref="Avgang"/>): the person and their records stay, their accounts are locked.
/// Every change is in the audit log, under Organisation, as the provisioning's.
/// </summary>
public sealed partial class ScimProvisionering(AppDbContext db, AuditLog audit, CurrentKommun kommun, MailLinks links)
{
    public const string Aktor = "Automatisk provisionering (SCIM)";
    public const int MestPerSida = 200;

    public async Task<JsonObject> HamtaAsync(string id, CancellationToken ct = default)
    {
        var k = await KopplingAsync(id, ct);
        return Resurs(k);
    }

    [GeneratedRegex("""^\s*(?<attr>userName|externalId|id|emails\[\s*type\s+eq\s+"work"\s*\]\.value|emails\.value|emails)\s+eq\s+"(?<v>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex FilterRegex();

    /// <summary>The provisioned users, all or those a filter names (<c>userName eq "…"</c>, <c>externalId eq "…"</c>,
    /// <c>emails[type eq "work"].value eq "…"</c>, which Microsoft asks of an endpoint that matches users by e-mail).</summary>
    public async Task<JsonObject> ListaAsync(string? filter, int startIndex, int count, CancellationToken ct = default)
    {
        IQueryable<ScimKoppling> q = db.Set<ScimKoppling>().Include(k => k.Person);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var m = FilterRegex().Match(filter);
            if (!m.Success) throw ScimFel.Filter("Filtret stöds inte: använd userName eq \"…\", externalId eq \"…\" eller emails[type eq \"work\"].value eq \"…\".");
            var varde = m.Groups["v"].Value.Replace("\\\"", "\"").Replace("\\\\", "\\");
            switch (m.Groups["attr"].Value.ToLowerInvariant())
            {
                case "username": var u = varde.ToLowerInvariant(); q = q.Where(k => k.UserName == u); break;
                case "externalid": q = q.Where(k => k.ExternalId == varde); break;
                case "id":
                    var id = int.TryParse(varde, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                    q = q.Where(k => k.PersonId == id);
                    break;
                default:
                    // emails[type eq "work"].value: the person's one address, which the portal keeps in lower case.
                    var epost = varde.Trim().ToLowerInvariant();
                    q = q.Where(k => k.Person!.Epost == epost);
                    break;
            }
        }
        startIndex = Math.Max(startIndex, 1);
        count = Math.Clamp(count, 0, MestPerSida);
        var total = await q.CountAsync(ct);
        var sida = await q.OrderBy(k => k.Id).Skip(startIndex - 1).Take(count).ToListAsync(ct);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimJson.ListResponseSchema),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = sida.Count,
            ["Resources"] = new JsonArray(sida.Select(k => (JsonNode)Resurs(k)).ToArray()),
        };
    }

    /// <summary>POST: a new person, or a link to the person already there with the same employee number or e-mail.</summary>
    public async Task<JsonObject> SkapaAsync(JsonObject body, CancellationToken ct = default)
    {
        var a = ScimJson.Las(body);
        if (await db.Set<ScimKoppling>().AnyAsync(k => k.UserName == a.UserName, ct))
            throw ScimFel.Unik("Det finns redan en provisionerad användare med det userName.");
        var medNummer = a.Anstallningsnummer is { } nr ? await db.Personer.FirstOrDefaultAsync(p => p.Anstallningsnummer == nr, ct) : null;
        var medEpost = await db.Personer.FirstOrDefaultAsync(p => p.Epost == a.Epost, ct);
        if (medNummer is not null && medEpost is not null && medNummer.Id != medEpost.Id)
            throw ScimFel.Unik("Anställningsnumret och e-postadressen tillhör två olika anställda.");
        var person = medNummer ?? medEpost;
        if (person is not null && await db.Set<ScimKoppling>().AnyAsync(k => k.PersonId == person.Id, ct))
            throw ScimFel.Unik("Den anställda är redan provisionerad med ett annat userName.");

        var ny = person is null;
        person ??= new Person { KommunId = "", Fornamn = a.Fornamn, Efternamn = a.Efternamn, Epost = a.Epost };
        var koppling = new ScimKoppling { KommunId = "", UserName = a.UserName, Person = person };
        if (ny) db.Personer.Add(person);
        db.Add(koppling);
        var andring = await TillampaAsync(koppling, person, a, ct);
        await db.SaveChangesAsync(ct);
        audit.Add(Provisioneringen(), ny ? AuditAction.Skapade : AuditAction.Andrade, Granskningsobjekt.Organisation, person.Id,
            ny ? $"Anställd {person.Namn} ({person.Epost}) skapad via SCIM{andring}" : $"{person.Namn} kopplad till SCIM{andring}");
        await db.SaveChangesAsync(ct);
        return Resurs(koppling);
    }

    /// <summary>PUT: the user as the identity provider now has it.</summary>
    public async Task<JsonObject> ErsattAsync(string id, JsonObject body, CancellationToken ct = default)
    {
        var k = await KopplingAsync(id, ct);
        return await SparaAsync(k, ScimJson.Las(body), ct);
    }

    /// <summary>PATCH: the operations applied to the user as the portal shows it, then saved as a PUT of the result.</summary>
    public async Task<JsonObject> AndraAsync(string id, JsonObject patch, CancellationToken ct = default)
    {
        var k = await KopplingAsync(id, ct);
        // Re-read so every nested object compares names without regard to case.
        var resurs = (JsonObject)JsonNode.Parse(Resurs(k).ToJsonString(), ScimJson.Options)!;
        ScimJson.Patcha(resurs, patch);
        return await SparaAsync(k, ScimJson.Las(resurs), ct);
    }

    /// <summary>DELETE: the person has left; the link goes, so the user is no longer a SCIM resource. Records stay.</summary>
    public async Task TaBortAsync(string id, CancellationToken ct = default)
    {
        var k = await KopplingAsync(id, ct);
        var person = k.Person!;
        var vakanta = person.Aktiv ? await Avgang.LamnaAsync(db, person, ct) : [];
        db.Remove(k);
        audit.Add(Provisioneringen(), AuditAction.Andrade, Granskningsobjekt.Organisation, person.Id,
            $"{person.Namn} borttagen via SCIM: markerad som slutad, kontot spärrat{Vakanta(vakanta)}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<JsonObject> SparaAsync(ScimKoppling k, ScimAnvandare a, CancellationToken ct)
    {
        if (await db.Set<ScimKoppling>().AnyAsync(x => x.UserName == a.UserName && x.Id != k.Id, ct))
            throw ScimFel.Unik("Det finns redan en provisionerad användare med det userName.");
        var person = k.Person!;
        var andring = await TillampaAsync(k, person, a, ct);
        audit.Add(Provisioneringen(), AuditAction.Andrade, Granskningsobjekt.Organisation, person.Id, $"{person.Namn} uppdaterad via SCIM{andring}");
        await db.SaveChangesAsync(ct);
        return Resurs(k);
    }

    /// <summary>Writes the user's attributes onto the person; an employee number or title the user lacks keeps the
    /// person's (the HR system may have given it). Returns what "active" changed, for the audit log.</summary>
    private async Task<string> TillampaAsync(ScimKoppling k, Person person, ScimAnvandare a, CancellationToken ct)
    {
        if (await db.Personer.AnyAsync(p => p.Epost == a.Epost && p.Id != person.Id, ct))
            throw ScimFel.Unik("En annan anställd har redan den e-postadressen.");
        if (a.Anstallningsnummer is { } nr && await db.Personer.AnyAsync(p => p.Anstallningsnummer == nr && p.Id != person.Id, ct))
            throw ScimFel.Unik("En annan anställd har redan det anställningsnumret.");
        person.Fornamn = a.Fornamn;
        person.Efternamn = a.Efternamn;
        person.Epost = a.Epost;
        if (a.Anstallningsnummer is not null) person.Anstallningsnummer = a.Anstallningsnummer;
        if (a.Titel is not null) person.Titel = a.Titel;
        k.UserName = a.UserName;
        if (a.ExternalId is not null) k.ExternalId = a.ExternalId;
        if (a.Aktiv && !person.Aktiv)
        {
            await Avgang.AterAsync(db, person, ct);
            return "; aktiv igen, kontot kan logga in";
        }
        if (!a.Aktiv && person.Aktiv) return "; markerad som slutad, kontot spärrat" + Vakanta(await Avgang.LamnaAsync(db, person, ct));
        return "";
    }

    private static string Vakanta(IReadOnlyList<string> enheter) => enheter.Count == 0 ? "" : $"; vakant: {string.Join(", ", enheter)}";

    private async Task<ScimKoppling> KopplingAsync(string id, CancellationToken ct)
    {
        // Another municipality's id is filtered away like one that never existed: both are 404.
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId)) throw ScimFel.Saknas();
        return await db.Set<ScimKoppling>().Include(k => k.Person).FirstOrDefaultAsync(k => k.PersonId == personId, ct)
            ?? throw ScimFel.Saknas();
    }

    private JsonObject Resurs(ScimKoppling k) =>
        ScimJson.Resurs(k.Person!, k, links.For($"/scim/v2/Users/{k.PersonId.ToString(CultureInfo.InvariantCulture)}"));

    private ClaimsPrincipal Provisioneringen() => new(new ClaimsIdentity(
        [new Claim(PortalClaims.Kommun, kommun.Required), new Claim(PortalClaims.Namn, Aktor)], "scim"));
}
