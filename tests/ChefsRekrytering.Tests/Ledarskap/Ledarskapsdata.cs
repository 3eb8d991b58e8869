using AngleSharp.Dom;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Ledarskap;

/// <summary>The forms of the leadership pages as a browser posts them (the people come from <see cref="Byggare.Testdata"/>).</summary>
internal static class Ledarskapsdata
{
    /// <summary>This year in Sweden: the year a manager's self-assessment is started for.</summary>
    public static int Iar => DateOnly.FromDateTime(SwedishTime.ToLocal(DateTime.UtcNow)).Year;

    /// <summary>The concurrency version the page's form for <paramref name="handler"/> posts back (its hidden field); the
    /// handler is named by the form's action or by one of its buttons.</summary>
    public static async Task<string> VersionAsync(this PortalClient client, string page, string handler)
    {
        var doc = await client.PageAsync(page);
        bool Posts(IElement e, string attribute) => (e.GetAttribute(attribute) ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase);
        var form = doc.QuerySelectorAll("form").FirstOrDefault(f => Posts(f, "action") || f.QuerySelectorAll("[formaction]").Any(b => Posts(b, "formaction")));
        return form?.QuerySelector("input[name=Version]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"Inget formulär för {handler} på {page}");
    }

    /// <summary>Posts a form of <paramref name="page"/> to its handler, with the version the form carries now.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this PortalClient client, string page, string handler,
        params (string Name, string Value)[] fields)
    {
        var version = await client.VersionAsync(page, handler);
        return await client.SubmitAsync(page, handler, version, fields);
    }

    /// <summary>Posts with a version of the caller's choosing: the one the user saw before someone else changed the record.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this PortalClient client, string page, string handler, string version,
        params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"{page}?handler={handler}",
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("Version", version)), formPage: page);

    /// <summary>The text of a refused form's error summary.</summary>
    public static async Task<string> ErrorsAsync(this HttpResponseMessage response) =>
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")?.TextContent ?? "";
}
