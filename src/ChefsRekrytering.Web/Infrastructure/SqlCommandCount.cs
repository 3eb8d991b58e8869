using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// For benchmarks only (Bench:VisaSqlAntal=true): counts the SQL commands each request runs and reports the number in
/// the X-Sql-Commands response header, so a script can check that a page's queries do not grow with the data.
/// </summary>
public static class SqlCommandCount
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    public static bool Enabled(IConfiguration config) => config.GetValue("Bench:VisaSqlAntal", false);

    public static void AddTo(DbContextOptionsBuilder options) => options.AddInterceptors(new Interceptor());

    public static IApplicationBuilder UseSqlCommandCount(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var box = new StrongBox<int>();
        Current.Value = box;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Sql-Commands"] = box.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    });

    private sealed class StrongBox<T> { public T Value = default!; }

    private sealed class Interceptor : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        private static void Count()
        {
            if (Current.Value is { } box) Interlocked.Increment(ref box.Value);
        }
    }
}
