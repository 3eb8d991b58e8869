using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Tests.Drift;

/// <summary>
/// A local OTLP/HTTP receiver on 127.0.0.1 (real Kestrel): keeps the raw protobuf body of every export to /v1/traces,
/// /v1/metrics and /v1/logs, and answers as a collector does (200 with an empty export response).
/// </summary>
public sealed class OtlpMottagare : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _mottaget = new();

    private OtlpMottagare(WebApplication app) => _app = app;

    public string Adress { get; private set; } = "";

    public static async Task<OtlpMottagare> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var mottagare = new OtlpMottagare(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            mottagare._mottaget.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        mottagare.Adress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return mottagare;
    }

    /// <summary>Every body received for the signal ("traces", "metrics", "logs").</summary>
    public IReadOnlyList<byte[]> Signal(string signal) => _mottaget.TryGetValue(signal, out var q) ? q.ToList() : [];

    /// <summary>All bodies of the signal as one byte string: protobuf keeps strings as their UTF-8 bytes.</summary>
    public byte[] Allt(string signal) => Signal(signal).SelectMany(b => b).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
