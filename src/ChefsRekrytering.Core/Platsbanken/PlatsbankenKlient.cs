using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Platsbanken;

/// <summary>
/// The advert as the Direct Transferred Job Posting API takes it. Field names from a public integration with the API
/// (a Supabase edge function found by the search tool that cites Arbetsförmedlingen's documentation,
/// data.arbetsformedlingen.se/documents/jobposting/DirectTransferredJobPostingAPIdocumentation.pdf): jobAdResponsibleEmail,
/// contacts[], employmentType, duration, worktimeExtent, wageType, eures, title, description, lastPublishDate,
/// totalJobOpenings, occupation, application.method.webAddress, application.reference, workplaces[].municipality and
/// workplaces[].postalAddress (street, postalCode, city). Concept ids are JobTech taxonomy ids.
/// </summary>
public sealed record Platsbanksannons(
    string JobAdResponsibleEmail, IReadOnlyList<Platsbankskontakt> Contacts, string EmploymentType, string Duration,
    string WorktimeExtent, string WageType, bool Eures, string Title, string Description, string LastPublishDate,
    int TotalJobOpenings, string Occupation, Ansokningssatt Application, IReadOnlyList<Arbetsplats> Workplaces);

public sealed record Platsbankskontakt(string Firstname, string Surname, string Email);
public sealed record Ansokningssatt(Ansokningsvag Method, string Reference);
public sealed record Ansokningsvag(string WebAddress);
public sealed record Arbetsplats(string Name, string Municipality, Postadress PostalAddress);
public sealed record Postadress([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Street, string PostalCode, string City);

/// <summary>Arbetsförmedlingen's answer: accepted (with its id for the advert on a create), or refused with its reason.</summary>
public sealed record Platsbankssvar(bool Godtagen, string? Id, string? Fel)
{
    public static Platsbankssvar Ok(string? id = null) => new(true, id, null);
    public static Platsbankssvar Avvisad(string fel) => new(false, null, fel);
}

/// <summary>Arbetsförmedlingen could not be reached or answered that it cannot now (5xx, 429): the job tries again later.</summary>
public sealed class PlatsbankenOtillgangligException(string message) : Exception(message);

/// <summary>
/// Talks to the Direct Transferred Job Posting API through a named <see cref="HttpClient"/>. What each rule rests on:
/// <list type="bullet">
/// <item>Paths: <c>POST {base}jobads</c> creates and answers <c>{ "id": … }</c>; <c>PUT {base}jobads/{id}</c> updates;
/// <c>DELETE {base}jobads/{id}</c> unpublishes; base <c>…/direct-transferred-job-posting/v1/{sandbox|prod}/</c>. From the
/// public integration named on <see cref="Platsbanksannons"/> (its publish, update and unpublish actions).</item>
/// <item>Authentication: headers <c>Employer-Id</c> (the organisation's customer number, digits only), <c>client_id</c>
/// and <c>client_secret</c> on every call, no OAuth token: from the same integration and two others found beside it.
/// Whether the production gateway also offers OAuth2 client credentials could not be found.</item>
/// <item>Errors: a refusal is 4xx with <c>{ "cause": { "message": { "errors": [ { "field", "message" } ] } } }</c> or a
/// <c>message</c>; 401 for wrong credentials, 403 when the employer has not given its consent, 503 when unavailable: from
/// the same integration's error handling. The exact documented shape could not be read; this is the plausible one.</item>
/// </list>
/// Nothing about the advert or its contact is logged.
/// </summary>
public sealed class PlatsbankenKlient(IHttpClientFactory factory, IOptions<PlatsbankenOptions> options)
{
    public const string HttpKlient = "platsbanken";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Platsbankssvar> SkapaAsync(Platsbanksannons annons, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "jobads", annons, ct);

    public Task<Platsbankssvar> UppdateraAsync(string id, Platsbanksannons annons, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"jobads/{Uri.EscapeDataString(id)}", annons, ct);

    public Task<Platsbankssvar> AterkallaAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete, $"jobads/{Uri.EscapeDataString(id)}", null, ct);

    private async Task<Platsbankssvar> SendAsync(HttpMethod method, string path, Platsbanksannons? annons, CancellationToken ct)
    {
        var o = options.Value;
        var http = factory.CreateClient(HttpKlient);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(o.BaseAddress.TrimEnd('/') + "/"), path));
        request.Headers.Add("Employer-Id", new string((o.EmployerId ?? "").Where(char.IsAsciiDigit).ToArray()));
        request.Headers.Add("client_id", o.ClientId);
        request.Headers.Add("client_secret", o.ClientSecret);
        request.Headers.Accept.ParseAdd("application/json");
        if (annons is not null) request.Content = JsonContent.Create(annons, options: Json);

        HttpResponseMessage response;
        try { response = await http.SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new PlatsbankenOtillgangligException($"Arbetsförmedlingen kunde inte nås ({e.HttpRequestError})."); }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { throw new PlatsbankenOtillgangligException("Arbetsförmedlingen svarade inte i tid."); }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return Platsbankssvar.Ok(Id(body));
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new PlatsbankenOtillgangligException($"Arbetsförmedlingen svarade {(int)response.StatusCode}.");
            return Platsbankssvar.Avvisad(Felmeddelande(response.StatusCode, body));
        }
    }

    private static string? Id(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id)
                ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()
                : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>Arbetsförmedlingen's refusal in its own words, field by field where it gives them.</summary>
    internal static string Felmeddelande(HttpStatusCode status, string body)
    {
        string? text = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.TryGetProperty("cause", out var cause) && cause.TryGetProperty("message", out var message))
            {
                if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                    text = string.Join("; ", errors.EnumerateArray().Select(e =>
                        $"{(e.TryGetProperty("field", out var f) ? f.GetString() + ": " : "")}{(e.TryGetProperty("message", out var m) ? m.GetString() : e.GetRawText())}"));
                else if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("message", out var inner)) text = inner.GetString();
                else if (message.ValueKind == JsonValueKind.String) text = message.GetString();
            }
            if (string.IsNullOrWhiteSpace(text) && root.TryGetProperty("message", out var m2)) text = m2.GetString();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { }
        text = status switch
        {
            _ when !string.IsNullOrWhiteSpace(text) => text,
            HttpStatusCode.Unauthorized => "Arbetsförmedlingen godtog inte inloggningen (client_id/client_secret).",
            HttpStatusCode.Forbidden => "Arbetsförmedlingen nekade: har arbetsgivaren gett sitt medgivande, och är Employer-Id rätt kundnummer?",
            _ => body.Length > 300 ? body[..300] : body,
        };
        var full = $"{(int)status}: {text}";
        return full.Length > 2000 ? full[..2000] : full;
    }
}
