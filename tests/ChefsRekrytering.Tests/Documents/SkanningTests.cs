using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Jobb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>
/// The portal on SQLite with documents in its folder, scanning every upload with the real clamd infra/services.sh
/// started (whose only signature is the EICAR test string), and keeping every log line.
/// </summary>
public sealed class ClamdPortal : PortalFactory
{
    public ClamdPortal()
    {
        var clamd = TestServices.Clamd;
        With("Storage:Documents:ClamAV:Host", clamd.Host);
        With("Storage:Documents:ClamAV:Port", clamd.Port.ToString(CultureInfo.InvariantCulture));
        WithServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            // The scanner the configuration chose, counted as it is used.
            var configured = s.Last(d => d.ServiceType == typeof(IMalwareScanner)).ImplementationInstance;
            s.AddSingleton<IMalwareScanner>(Scans = new CountedScanner(Assert.IsType<ClamAvScanner>(configured)));
        });
    }

    internal CapturedLogs Logs { get; } = new();
    public CountedScanner Scans { get; private set; } = null!;

    public sealed class CountedScanner(IMalwareScanner inner) : IMalwareScanner
    {
        private int _count;
        public int Count => _count;
        public bool Enabled => inner.Enabled;

        public Task<MalwareScan> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return inner.ScanAsync(content, ct);
        }
    }

    /// <summary>Rows of every municipality and files in the document folder: what a refused upload must leave as it was.</summary>
    public async Task<(int Rader, int Filer)> StoredAsync()
    {
        await using var scope = ScopeFor("kalix", out var db);
        var rows = await db.Dokument.IgnoreQueryFilters().CountAsync();
        var folder = Path.Combine(DataFolder, "dokument");
        return (rows, Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0);
    }
}

/// <summary>Uploads scanned by a real clamd: what it finds is refused and nothing is stored, and so is everything when it cannot answer.</summary>
public class SkanningTests(ClamdPortal portal) : IClassFixture<ClamdPortal>
{
    private const string Owner = "Testpost";

    [Fact]
    public async Task RenPdfSkannasOchSparas()
    {
        var owner = NewOwner();
        await using var scope = Documents(out var documents);

        var result = await UploadAsync(documents, TestFiles.Pdf("Mitt CV"), owner);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(await portal.Services.GetRequiredService<IDocumentStore>().ExistsAsync(result.Dokument.StorageKey));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public async Task EicarIEnGiltigFilAvvisasMedSvensktBeskedOchIngentingSparas(string vad)
    {
        var bytes = vad == "pdf" ? TestFiles.Pdf(TestFiles.Eicar()) : TestFiles.Word(text: TestFiles.Eicar());
        Assert.NotNull(FileTypeDetector.Detect(new MemoryStream(bytes))); // a valid file of its kind: only the scanner can tell
        var before = await portal.StoredAsync();
        var store = new WatchedStore(portal.Services.GetRequiredService<IDocumentStore>());
        await using var scope = Documents(out var documents, store);

        var result = await UploadAsync(documents, bytes, NewOwner());

        Assert.Equal("Filen innehåller skadlig kod och har inte sparats.", result.Error);
        Assert.Empty(store.Saved);
        Assert.Equal(before, await portal.StoredAsync());
        Assert.Contains(portal.Logs.Messages, l => l.Contains("[Warning]") && l.Contains("skadlig kod Eicar-Test-Signature"));
    }

    [Fact]
    public async Task SkannerSomInteGarAttNaGerSvensktFelOchIngentingSparas()
    {
        var before = await portal.StoredAsync();
        var store = new WatchedStore(portal.Services.GetRequiredService<IDocumentStore>());
        var unreachable = new ClamAvScanner(new ClamAvOptions { Host = "127.0.0.1", Port = ClosedPort(), Timeout = TimeSpan.FromSeconds(5) });
        await using var scope = Documents(out var documents, store, unreachable);

        var result = await UploadAsync(documents, TestFiles.Pdf(), NewOwner());

        Assert.Equal("Filen kunde inte kontrolleras mot skadlig kod just nu och har inte sparats. Försök igen om en stund.", result.Error);
        Assert.Empty(store.Saved);
        Assert.Equal(before, await portal.StoredAsync());
    }

    [Fact]
    public async Task SkannerSomAldrigSvararAvbrytsEfterSinTidOchIngentingSparas()
    {
        // A port that accepts connections and never answers, as a hung daemon would.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var store = new WatchedStore(portal.Services.GetRequiredService<IDocumentStore>());
        var hung = new ClamAvScanner(new ClamAvOptions
            { Host = "127.0.0.1", Port = ((IPEndPoint)silent.LocalEndpoint).Port, Timeout = TimeSpan.FromMilliseconds(500) });
        await using var scope = Documents(out var documents, store, hung);

        var clock = Stopwatch.StartNew();
        var result = await UploadAsync(documents, TestFiles.Pdf(), NewOwner());

        Assert.Equal(DocumentService.ScannerUnavailable, result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{clock.Elapsed}");
        Assert.Empty(store.Saved);
    }

    [Fact]
    public async Task ClamdSvararPaPingOchHittarEicarOverEnBitgransIEnStorFil()
    {
        var scanner = new ClamAvScanner(TestServices.Clamd);
        var big = new byte[1024 * 1024];
        TestFiles.Pdf().CopyTo(big, 0);
        var clean = (byte[])big.Clone();
        // Sent in 64 kB chunks: the string begins in the first and ends in the second.
        Encoding.ASCII.GetBytes(TestFiles.Eicar()).CopyTo(big, 64 * 1024 - 20);

        Assert.True(await scanner.PingAsync());
        Assert.Equal(new MalwareScan(true, "Eicar-Test-Signature.UNOFFICIAL"), await scanner.ScanAsync(big));
        Assert.Equal(MalwareScan.Clean, await scanner.ScanAsync(clean));
    }

    private static int NewOwner() => Random.Shared.Next(1, int.MaxValue);

    /// <summary>A port nothing listens on: bound, read and released again.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Task<UploadResult> UploadAsync(DocumentService documents, byte[] bytes, int ownerId) =>
        documents.UploadAsync(new MemoryStream(bytes), "Åsa Öberg CV.pdf", DokumentTyp.CV, Owner, ownerId, "user-1");

    /// <summary>A DocumentService as a request of Kalix gets it, optionally on another store or with another scanner.</summary>
    private AsyncServiceScope Documents(out DocumentService documents, IDocumentStore? store = null, IMalwareScanner? scanner = null)
    {
        var scope = portal.ScopeFor("kalix", out _);
        documents = ActivatorUtilities.CreateInstance<DocumentService>(scope.ServiceProvider,
            [store ?? portal.Services.GetRequiredService<IDocumentStore>(), scanner ?? portal.Services.GetRequiredService<IMalwareScanner>()]);
        return scope;
    }
}
