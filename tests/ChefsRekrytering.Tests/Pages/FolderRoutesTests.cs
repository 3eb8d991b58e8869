using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>The folder is the URL (<see cref="FolderRoutes"/>): a page's address is its folder's, followed by what its
/// @page names; and the addresses are the ones mails, bookmarks and the end-to-end tests already use.</summary>
public class FolderRoutesTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public void VarjeSidaHarSinMappsAdressOchAdressernaArDeSomRedanAnvands()
    {
        var pages = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Route: e.RoutePattern.RawText ?? ""))
            .Where(x => x.Page is not null).ToList();
        Assert.All(pages.Where(x => x.Page != "/Index"), x =>
            Assert.StartsWith(FolderRoutes.Segment(x.Page!.Split('/')[1]), x.Route));
        string[] addresses =
        [
            "", "Index", // the start page keeps the framework's two
            "admin", "admin/anvandare", "admin/anvandare/{id}", "admin/epost", "admin/epost/{id:long}", "admin/organisation", "admin/personalimport", "admin/personalimport/kolumner", "admin/scim",
            "ansokan/{token}",
            "arets-chef", "arets-chef/{ar:int}", "arets-chef/{ar:int}/jury", "arets-chef/{ar:int}/statistik",
            "arets-chef/{kommun}/{ar:int}", "arets-chef/kampanjer",
            "aterkoppling", "aterkoppling/oversikt", "aterkoppling/resultat",
            "avveckling", "avveckling/{id:int}",
            "behorigheter",
            "chefsforsorjning", "chefsforsorjning/medarbetare", "chefsforsorjning/pool",
            "dokument/{id:int}",
            "fel/{kod:int?}",
            "granskning",
            "introduktion", "introduktion/{id:int}", "introduktion/ny",
            "jobb", "jobb/{id:int}", "jobb/flode/{kommun?}",
            "konto/atkomst-nekad", "konto/logga-in", "konto/logga-ut", "konto/valj-losenord", "konto/glomt-losenord", "konto/verifiera", "konto/tvastegsverifiering",
            "ledarakademin", "ledarakademin/{personId:int}",
            "mallar", "mallar/{nyckel}", "mallar/avslag", "mallar/avslag/{nyckel}", "mallar/listor/{nyckel}",
            "mina-uppgifter", "mina-uppgifter/mejl",
            "mitt-ledarskap",
            "personuppgifter", "personuppgifter/{kommun}",
            "policy", "policy/{kommun}",
            "portal/kommuner", "policy/{kommun}/jamfor", "policy/{kommun}/versioner", "policy/{kommun}/versioner/{nummer:int}", "policy/{kommun}/versioner/{nummer:int}/paverkan", "policy/{kommun}/utkast",
            "rapporter",
            "registerutdrag",
            "rekrytering", "rekrytering/{id:int}", "rekrytering/{id:int}/intervjuguide", "rekrytering/{id:int}/intervjutider", "rekrytering/{id:int}/jamforelse", "rekrytering/{id:int}/tavla",
            "rekrytering/{id:int}/kandidater/{kandidatId:int}", "rekrytering/{id:int}/kandidater/{kandidatId:int}/bedomning",
            "rekrytering/{id:int}/kandidater/{kandidatId:int}/referenser", "rekrytering/{id:int}/kravprofil",
            "rekrytering/{id:int}/urvalsfragor", "rekrytering/{id:int}/utlamnande", "rekrytering/ny",
            "sjalvskattning/{personId:int}", "sjalvskattning/{personId:int}/{ar:int}",
            "tillganglighet",
            "uppdragskontrakt/{personId:int}",
        ];
        Assert.Equal(addresses.Order(StringComparer.Ordinal), pages.Select(x => x.Route).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EnHelAdressIEnMappStopparStarten()
    {
        // An absolute @page replaces the path the framework would have joined ("Rekrytering/Detaljer/{id:int}").
        var model = Model("Rekrytering/Detaljer", "rekrytering/{id:int}");
        var fel = Assert.Throws<InvalidOperationException>(() => new FolderRoutes().Apply(model));
        Assert.Contains("/Pages/Rekrytering/Detaljer.cshtml: @page anger en hel adress", fel.Message);
        Assert.Contains("(/rekrytering)", fel.Message);
    }

    [Fact]
    public void EnSidaDirektUnderPagesStopparStartenUtomStartsidan()
    {
        var fel = Assert.Throws<InvalidOperationException>(() => new FolderRoutes().Apply(Model("Fel", "fel/{kod:int?}")));
        Assert.StartsWith("/Pages/Fel.cshtml: en sida ligger i mappen", fel.Message);
        var start = Model("Index", "Index");
        new FolderRoutes().Apply(start);
        Assert.Equal("Index", Assert.Single(start.Selectors).AttributeRouteModel!.Template);
    }

    [Fact]
    public void MappensNamnGerAdressensForstaDel()
    {
        var model = Model("AretsChef/Jury", "AretsChef/Jury/{ar:int}/jury");
        new FolderRoutes().Apply(model);
        Assert.Equal("arets-chef/{ar:int}/jury", Assert.Single(model.Selectors).AttributeRouteModel!.Template);
    }

    private static PageRouteModel Model(string path, string template) => new($"/Pages/{path}.cshtml", $"/{path}")
    {
        Selectors = { new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template } } },
    };
}
