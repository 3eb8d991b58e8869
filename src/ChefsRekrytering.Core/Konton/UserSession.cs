using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChefsRekrytering.Konton;

/// <summary>
/// A signed-in browser, kept on the server: the cookie carries only a random key to this row. Signing out deletes the
/// row, and a change of the account's security stamp (roles, "has left", a new password) deletes all of the account's
/// rows in the same save, so the next request of every browser of that account is signed out.
/// </summary>
public class UserSession
{
    /// <summary>SHA-256 of the key in the cookie: the table alone does not give anyone a usable cookie.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The authentication ticket (the person's claims), as the cookie handler wrote it.</summary>
    public required byte[] Ticket { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>The idle timeout: moved on by the cookie handler's sliding renewal.</summary>
    public DateTime? ExpiresUtc { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresUtc);
    }
}

/// <summary>Section <c>Security:Sessioner</c>: how long a signed-in browser may stay idle, and stay at all.</summary>
public sealed class UserSessionOptions
{
    public const string Section = "Security:Sessioner";
    /// <summary>Signed out after this long without a request.</summary>
    public TimeSpan Inaktivitet { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Signed out this long after signing in, however active.</summary>
    public TimeSpan Livslangd { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>
/// The cookie handler's server-side session store. One small query by primary key per signed-in request; a write only
/// at sign-in, at a sliding renewal (at most every half idle timeout) and at sign-out. Shared by every instance through
/// the database.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, Microsoft.AspNetCore.Http.IHttpContextAccessor http, TimeProvider clock,
    UserSessionOptions options) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    private sealed record Row(byte[] Ticket, DateTime CreatedUtc, DateTime? ExpiresUtc);

    // Compiled once per store: the lookup runs on every signed-in request, and translating the LINQ each time cost more
    // than the query. Not static: a compiled query belongs to one model, and a process may host a portal per provider.
    private readonly Func<AppDbContext, string, CancellationToken, Task<Row?>> Find = EF.CompileAsyncQuery(
        (AppDbContext db, string id, CancellationToken ct) => db.Set<UserSession>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new Row(s.Ticket, s.CreatedUtc, s.ExpiresUtc)).FirstOrDefault());

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var userId = UserIdOf(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new UserSession
        {
            Id = Hash(key), UserId = userId, Ticket = Serializer.Serialize(ticket), CreatedUtc = now,
            ExpiresUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync();
        // The account's sessions that ran out are cleared when it signs in again; the rest go with the account.
        await db.Set<UserSession>().Where(s => s.UserId == userId && s.ExpiresUtc < now).ExecuteDeleteAsync();
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        try { return await FindAsync(key); }
        // The error page is re-executed through authentication, so when the database is what failed (PostgreSQL
        // restarting), reading the session fails again and the person got an empty 500 instead of the Swedish page.
        // There, and only there, the page is shown as to someone not signed in; every other request still fails loudly.
        catch (Exception) when (http.HttpContext?.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            return null;
        }
    }

    private async Task<AuthenticationTicket?> FindAsync(string key)
    {
        await using var scope = RequestOrOwnScope(out var db);
        var id = Hash(key);
        var session = await Find(db, id, CancellationToken.None);
        if (session is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - session.CreatedUtc > options.Livslangd || session.ExpiresUtc < now)
        {
            await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync();
            return null;
        }
        return Serializer.Deserialize(session.Ticket);
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = RequestOrOwnScope(out var db);
        var id = Hash(key);
        var bytes = Serializer.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        // Only a session that still exists is renewed: a revoked one stays revoked.
        await db.Set<UserSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresUtc, expires));
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = RequestOrOwnScope(out var db);
        var id = Hash(key);
        await db.Set<UserSession>().Where(s => s.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>
    /// The request's own context when there is a request: reading the session is the first query of almost every request,
    /// and a scope and context of its own cost as much again. These reads and single-statement writes track nothing, so
    /// they cannot carry anything of the request's with them. The returned scope is null then (nothing to dispose).
    /// </summary>
    private AsyncServiceScope? RequestOrOwnScope(out AppDbContext db)
    {
        if (http.HttpContext?.RequestServices is { } services)
        {
            db = services.GetRequiredService<AppDbContext>();
            return null;
        }
        var scope = scopes.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
        ?? throw new InvalidOperationException("En inloggning utan användar-id kan inte sparas.");

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}
