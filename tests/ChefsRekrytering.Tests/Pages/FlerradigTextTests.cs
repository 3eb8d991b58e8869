using System.Reflection;
using System.Text.RegularExpressions;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// Line breaks survive only in text the model marks multi-line ([DataType(DataType.MultilineText)]); everywhere else the
/// binder makes them spaces. So every textarea must post to such a field, or its paragraphs are lost without a word.
/// </summary>
public partial class FlerradigTextTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public void VarjeTextrutaPostarTillEttFaltSomFarHaFleraRader()
    {
        var metadata = portal.Services.GetRequiredService<IModelMetadataProvider>();
        var web = typeof(ChefsRekrytering.Web.Infrastructure.CleanTextBinderProvider).Assembly;
        var pages = Path.Combine(TestServices.RepoRoot, "src", "ChefsRekrytering.Web", "Pages");
        var checkedFields = 0;
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(pages, file).Replace('\\', '/');
            var markup = File.ReadAllText(file);
            var textareas = Textarea().Matches(markup);
            if (textareas.Count == 0) continue;
            var model = ModelType(web, relative, markup);
            foreach (Match textarea in textareas)
            {
                var field = textarea.Groups["for"].Success ? textarea.Groups["for"].Value : textarea.Groups["name"].Value;
                var path = Indexer().Replace(field, "").Split('.');
                checkedFields++;
                var found = Resolve(metadata, model, path);
                if (found.Count == 0) problems.Add($"{relative}: {field} hittas inte i {model.Name}");
                problems.AddRange(found.Where(m => m.DataTypeName != "MultilineText").Select(m => $"{relative}: {field} är inte markerat flerradigt"));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedFields > 25, $"bara {checkedFields} textrutor");
    }

    /// <summary>The page's model: the type named by @model, in the namespace of the page's folder.</summary>
    private static Type ModelType(Assembly web, string relative, string markup)
    {
        var name = ModelDirective().Match(markup).Groups[1].Value.Trim();
        var folder = Path.GetDirectoryName(relative)!.Replace('/', '.').Replace('\\', '.');
        return web.GetType(name) ?? web.GetType($"ChefsRekrytering.Web.Pages.{folder}.{name}".Replace("..", "."))
            ?? throw new InvalidOperationException($"{relative}: hittar inte modellen {name}");
    }

    /// <summary>The metadata the binder sees for a posted name: a property of the page, or a parameter of every handler that
    /// takes it (by name or [Bind(Prefix)]), then down through properties, list elements and record parameters.</summary>
    private static List<ModelMetadata> Resolve(IModelMetadataProvider provider, Type page, string[] path)
    {
        var starts = new List<ModelMetadata>();
        if (page.GetProperty(path[0]) is { } property) starts.Add(provider.GetMetadataForProperty(page, property.Name));
        starts.AddRange(page.GetMethods().Where(m => m.Name.StartsWith("OnPost")).SelectMany(m => m.GetParameters())
            .Where(p => string.Equals(p.GetCustomAttribute<BindAttribute>()?.Prefix ?? p.Name, path[0], StringComparison.OrdinalIgnoreCase))
            .Select(p => ((ModelMetadataProvider)provider).GetMetadataForParameter(p)));
        return starts.Select(start => path.Skip(1).Aggregate<string, ModelMetadata?>(start, (m, segment) =>
        {
            var element = m is { IsEnumerableType: true, ElementMetadata: { } e } ? e : m;
            return element?.BoundConstructor?.BoundConstructorParameters?.FirstOrDefault(x => x.Name == segment) ?? element?.Properties[segment];
        })).OfType<ModelMetadata>().ToList();
    }

    [GeneratedRegex("""<textarea\b[^>]*?(?:asp-for="(?<for>[^"]+)"|\bname="(?<name>[^"]+)")""")]
    private static partial Regex Textarea();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Indexer();

    [GeneratedRegex(@"^@model\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ModelDirective();
}
