using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// The folder is the URL: a page in <c>Pages/Rekrytering/</c> is served under <c>/rekrytering</c> (the folder's name in
/// lower case, words joined by a hyphen: <c>AretsChef</c> → <c>arets-chef</c>), and its <c>@page</c> names only what
/// follows, e.g. <c>@page "{id:int}/kravprofil"</c>. The page's file name is for the code, not the address, so a
/// folder's Index serves the folder itself. The rule is strict: an absolute <c>@page "/…"</c> in a folder, or a page at
/// the root of Pages other than the start page, stops the start-up with the file's name.
/// </summary>
public sealed partial class FolderRoutes : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        var path = model.ViewEnginePath.Trim('/'); // e.g. "Rekrytering/Kravprofil"
        var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
        if (folder.Length == 0)
        {
            if (path == "Index") return; // the start page, "/"
            throw new InvalidOperationException($"{model.RelativePath}: en sida ligger i mappen som är dess adress, inte direkt under Pages (bara startsidan gör det).");
        }
        var prefix = string.Join('/', folder.Split('/').Select(Segment));
        // The framework has already joined the page's path and its @page template ("Rekrytering/Kravprofil/{id:int}/…"),
        // unless the template was absolute ("/…"), which replaces the path.
        var selector = model.Selectors.FirstOrDefault(s => s.AttributeRouteModel?.Template is { } t
            && (t.Equals(path, StringComparison.OrdinalIgnoreCase) || t.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase)))
            ?? throw new InvalidOperationException($"{model.RelativePath}: @page anger en hel adress. Mappen ger adressen (/{prefix}); ange bara det som följer efter den, t.ex. @page \"{{id:int}}\".");
        var relative = selector.AttributeRouteModel!.Template!.Length > path.Length ? selector.AttributeRouteModel.Template[(path.Length + 1)..] : "";
        if (Path.GetFileName(path) != "Index" && relative.Length == 0)
            throw new InvalidOperationException($"{model.RelativePath}: en sida som inte är mappens Index anger sin adress efter mappen i @page.");
        // One address per page: the framework's "Folder/Name" and "Folder/Index" forms are replaced, not added to.
        model.Selectors.Clear();
        model.Selectors.Add(new SelectorModel
        {
            AttributeRouteModel = new AttributeRouteModel { Template = relative.Length == 0 ? prefix : $"{prefix}/{relative}" },
        });
    }

    /// <summary>AretsChef → arets-chef, MinaUppgifter → mina-uppgifter, Admin → admin.</summary>
    public static string Segment(string folder) => Words().Replace(folder, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-zåäö0-9])([A-ZÅÄÖ])")]
    private static partial Regex Words();
}
