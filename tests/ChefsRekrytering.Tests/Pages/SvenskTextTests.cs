using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ChefsRekrytering.AretsChef;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChefsRekrytering.Tests.Pages;

/// <summary>
/// Every page a visitor and a signed-in person of each role can reach by following links (from the start page and the
/// records the demo data and the builders make), and the answer to an empty post of each form on them, read as a person
/// reads them: no English from the framework (model binding, data annotations, Identity, error pages) and no internal
/// names (the state enums' member names, the diagram language, stored file names, a recruitment called by its row id).
/// </summary>
public class SvenskTextTests(ITestOutputHelper output)
{
    /// <summary>Who crawls: a visitor, each role of Kalix, a leader with no role of their own, and another municipality.</summary>
    private static readonly string[] Actors = ["anonym", "medarbetare", "chef", "rekryterande", "kommunchef", "hr", "jury", "admin", "alvsbyn:hr", "alvsbyn:admin"];

    private const int PerShape = 4, PerActor = 220;

    [Fact]
    public async Task IngenSidaVisarEngelskaEllerInternaNamn()
    {
        await using var portal = new PortalFactory().With("Mail:DispatcherEnabled", "false");
        var data = new Testdata(portal);
        var seeds = await SeedsAsync(portal, data);
        var forbidden = Forbidden();

        var findings = new SortedSet<string>(StringComparer.Ordinal);
        var (pages, posts) = (0, 0);
        foreach (var actor in Actors)
        {
            var client = actor == "anonym" ? PortalClient.For(portal)
                : await data.I(actor.Contains(':') ? actor.Split(':')[0] : "kalix").InloggadAsync(actor.Split(':').Last());
            var forms = new List<(string Page, IHtmlFormElement Form)>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var shapes = new Dictionary<string, int>();
            var queue = new Queue<string>(seeds);
            while (queue.Count > 0 && seen.Count < PerActor)
            {
                var url = queue.Dequeue();
                if (!seen.Add(url)) continue;
                var shape = Shape(url);
                if ((shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > PerShape) continue;
                var response = await client.GetAsync(url);
                pages++;
                if ((int)response.StatusCode >= 500) findings.Add($"GET {url} som {actor}: {(int)response.StatusCode}");
                var text = await ReadableAsync(response);
                if (text is null) continue;
                foreach (var hit in Hits(text.Value.Text, forbidden)) findings.Add($"GET {Shape(url)} som {actor}: {hit}");
                if (text.Value.Document is not { } document) continue;
                foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]").Select(a => a.GetAttribute("href")!))
                    if (Local(link) is { } next && !seen.Contains(next)) queue.Enqueue(next);
                forms.AddRange(document.QuerySelectorAll<IHtmlFormElement>("form[method=post]").Select(f => (url, f)));
            }

            // The empty post of each kind of form with something to fill in (a form of buttons only is the action itself).
            var tried = new HashSet<string>();
            foreach (var (url, form) in forms)
            {
                var action = WebUtility.HtmlDecode(form.GetAttribute("action") ?? url);
                var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]").ToList();
                if (action.Contains("logga-ut") || !fields.Any(Visible)) continue;
                if (!tried.Add(Shape(action) + "|" + string.Join(",", fields.Select(f => f.GetAttribute("name"))))) continue;
                var response = await PostEmptyAsync(client, url, action, form, fields);
                posts++;
                var where = $"POST tomt {Shape(action)} som {actor}";
                if ((int)response.StatusCode >= 500) findings.Add($"{where}: {(int)response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to)
                    response = await client.GetAsync(to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString);
                if (await ReadableAsync(response) is { } answer)
                    foreach (var hit in Hits(answer.Text, forbidden)) findings.Add($"{where}: {hit}");
            }
        }
        output.WriteLine($"{pages} sidor och {posts} tomma formulär lästa, {findings.Count} fynd.");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(120)));
        Assert.True(pages > 400 && posts > 40, $"bara {pages} sidor och {posts} formulär");
    }

    /// <summary>
    /// Every field a page binds that can be refused (a validation attribute, or a number, date or choice that must be
    /// there) has a Swedish name to be refused by: the messages are set once (SwedishValidationMessages) and name the field
    /// by its [Display], so a field without one would be called "fältet", or by its name in the code.
    /// </summary>
    [Fact]
    public async Task VarjeFaltSomKanNekasHarEttSvensktNamn()
    {
        await using var portal = new PortalFactory();
        _ = portal.Server;
        var metadata = (ModelMetadataProvider)portal.Services.GetRequiredService<IModelMetadataProvider>();
        var pages = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>()).OfType<CompiledPageActionDescriptor>().DistinctBy(p => p.HandlerTypeInfo).ToList();
        var utanNamn = new List<string>();
        var antal = 0;
        foreach (var page in pages)
        {
            // The page's bound properties, and the forms a handler binds as a parameter of its own.
            var forms = page.BoundProperties.Select(b => (b.Name, Metadata: metadata.GetMetadataForProperty(page.HandlerTypeInfo, b.Name)))
                .Concat(page.HandlerMethods.Where(h => !h.MethodInfo.Name.StartsWith("OnPageHandler")).SelectMany(h => h.Parameters)
                    .Select(p => (p.Name, Metadata: metadata.GetMetadataForParameter(p.ParameterInfo)))
                    .Where(p => p.Metadata.IsComplexType && p.Metadata.BindingSource?.IsFromRequest != false && p.Metadata.ModelType != typeof(CancellationToken)));
            foreach (var (name, form) in forms)
                foreach (var (path, field) in Leaves(form, name))
                {
                    // A form's version and the ids it carries are hidden: nobody types them, so nobody is told about them.
                    if (field.PropertyName is "Version" or "Token" || field.PropertyName?.EndsWith("Id") == true) continue;
                    antal++;
                    var kanNekas = field.ValidatorMetadata.Count > 0 || !field.IsReferenceOrNullableType;
                    if (kanNekas && field.DisplayName is null) utanNamn.Add($"{page.HandlerTypeInfo.Name}.{path}");
                }
        }
        Assert.True(utanNamn.Count == 0, "Fält utan [Display(Name)]:\n" + string.Join("\n", utanNamn));
        Assert.True(antal > 60, $"bara {antal} fält");
    }

    /// <summary>The fields a form fills in under a bound property: itself, or the properties of its input model.</summary>
    private static IEnumerable<(string Path, ModelMetadata Field)> Leaves(ModelMetadata property, string path, int depth = 0)
    {
        var type = property.ElementMetadata ?? property;
        if (!type.IsComplexType || type.ModelType == typeof(Microsoft.AspNetCore.Http.IFormFile) || depth > 3)
        {
            yield return (path, type);
            yield break;
        }
        foreach (var child in type.Properties.Where(p => p.IsBindingAllowed && !p.IsReadOnly))
            foreach (var leaf in Leaves(child, $"{path}.{child.PropertyName}", depth + 1))
                yield return leaf;
    }

    /// <summary>The start page and the records that exist only with data: an application, an introduction, two cases, a
    /// self-assessment, a contract, Årets chef in three states, a mail in Admin's list.</summary>
    private static async Task<List<string>> SeedsAsync(PortalFactory portal, Testdata data)
    {
        string token;
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var rekId = await db.Set<Rekryteringar.Rekrytering>().Where(r => r.State == Rekryteringar.RekryteringsTillstand.Annonserad).Select(r => r.Id).FirstAsync();
            token = await data.AnsokanAsync(rekId, "Sven", "Språkprov", "sven.sprakprov@example.com");
        }
        var karin = await data.IdForNamnAsync("Karin Öberg");
        var intro = await data.IntroduktionAsync(karin);
        var arende = await data.AvvecklingAsync(karin, "Språkprovets ärende.");
        var ar = await data.SjalvskattningAsync("chef");
        await data.UppdragskontraktAsync();
        await data.KampanjAsync(ar);
        await data.KampanjAsync(ar - 1, KampanjTillstand.Juryarbete);
        await data.KampanjAsync(ar - 2, KampanjTillstand.Tillkannagiven, offentlig: true);
        return ["/", $"/ansokan/{token}", $"/introduktion/{intro}", $"/avveckling/{arende}", $"/ledarakademin/{karin}", $"/uppdragskontrakt/{karin}",
            $"/sjalvskattning/{karin}", $"/sjalvskattning/{karin}/{ar}", $"/arets-chef/{ar - 1}/jury", $"/arets-chef/{ar - 1}",
            $"/arets-chef/{ar - 1}/statistik", $"/arets-chef/kalix/{ar - 2}", "/arets-chef/kampanjer", "/konto/valj-losenord?id=x&token=y",
            "/konto/atkomst-nekad", "/konto/glomt-losenord", "/konto/tvastegsverifiering", "/fel", "/fel/404", "/rekrytering/ny", "/introduktion/ny", "/policy"];
    }

    // ---- What a person must not read ------------------------------------------------------------------------------------

    private sealed record Rule(string Why, Regex Pattern);

    private static List<Rule> Forbidden()
    {
        Rule R(string why, string pattern) => new(why, new Regex(pattern, RegexOptions.CultureInvariant));
        var rules = new List<Rule>
        {
            // English from the framework: model binding, data annotations, Identity, status pages.
            R("engelska", @"(?<![\p{L}])(The|This|Please|Invalid|Required|Unknown|Error|error|Exception|Forbidden|Unauthorized|Access denied|Bad Request|Not Found|An error occurred)(?![\p{L}])"),
            R("engelska", @" field (is|must|should)| is (invalid|required|not valid)|must be |not a valid|is too (long|short)|cannot be empty|The value"),
            R("ett värde för maskinen", @"(?<![\p{L}])(True|False|null)(?![\p{L}])"),
            R("ett internt namn", @"Mermaid|stateDiagram|ChefsRekrytering\.[A-Z]|System\.[A-Z]|Microsoft\.[A-Z]"),
            R("ett lagrat filnamn", @"\b\d{3}_[0-9a-f]{16}\.txt\b|[\w-]+/[\w.-]+\.(md|txt|json|ya?ml|cs|cshtml|db)\b|\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"),
            R("en rekrytering med sitt radnummer", @"Rekrytering(en)? (nr )?\d{1,6}(?![\d/])"),
        };
        // An enum member's name where it is its Swedish name spelled for code (Behovsprovning for "Behovsprövning",
        // Tillkannagiven), and any word joined in code style (NomineringOppen, AretsChef, SkickaForBehovsprovning); the
        // portal's own name and a file format's are the ones a person may read.
        var internalNames = typeof(Rekryteringar.Rekrytering).Assembly.GetTypes().Where(t => t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (f.Name, Display: f.GetCustomAttribute<DisplayAttribute>()?.GetName()))
            .Where(m => m.Display is { } d && !string.Equals(d, m.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(Folded(d), m.Name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Name).Distinct().ToList();
        rules.Add(R("ett enum-namn", $@"(?<![\p{{L}}\d])({string.Join('|', internalNames)})(?![\p{{L}}\d])"));
        rules.Add(R("ett ord i kodstil", @"(?<![\p{L}])(?!ChefsRekrytering|OpenDocument)\p{Lu}\p{Ll}+\p{Lu}\p{L}*"));
        rules.Add(R("en tom uppgift", "Uppgift saknas"));
        rules.Add(R("ett fält utan namn", "Fyll i fältet|Kontrollera fältet"));
        rules.Add(R("ett tomt värde", @"”\s*”|''|\s[.,](?!\d)"));
        rules.Add(R("plural efter 1", @"(?<![\d,.:/–-])1 (?!(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b)\p{Ll}+(ar|er|or|na)\b"));
        return rules;
    }

    /// <summary>A Swedish name as code spells it: no å, ä, ö, spaces or punctuation.</summary>
    private static string Folded(string name) =>
        Regex.Replace(name.Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('Å', 'A').Replace('Ä', 'A').Replace('Ö', 'O'), @"[^\p{L}\d]", "");

    private static IEnumerable<string> Hits(string text, List<Rule> rules)
    {
        foreach (var rule in rules)
            foreach (Match m in rule.Pattern.Matches(text))
            {
                var from = Math.Max(0, m.Index - 40);
                var around = text[from..Math.Min(text.Length, m.Index + m.Length + 40)];
                yield return $"{rule.Why} ”{m.Value}” i ”…{Regex.Replace(around, @"\s+", " ").Trim()}…”";
            }
    }

    /// <summary>What a person reads on the answer: the page's text and the words its attributes show or speak
    /// (title, alt, aria-label, placeholder, button values), or a CSV's text; nothing for a file download.</summary>
    private static async Task<(string Text, IHtmlDocument? Document)?> ReadableAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        if (type == "text/csv") return (body, null);
        if (type != "text/html") return null;
        var document = PortalClient.Parse(body);
        var text = new List<string>();
        foreach (var element in document.QuerySelectorAll("script, style, template").ToList()) element.Remove();
        // Text marked as another language is that language on purpose: an applicant's English page, an English mail template.
        if (document.DocumentElement.GetAttribute("lang") is { } sprak && !sprak.StartsWith("sv")) return ("", document);
        foreach (var element in document.QuerySelectorAll("[lang]:not([lang^='sv'])").ToList()) element.Remove();
        text.Add(ReadText(document.DocumentElement));
        foreach (var element in document.All)
        {
            foreach (var name in new[] { "title", "alt", "aria-label", "placeholder" })
                if (element.GetAttribute(name) is { } value) text.Add(value);
            if (element is IHtmlInputElement { Type: "submit" or "button" } button) text.Add(button.Value);
        }
        return (string.Join("\n", text), document);
    }

    private static readonly HashSet<string> Blocks = ["address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label",
        "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot",
        "th", "thead", "title", "desc", "text", "tr", "ul"];

    /// <summary>The element's text as it reads: inline pieces run together ("<strong>Anna</strong>, chef" is "Anna, chef"),
    /// blocks (a table cell, a label and its value, a field's hint, an SVG box) apart.</summary>
    private static string ReadText(INode node)
    {
        var text = new System.Text.StringBuilder();
        void Walk(INode n)
        {
            if (n is IText t) { text.Append(t.Data); return; }
            var block = n is IElement e && (Blocks.Contains(e.LocalName) || e.ClassList.Contains("hint"));
            if (block) text.Append('\n');
            foreach (var child in n.ChildNodes) Walk(child);
            if (block) text.Append('\n');
        }
        Walk(node);
        return text.ToString();
    }

    // ---- Crawling -------------------------------------------------------------------------------------------------------

    /// <summary>A link within the portal worth following: not signing out, not a file.</summary>
    private static string? Local(string href)
    {
        href = WebUtility.HtmlDecode(href).Split('#')[0];
        if (!href.StartsWith('/') || href.StartsWith("//") || href.Length == 0) return null;
        if (href.Contains("sprak=")) return null; // the applicant's English is EngelskaTests' to check
        if (href.StartsWith("/konto/logga-ut") || href.StartsWith("/css/") || href.StartsWith("/js/") || href.StartsWith("/lib/")) return null;
        return href;
    }

    /// <summary>The page's kind: numbers and tokens replaced, so a list of a hundred recruitments is read a few times, not a hundred.</summary>
    private static string Shape(string url) => Regex.Replace(Regex.Replace(url, @"(?<=[/=])([0-9a-f]{8}-[0-9a-f-]{27}|\d+)(?![\w-])", "{n}"),
        @"(?<=/ansokan/)[^/?]+|(?<=token=)[^&]+", "{t}");

    private static bool Visible(IElement field) =>
        (field.GetAttribute("type") ?? field.LocalName) is not ("hidden" or "submit" or "button") && field.GetAttribute("name") != "__RequestVerificationToken";

    /// <summary>The form as a person sends it without filling anything in: its hidden fields, every visible field empty,
    /// nothing ticked, no file.</summary>
    private static async Task<HttpResponseMessage> PostEmptyAsync(PortalClient client, string page, string action, IHtmlFormElement form, List<IElement> fields)
    {
        var all = fields.Where(f => (f.GetAttribute("type") ?? "") is not ("checkbox" or "radio" or "file" or "submit"))
            .Select(f => new KeyValuePair<string, string>(f.GetAttribute("name")!, Visible(f) ? "" : f.GetAttribute("value") ?? ""))
            .Where(f => f.Key != "__RequestVerificationToken").ToList();
        return form.Enctype == "multipart/form-data"
            ? await client.PostMultipartAsync(action, all.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value), [], formPage: page)
            : await client.PostFormAsync(action, all, formPage: page);
    }
}
