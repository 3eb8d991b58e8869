using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Pages;

public class RouteRulesTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    /// <summary>Deny by default is the fallback; on top of it, every page must state its rule so nobody relies on luck.</summary>
    [Fact]
    public void VarjeSidaHarEnUttryckligBehorighetsregel()
    {
        var pages = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).ToList();
        Assert.NotEmpty(pages);
        var withoutRule = pages
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(withoutRule);
    }
}
