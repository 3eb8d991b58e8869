using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChefsRekrytering.Scim;

namespace ChefsRekrytering.Web.Infrastructure;

/// <summary>
/// SCIM 2.0 (RFC 7643/7644) at /scim/v2, for the identity provider's automatic provisioning of people (Users) and
/// their groups (Groups, which give roles through the municipality's role mapping).
/// Its own authentication: a bearer token an Admin created at /admin/scim, which alone decides the municipality; no cookie,
/// no antiforgery (nothing here reads a form or acts on a browser's session). Every answer is application/scim+json, a
/// refusal a SCIM error body. Nothing is logged here: the requests carry names and e-mail addresses.
/// </summary>
public static class ScimEndpoints
{
    public const string ContentType = "application/scim+json";

    public static WebApplication MapScim(this WebApplication app)
    {
        var scim = app.MapGroup("/scim/v2").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(PortalRateLimits.Scim)
            .AddEndpointFilter(TokenOchFel);
        scim.MapGet("/Users", (HttpRequest request, ScimProvisionering users, CancellationToken ct) =>
            Lista(request, users, ct));
        scim.MapGet("/Users/{id}", async (string id, ScimProvisionering users, CancellationToken ct) =>
            Scim(await users.HamtaAsync(id, ct)));
        scim.MapPost("/Users", async (HttpRequest request, ScimProvisionering users, CancellationToken ct) =>
        {
            var resurs = await users.SkapaAsync(await BodyAsync(request, ct), ct);
            return Scim(resurs, StatusCodes.Status201Created, resurs["meta"]?["location"]?.GetValue<string>());
        });
        scim.MapPut("/Users/{id}", async (string id, HttpRequest request, ScimProvisionering users, CancellationToken ct) =>
            Scim(await users.ErsattAsync(id, await BodyAsync(request, ct), ct)));
        scim.MapPatch("/Users/{id}", async (string id, HttpRequest request, ScimProvisionering users, CancellationToken ct) =>
            Scim(await users.AndraAsync(id, await BodyAsync(request, ct), ct)));
        scim.MapDelete("/Users/{id}", async (string id, ScimProvisionering users, CancellationToken ct) =>
        {
            await users.TaBortAsync(id, ct);
            return Results.NoContent();
        });
        scim.MapGet("/Groups", (HttpRequest request, ScimGrupper grupper, CancellationToken ct) =>
            ListaGrupper(request, grupper, ct));
        scim.MapGet("/Groups/{id}", async (string id, HttpRequest request, ScimGrupper grupper, CancellationToken ct) =>
            Scim(await grupper.HamtaAsync(id, UtanMedlemmar(request), ct)));
        scim.MapPost("/Groups", async (HttpRequest request, ScimGrupper grupper, CancellationToken ct) =>
        {
            var resurs = await grupper.SkapaAsync(await BodyAsync(request, ct), ct);
            return Scim(resurs, StatusCodes.Status201Created, resurs["meta"]?["location"]?.GetValue<string>());
        });
        // 204 as Microsoft's documentation asks: Entra does not want the member list back.
        scim.MapPatch("/Groups/{id}", async (string id, HttpRequest request, ScimGrupper grupper, CancellationToken ct) =>
        {
            await grupper.AndraAsync(id, await BodyAsync(request, ct), ct);
            return Results.NoContent();
        });
        scim.MapDelete("/Groups/{id}", async (string id, ScimGrupper grupper, CancellationToken ct) =>
        {
            await grupper.TaBortAsync(id, ct);
            return Results.NoContent();
        });
        scim.MapGet("/ServiceProviderConfig", () => Scim(ScimKonfiguration.ServiceProviderConfig()));
        scim.MapGet("/ResourceTypes", () => Scim(ScimKonfiguration.ResourceTypes()));
        scim.MapGet("/Schemas", () => Scim(ScimKonfiguration.Schemas()));
        return app;
    }

    /// <summary>The token first (401 without a valid one, whatever cookie came along); then every refusal as SCIM's error body.</summary>
    private static async ValueTask<object?> TokenOchFel(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        var tokens = http.RequestServices.GetRequiredService<ScimTokenService>();
        if (await tokens.LoggaInAsync(token, http.RequestAborted) is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
            return Fel(new ScimFel(StatusCodes.Status401Unauthorized, null, "Token saknas, är okänd eller återkallad."));
        }
        try
        {
            return await next(context);
        }
        catch (ScimFel fel)
        {
            return Fel(fel);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Two requests at once adding the same member, or creating the same name: the second loses at the unique index.
            return Fel(new ScimFel(StatusCodes.Status409Conflict, "uniqueness", "Ändringen krockade med en samtidig ändring. Försök igen."));
        }
        catch (JsonException)
        {
            return Fel(ScimFel.Syntax("Förfrågan är inte giltig JSON."));
        }
        catch (ArgumentException)
        {
            // System.Text.Json.Nodes: the same attribute twice (names compared without regard to case).
            return Fel(ScimFel.Syntax("Förfrågan har samma attribut två gånger."));
        }
    }

    private static async Task<IResult> Lista(HttpRequest request, ScimProvisionering users, CancellationToken ct)
    {
        var startIndex = Tal(request.Query["startIndex"], 1, "startIndex");
        var count = Tal(request.Query["count"], 100, "count");
        return Scim(await users.ListaAsync(request.Query["filter"], startIndex, count, ct));
    }

    private static async Task<IResult> ListaGrupper(HttpRequest request, ScimGrupper grupper, CancellationToken ct)
    {
        var startIndex = Tal(request.Query["startIndex"], 1, "startIndex");
        var count = Tal(request.Query["count"], 100, "count");
        return Scim(await grupper.ListaAsync(request.Query["filter"], startIndex, count, UtanMedlemmar(request), ct));
    }

    /// <summary>excludedAttributes=members, which Entra sends with every read of a group.</summary>
    private static bool UtanMedlemmar(HttpRequest request) => request.Query["excludedAttributes"].ToString()
        .Split(',', StringSplitOptions.TrimEntries).Any(a => a.Equals("members", StringComparison.OrdinalIgnoreCase));

    private static int Tal(string? text, int standard, string namn) =>
        string.IsNullOrEmpty(text) ? standard
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tal) ? tal
        : throw ScimFel.Varde($"{namn} ska vara ett heltal.");

    private static async Task<JsonObject> BodyAsync(HttpRequest request, CancellationToken ct) =>
        ScimJson.Objekt(await JsonNode.ParseAsync(request.Body, ScimJson.Options, default, ct));

    private static IResult Scim(JsonNode body, int status = StatusCodes.Status200OK, string? location = null) =>
        new ScimResult(body, status, location);

    /// <summary>The rate limit's refusal (<see cref="PortalRateLimits.Scim"/>), as SCIM's error body.</summary>
    public static Task SkrivFelAsync(HttpContext http, ScimFel fel) =>
        Fel(fel).ExecuteAsync(http);

    private static IResult Fel(ScimFel fel) => new ScimResult(ScimJson.Fel(fel.Status, fel.ScimType, fel.Message), fel.Status, null);

    private sealed class ScimResult(JsonNode body, int status, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = ContentType + "; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            if (location is not null) http.Response.Headers.Location = location;
            return http.Response.WriteAsync(body.ToJsonString());
        }
    }
}
