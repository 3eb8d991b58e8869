using AngleSharp.Html.Parser;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace ChefsRekrytering.Tests.Policies;

/// <summary>The comparison partial rendered by the portal's own view engine, before a page shows it.</summary>
public class JamforelseVyTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    private async Task<AngleSharp.Dom.IDocument> Rendera(PolicyJamforelseVy vy)
    {
        using var scope = portal.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = scope.ServiceProvider.GetRequiredService<IRazorViewEngine>()
            .GetView(null, "/Pages/Policy/_Jamforelse.cshtml", isMainPage: false).EnsureSuccessful([]).View;
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<PolicyJamforelseVy>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = vy };
        var tempData = new TempDataDictionary(http, scope.ServiceProvider.GetRequiredService<ITempDataProvider>());
        await view.RenderAsync(new ViewContext(actionContext, view, viewData, tempData, writer, new HtmlHelperOptions()));
        return new HtmlParser().ParseDocument(writer.ToString());
    }

    [Fact]
    public async Task AndringarVisasSidaVidSidaMedOrdForSkarmlasare()
    {
        var fore = PolicyUtkastTests.Library.Get("alvsbyn");
        var utkast = PolicyUtkast.FranPolicy(fore);
        utkast.Kompetensomraden[0].Krav[1].Text = "Bidra till tydliga uppdrag <b>och</b> bra samarbete.";
        utkast.Kompetensomraden[0].Krav.RemoveAt(2);
        utkast.Kompetensomraden[0].Krav.Add(new UtkastKrav { Text = "Leda hållbart." });
        utkast.Avsnitt[^1].Markdown += "\n\nEtt nytt stycke.";
        utkast.Paragraf = "§112";
        utkast.Uppfoljning.Add("Varje mandatperiod.");
        var j = PolicyJamforelse.Jamfor(fore, utkast.Validera("alvsbyn"));

        var html = await Rendera(new PolicyJamforelseVy(j, "Version 1", "Version 2"));

        var tabeller = html.QuerySelectorAll("table");
        Assert.Equal(4, tabeller.Length); // krav, text, beslut, listor
        Assert.All(tabeller, t =>
        {
            Assert.Equal(["Version 1", "Version 2"], t.QuerySelectorAll("thead th").Skip(1).Select(th => th.TextContent.Trim()));
            Assert.Contains("kortlista", t.ClassList); // cards on a phone
            Assert.Equal("H3", html.GetElementById(t.GetAttribute("aria-labelledby")!)!.TagName); // named by its heading
        });
        Assert.All(html.QuerySelectorAll("del"), d => Assert.Equal("borttaget:", d.QuerySelector(".visually-hidden")!.TextContent.Trim()));
        Assert.All(html.QuerySelectorAll("ins"), i => Assert.Equal("tillagt:", i.QuerySelector(".visually-hidden")!.TextContent.Trim()));
        var krav = tabeller[0].QuerySelectorAll("tbody tr");
        Assert.Equal(3, krav.Length);
        Assert.Contains("Bidra till tydliga uppdrag <b>och</b> bra samarbete.", krav[0].QuerySelector("ins")!.TextContent); // text, not markup
        Assert.Contains("Leda hållbart.", krav[1].QuerySelector("td:last-child ins")!.TextContent);
        Assert.Contains("Ta gemensamt ansvar", krav[2].QuerySelector("td del")!.TextContent);
        Assert.Contains("Ett nytt stycke.", tabeller[1].QuerySelector("ins")!.TextContent);
        Assert.Contains("§112", tabeller[2].QuerySelector("ins")!.TextContent);
        Assert.Contains("Varje mandatperiod.", tabeller[3].QuerySelector("ins")!.TextContent);
    }

    [Fact]
    public async Task LikaVersionerSagsVaraLika()
    {
        var p = PolicyUtkastTests.Library.Get("kalix");

        var html = await Rendera(new PolicyJamforelseVy(PolicyJamforelse.Jamfor(p, p), "Version 3", "Version 4"));

        Assert.Empty(html.QuerySelectorAll("table"));
        Assert.Contains("Version 4 har samma krav, text och uppgifter som Version 3", html.Body!.TextContent);
    }
}
