using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using ChefsRekrytering.Granskning;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// Marks a page that shows confidential data: each time it is shown, who read which record is written to the audit log.
/// The record's id is the route value <see cref="RouteKey"/>; <see cref="Detalj"/> may name route values as {ar}.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LasloggasAttribute(string objectType, string routeKey, string detalj) : Attribute
{
    public string ObjectType => objectType;
    public string RouteKey => routeKey;
    public string Detalj => detalj;
}

/// <summary>
/// Logs the reads of pages marked <see cref="LasloggasAttribute"/>: only when the page is shown to someone (not a 404 for
/// someone without access, not a redirect after a change, not a HEAD), once per
/// reading (<see cref="AuditLog.SammaLasning"/>), and in a scope of its own, so the save of the log entry can never carry
/// a refused form's unsaved changes with it.
/// </summary>
public sealed partial class Lasloggning(IServiceScopeFactory scopes) : IAsyncPageFilter
{
    // Looked up once per page type: reading attributes on every request showed in a profile of the busiest list.
    private static readonly ConcurrentDictionary<Type, LasloggasAttribute?> Marks = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is not PageResult || executed.Exception is not null || !Visas(context.HttpContext.Request)) return;
        if (Marks.GetOrAdd(context.HandlerInstance.GetType(), t => t.GetCustomAttribute<LasloggasAttribute>()) is not { } mark) return;
        var route = context.RouteData.Values;
        if (!int.TryParse(route[mark.RouteKey]?.ToString(), out var id)) return;
        var detail = RouteValue().Replace(mark.Detalj, m => route[m.Groups[1].Value]?.ToString() ?? "");
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(context.HttpContext.User, mark.ObjectType, id, detail);
    }

    /// <summary>Whether anyone sees what is answered: a HEAD carries no page. (A browser's prefetch does: it may show the
    /// answer later without asking again.)</summary>
    private static bool Visas(HttpRequest request) => !HttpMethods.IsHead(request.Method);

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteValue();
}
