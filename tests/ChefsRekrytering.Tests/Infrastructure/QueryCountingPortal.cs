using System.Data.Common;
using ChefsRekrytering.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>A portal that counts the SQL commands run while serving requests under <see cref="CommandCounter.PathPrefix"/>,
/// and nothing else (background jobs and the test's own set-up run no request).</summary>
public sealed class QueryCountingPortal : PortalFactory
{
    public CommandCounter Counter { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(Counter.For(sp.GetRequiredService<IHttpContextAccessor>())), ServiceLifetime.Singleton);

    public sealed class CommandCounter
    {
        private int _count;
        public int Count => _count;
        public string PathPrefix { get; set; } = "/ledarakademin";
        public void Reset() => Interlocked.Exchange(ref _count, 0);
        internal void Hit() => Interlocked.Increment(ref _count);
        public DbCommandInterceptor For(IHttpContextAccessor http) => new Interceptor(this, http);
    }

    private sealed class Interceptor(CommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (http.HttpContext?.Request.Path.StartsWithSegments(counter.PathPrefix) == true) counter.Hit();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
