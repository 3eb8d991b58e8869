using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Tests.Platsbanken;

/// <summary>
/// Arbetsförmedlingen's Direct Transferred Job Posting API as far as the portal can know it (see PlatsbankenKlient for the
/// sources): a small ASP.NET Core app on 127.0.0.1 and a random port, the edge of the machine. It demands the
/// Employer-Id/client_id/client_secret headers (401 without), enforces the documented rules (title at most 75
/// characters, description 100–6,500, last publish date at most 180 days ahead, required fields, known occupation ids)
/// with 400 and a list of field errors, and keeps what it accepted. <see cref="Nere"/> drops every connection, as an
/// unreachable API would.
/// </summary>
public sealed class PlatsbankenStandIn : IAsyncDisposable
{
    public const string EmployerId = "2120002411";
    public const string ClientId = "chefsrekrytering-test";
    public const string ClientSecret = "hemligt-test";

    private readonly WebApplication _app;
    private int _nasta = 24000000;

    public sealed class Annons
    {
        public required string Id { get; init; }
        public required JsonObject Innehall { get; set; }
        public bool Publicerad { get; set; } = true;
        public int Uppdateringar { get; set; }
    }

    public ConcurrentDictionary<string, Annons> Annonser { get; } = new();
    public int Anrop;
    public int Skapade;
    public volatile bool Nere;
    /// <summary>Today as the API sees it (the test's clock).</summary>
    public Func<DateOnly> Idag { get; set; } = () => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Occupation-name concept ids it knows; anything else is refused, as the real API refuses an unknown id.</summary>
    public HashSet<string> KandaYrken { get; } = [.. ChefsRekrytering.Platsbanken.Platsbankstaxonomi.Yrken.Select(y => y.Id)];

    private PlatsbankenStandIn(WebApplication app) => _app = app;

    public string BaseAddress => _app.Urls.First().TrimEnd('/') + "/direct-transferred-job-posting/v1/sandbox/";

    public static async Task<PlatsbankenStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new PlatsbankenStandIn(app);
        standIn.Map(app);
        await app.StartAsync();
        return standIn;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref Anrop);
            if (Nere) { context.Abort(); return; }
            var h = context.Request.Headers;
            if (h["Employer-Id"] != EmployerId || h["client_id"] != ClientId || h["client_secret"] != ClientSecret)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { message = "Unauthorized: invalid client_id, client_secret or Employer-Id" });
                return;
            }
            await next();
        });
        var api = app.MapGroup("/direct-transferred-job-posting/v1/sandbox/jobads");
        api.MapPost("", async (HttpContext context) =>
        {
            var (annons, fel) = await LasAsync(context);
            if (fel is not null) return fel;
            var id = Interlocked.Increment(ref _nasta).ToString();
            Annonser[id] = new Annons { Id = id, Innehall = annons! };
            Interlocked.Increment(ref Skapade);
            return Results.Json(new { id }, statusCode: 201);
        });
        api.MapPut("{id}", async (string id, HttpContext context) =>
        {
            if (!Annonser.TryGetValue(id, out var befintlig)) return Fel(404, "id", "Annonsen finns inte.");
            var (annons, fel) = await LasAsync(context);
            if (fel is not null) return fel;
            befintlig.Innehall = annons!;
            befintlig.Uppdateringar++;
            return Results.Json(new { id });
        });
        api.MapDelete("{id}", (string id) =>
        {
            if (!Annonser.TryGetValue(id, out var befintlig)) return Fel(404, "id", "Annonsen finns inte.");
            befintlig.Publicerad = false;
            return Results.Json(new { id, status = "UNPUBLISHED" });
        });
    }

    private async Task<(JsonObject?, IResult?)> LasAsync(HttpContext context)
    {
        JsonObject? annons;
        try { annons = await JsonNode.ParseAsync(context.Request.Body) as JsonObject; }
        catch (System.Text.Json.JsonException) { annons = null; }
        if (annons is null) return (null, Fel(400, "body", "Ogiltig JSON."));
        var fel = new List<(string, string)>();
        string? S(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var title = S(annons["title"]);
        if (string.IsNullOrWhiteSpace(title)) fel.Add(("title", "must not be blank"));
        else if (title.Length > 75) fel.Add(("title", "size must be between 1 and 75"));
        var description = S(annons["description"]) ?? "";
        if (description.Length is < 100 or > 6500) fel.Add(("description", "size must be between 100 and 6500"));
        if (!DateOnly.TryParse(S(annons["lastPublishDate"]), out var sista)) fel.Add(("lastPublishDate", "must not be null"));
        else if (sista > Idag().AddDays(180)) fel.Add(("lastPublishDate", "must be at most 180 days ahead"));
        foreach (var falt in new[] { "jobAdResponsibleEmail", "employmentType", "duration", "worktimeExtent", "wageType", "occupation" })
            if (string.IsNullOrWhiteSpace(S(annons[falt]))) fel.Add((falt, "must not be blank"));
        if (S(annons["occupation"]) is { Length: > 0 } yrke && !KandaYrken.Contains(yrke)) fel.Add(("occupation", $"Concept id {yrke} is not a valid occupation-name"));
        if (string.IsNullOrWhiteSpace(S(annons["application"]?["method"]?["webAddress"]))) fel.Add(("application.method", "webAddress or email is required"));
        var plats = annons["workplaces"]?[0];
        if (plats is null) fel.Add(("workplaces", "must not be empty"));
        else
        {
            if (string.IsNullOrWhiteSpace(S(plats["municipality"]))) fel.Add(("workplaces[0].municipality", "must not be blank"));
            if (S(plats["postalAddress"]?["postalCode"]) is not { Length: 5 } postnummer || !postnummer.All(char.IsAsciiDigit))
                fel.Add(("workplaces[0].postalAddress.postalCode", "must be five digits"));
            if (string.IsNullOrWhiteSpace(S(plats["postalAddress"]?["city"]))) fel.Add(("workplaces[0].postalAddress.city", "must not be blank"));
        }
        return fel.Count == 0 ? (annons, null) : (null, Fel(400, [.. fel]));
    }

    private static IResult Fel(int status, string field, string message) => Fel(status, [(field, message)]);

    private static IResult Fel(int status, (string Field, string Message)[] fel) => Results.Json(new
    {
        cause = new { message = new { errors = fel.Select(f => new { field = f.Field, message = f.Message }) } },
    }, statusCode: status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
