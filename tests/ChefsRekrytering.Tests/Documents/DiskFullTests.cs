using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Tests.Jobb;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>
/// The document folder's disk full, for real: a 256 kB tmpfs mounted over the folder (root on Linux, as CI runs) and
/// filled to the last byte. The upload is refused in Swedish with nothing half-stored, what was stored before is still
/// there, and ready says the folder cannot be written.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _ = _portal.Server;
        _folder = Path.Combine(_portal.DataFolder, "dokument");
        Directory.CreateDirectory(_folder);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", _folder);
    }

    [Fact]
    public async Task FullDiskAvvisarUppladdningenPaSvenskaUtanAttForloraDetSomRedanSparats()
    {
        var id = await new Testdata(_portal).NyRekrytering().AnnonseradAsync();
        var tidigare = Sokande.Ny();
        Assert.Equal(HttpStatusCode.Redirect, (await AnsokanTests.ApplyAsync(PortalClient.For(_portal), id, tidigare)).StatusCode);
        var (tidigareDok, bytes) = await DokumentAsync(tidigare);

        Fill();
        var before = await CountAsync();
        var sokande = Sokande.Ny();
        var response = await AnsokanTests.ApplyAsync(PortalClient.For(_portal), id, sokande, brev: TestFiles.Docx());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(AnsokanService.DokumentFel, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(sokande.Fornamn, page.QuerySelector("#Input_Fornamn")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
        // No half-written or temporary file left behind beside the filler and the earlier document.
        Assert.DoesNotContain(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp"));

        var ready = await _portal.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Dokumentmappen går inte att skriva i (IOException).", body.GetProperty("orsaker").GetProperty("dokument").GetString());

        // What was acknowledged before the disk filled is still there, byte for byte.
        var hr = await PortalClient.For(_portal).SignInAsync("kalix", "hr");
        var download = await hr.GetAsync($"/dokument/{tidigareDok}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        // Room again: the same application goes through.
        File.Delete(Path.Combine(_folder, "fyllnad"));
        Assert.Equal(HttpStatusCode.Redirect, (await AnsokanTests.ApplyAsync(PortalClient.For(_portal), id, sokande, brev: TestFiles.Docx())).StatusCode);
        Assert.Equal(before with { Kandidater = before.Kandidater + 1, Dokument = before.Dokument + 2 }, await CountAsync());
    }

    /// <summary>Writes a filler file until the disk says it is full.</summary>
    private void Fill()
    {
        using var filler = new FileStream(Path.Combine(_folder, "fyllnad"), FileMode.CreateNew);
        var block = new byte[4096];
        var ex = Assert.ThrowsAny<IOException>((Action)(() => { while (true) { filler.Write(block); filler.Flush(true); } }));
        Assert.Contains("No space left on device", ex.Message);
    }

    private async Task<(int Id, byte[] Bytes)> DokumentAsync(Sokande s)
    {
        await using var scope = _portal.ScopeFor("kalix", out var db);
        var k = await db.Set<Kandidat>().SingleAsync(x => x.Epost == s.Epost);
        var doc = await db.Dokument.SingleAsync(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id);
        return (doc.Id, await File.ReadAllBytesAsync(Path.Combine(_folder, doc.StorageKey)));
    }

    private async Task<(int Kandidater, int Dokument)> CountAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Set<Kandidat>().IgnoreQueryFilters().CountAsync(), await db.Dokument.IgnoreQueryFilters().CountAsync());
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} misslyckades ({process.ExitCode}): {error} – testet behöver root på Linux, som CI.");
    }

    public async Task DisposeAsync()
    {
        await RunAsync("umount", _folder);
        await _portal.DisposeAsync();
    }
}
