using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Data;
using ChefsRekrytering.Granskning;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Scim;

/// <summary>One rule: a municipality's Admin keeps its SCIM tokens, as it keeps its organisation.</summary>
public static class ScimAccess
{
    public static bool KanHantera(ClaimsPrincipal user) => user.IsInRole(Roller.Admin) && user.KommunId() is not null;
}

public sealed record ScimTokenRad(int Id, DateTime SkapadUtc, string SkapadAv, DateTime GiltigTillUtc, DateTime? AterkalladUtc, bool Utgangen);

/// <summary>
/// Creates, lists and revokes the municipality's SCIM tokens, and tells a SCIM request which municipality it speaks for.
/// </summary>
public sealed class ScimTokenService(AppDbContext db, AuditLog audit, CurrentKommun kommun)
{
    private const string Prefix = "scim_";
    /// <summary>A year, the longest Microsoft advises for a provisioning secret; Admin makes a new one before it runs out.</summary>
    public static readonly TimeSpan Giltighet = TimeSpan.FromDays(365);

    public async Task<IReadOnlyList<ScimTokenRad>?> ListaAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!ScimAccess.KanHantera(actor)) return null;
        var now = db.UtcNow;
        return await db.Set<ScimToken>().AsNoTracking().OrderByDescending(t => t.SkapadUtc)
            .Select(t => new ScimTokenRad(t.Id, t.SkapadUtc, t.SkapadAv, t.GiltigTillUtc, t.AterkalladUtc, t.GiltigTillUtc <= now)).ToListAsync(ct);
    }

    /// <summary>A new token for the municipality; its plain text is in the result once and never stored.</summary>
    public async Task<CommandResult<string>> SkapaAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!ScimAccess.KanHantera(actor)) return new(CommandResult.Forbidden, null);
        var token = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var rad = new ScimToken { KommunId = "", Hash = Hash(token), SkapadUtc = db.UtcNow, GiltigTillUtc = db.UtcNow + Giltighet, SkapadAv = actor.Namn() };
        db.Add(rad);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, AuditAction.Skapade, Granskningsobjekt.Behorighet, 0, $"SCIM-token {rad.Id} skapad");
        await db.SaveChangesAsync(ct);
        return new(CommandResult.Done($"Token är skapad och gäller till {Calendar.SwedishTime.ToLocal(rad.GiltigTillUtc):yyyy-MM-dd}. Kopiera den nu: den visas inte igen."), token);
    }

    public async Task<CommandResult> AterkallaAsync(int id, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!ScimAccess.KanHantera(actor)) return CommandResult.Forbidden;
        var rad = await db.Set<ScimToken>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (rad is null) return CommandResult.NotFound;
        if (rad.Aterkallad) return CommandResult.Refused("Token är redan återkallad.");
        rad.AterkalladUtc = db.UtcNow;
        audit.Add(actor, AuditAction.Andrade, Granskningsobjekt.Behorighet, 0, $"SCIM-token {rad.Id} återkallad");
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Token är återkallad: identitetsleverantören kan inte längre använda den.");
    }

    /// <summary>
    /// The municipality a bearer token speaks for, which from here on is the request's municipality; null for a missing,
    /// unknown, expired or revoked token.
    /// </summary>
    public async Task<string?> LoggaInAsync(string? token, CancellationToken ct = default)
    {
        if (token is not { Length: 69 } || !token.StartsWith(Prefix, StringComparison.Ordinal) || !token.AsSpan(Prefix.Length).ContainsOnlyHex())
            return null;
        var hash = Hash(token);
        var now = db.UtcNow;
        var kommunId = await db.Set<ScimToken>().IgnoreQueryFilters().Where(t => t.Hash == hash && t.AterkalladUtc == null && t.GiltigTillUtc > now)
            .Select(t => t.KommunId).FirstOrDefaultAsync(ct);
        if (kommunId is null) return null;
        kommun.Use(kommunId);
        return kommunId;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}

internal static class HexSpan
{
    public static bool ContainsOnlyHex(this ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigitLower(c)) return false;
        return true;
    }
}
