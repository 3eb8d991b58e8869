using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// The recruitment list is the page a recruiting manager and HR come back to again and again, and it is the same
/// page until someone changes a recruitment. It is kept in memory for a few seconds per signed-in browser session
/// (keyed on the whole Cookie header: the sign-in and the antiforgery cookie, so the form tokens in the page stay
/// valid and no one is shown another person's page) and thrown away the moment this instance saves a change to a
/// recruitment, a candidate, a panel or a unit. Another instance behind the load balancer drops its copy when the
/// lifetime runs out (<c>Sidcache:Sekunder</c>, 0 turns the cache off).
/// Authentication and authorization run before the cache on every request, so a revoked session is still refused.
/// </summary>
public sealed class SignedInPageCache(TimeSpan lifetime) : IOutputCachePolicy
{
    public const string Policy = "InloggadSida";
    public const string Tag = "rekryteringar";

    public static bool IsListed(Type entity) =>
        entity.Namespace is "ChefsRekrytering.Rekryteringar" or "ChefsRekrytering.Organisation";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = lifetime > TimeSpan.Zero
            && HttpMethods.IsGet(request.Method)
            && context.HttpContext.User.Identity?.IsAuthenticated == true
            // A one-time message ("Rekryteringen är skapad") is shown once and its cookie removed: never from memory.
            && !request.Cookies.ContainsKey(context.HttpContext.RequestServices.GetRequiredService<PortalCookies>().Meddelande);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["session"] = SessionKey(request.Headers.Cookie);
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // A response that sets a cookie (a renewed sign-in, a new antiforgery cookie) belongs to that one request.
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    // A digest, so the cache's keys do not hold the cookies themselves.
    private static string SessionKey(StringValues cookies) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(cookies.ToString())));

    /// <summary>
    /// Empties the cached lists once a change that shows in them is committed: after SaveChanges, or after the
    /// surrounding transaction's commit when there is one, so a request in between cannot cache the old rows again.
    /// </summary>
    public sealed class EvictOnChange(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, object> _pending = new();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Mark(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Mark(eventData.Context);
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.Database.CurrentTransaction is null) await EvictIfMarkedAsync(eventData.Context);
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            if (eventData.Context?.Database.CurrentTransaction is null) EvictIfMarkedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default) => await EvictIfMarkedAsync(eventData.Context);

        public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
            EvictIfMarkedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

        private void Mark(DbContext? context)
        {
            if (context is not null && context.ChangeTracker.Entries().Any(e =>
                    e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsListed(e.Metadata.ClrType)))
                _pending.AddOrUpdate(context, true);
        }

        private ValueTask EvictIfMarkedAsync(DbContext? context) =>
            context is not null && _pending.Remove(context) ? store.EvictByTagAsync(Tag, default) : ValueTask.CompletedTask;
    }
}

public static class SignedInPageCacheExtensions
{
    public static IServiceCollection AddSignedInPageCache(this IServiceCollection services, IConfiguration config)
    {
        var lifetime = TimeSpan.FromSeconds(config.GetValue("Sidcache:Sekunder", 10));
        services.AddOutputCache(o => o.AddPolicy(SignedInPageCache.Policy, new SignedInPageCache(lifetime)));
        services.AddSingleton<SignedInPageCache.EvictOnChange>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SignedInPageCache.EvictOnChange>()), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SignedInPageCache.EvictOnChange>()), ServiceLifetime.Singleton);
        return services;
    }
}
