using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ChefsRekrytering.Demo;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// A browser-like HTTP client: keeps cookies, reads the antiforgery token from the last page it fetched and
/// posts it back with forms, as a person's browser would.
/// </summary>
public sealed partial class PortalClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();
    private string? _lastToken;

    public HttpClient Http => http;

    public static PortalClient For(PortalFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public async Task<PortalClient> SignInAsync(string kommunId, string login)
    {
        var response = await PostFormAsync("/konto/logga-in", new()
        {
            ["Input.Epost"] = DemoSeeder.LoginFor(kommunId, login),
            ["Input.Losenord"] = DemoSeeder.DemoPassword,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Inloggningen som {login}@{kommunId} misslyckades: {(int)response.StatusCode}");
        return this;
    }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await http.GetAsync(url);
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
            RememberToken(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>GETs the page, expecting 200, and parses it.</summary>
    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} gav {(int)response.StatusCode}");
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token unless <paramref name="postUrl"/> was just fetched, then posts.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, bool withToken = true, string? formPage = null)
    {
        if (withToken)
        {
            await GetAsync(formPage ?? url.Split('?')[0]);
            fields["__RequestVerificationToken"] = _lastToken ?? throw new InvalidOperationException($"Ingen antiforgery-token på {formPage ?? url}");
        }
        return await http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Like <see cref="PostFormAsync"/> but for fields that repeat (checkbox lists).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        await GetAsync(formPage ?? url.Split('?')[0]);
        var all = fields.Append(new("__RequestVerificationToken", _lastToken!));
        return await http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>A file field of a multipart form, as a browser sends it: the chosen file's name and bytes.</summary>
    public sealed record FormFile(string Field, string FileName, byte[] Content);

    /// <summary>Posts a multipart form (with files) like <see cref="PostFormAsync(string, Dictionary{string, string}, bool, string?)"/>.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string url, Dictionary<string, string> fields, IEnumerable<FormFile> files, string? formPage = null)
    {
        await GetAsync(formPage ?? url.Split('?')[0]);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", _lastToken ?? throw new InvalidOperationException($"Ingen antiforgery-token på {formPage ?? url}"))))
            content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = new("application/octet-stream");
            content.Add(bytes, file.Field, file.FileName);
        }
        return await http.PostAsync(url, content);
    }

    private void RememberToken(string html)
    {
        var match = TokenRegex().Match(html);
        if (match.Success) _lastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
