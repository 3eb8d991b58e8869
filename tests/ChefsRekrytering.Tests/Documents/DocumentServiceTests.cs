using System.Security.Cryptography;
using Azure.Storage.Blobs;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>Uploads and deletions on the real app: SQLite with documents in the folder, PostgreSQL with documents in Azurite.</summary>
public abstract class DocumentServiceTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    private const string Owner = "Testpost";

    private IDocumentStore Store => portal.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task PdfSparasUnderGenereratNamnMedTvattatFilnamnOchUpptacktTyp()
    {
        var bytes = TestFiles.Pdf();
        var owner = NewOwner();
        await using var scope = Documents(out var documents);
        var result = await documents.UploadAsync(new MemoryStream(bytes), "C:\\fakepath\\Anna Svensson CV\u202E.pdf", DokumentTyp.CV, Owner, owner, "user-1");

        Assert.True(result.Succeeded, result.Error);
        var doc = result.Dokument;
        Assert.Matches("^kalix/[0-9]{4}/[0-9a-f]{32}$", doc.StorageKey);
        Assert.Equal("Anna Svensson CV.pdf", doc.OriginalFileName);
        Assert.Equal(("application/pdf", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))), (doc.ContentType, doc.SizeBytes, doc.Sha256));
        Assert.Equal(bytes, await TestFiles.ReadAllAsync(await documents.OpenAsync(doc)));
        Assert.Equal(1, await RowsAsync(owner));
        await using var alvsbyn = portal.ScopeFor("alvsbyn", out var other);
        Assert.False(await other.Dokument.AnyAsync(d => d.Id == doc.Id));
    }

    [Fact]
    public async Task WordOchOpenDocumentTasEmotOchFarRattFilandelse()
    {
        await using var scope = Documents(out var documents);
        var docx = await documents.UploadAsync(new MemoryStream(TestFiles.Docx()), "Personligt brev", DokumentTyp.PersonligtBrev, Owner, NewOwner(), "user-1");
        var odt = await documents.UploadAsync(new MemoryStream(TestFiles.Odt()), "avtal.odt", DokumentTyp.Avtal, Owner, NewOwner(), "user-1");
        Assert.Equal((DocumentFileType.Docx.ContentType, "Personligt brev.docx"), (docx.Dokument!.ContentType, docx.Dokument.DownloadName));
        Assert.Equal((DocumentFileType.Odt.ContentType, "avtal.odt"), (odt.Dokument!.ContentType, odt.Dokument.DownloadName));
    }

    [Fact]
    public async Task InnehalletAvgorInteNamnet()
    {
        var exeOwner = NewOwner();
        await using var scope = Documents(out var documents);
        var pdf = await UploadAsync(documents, NewOwner(), fileName: "cv.docx");
        var exe = await UploadAsync(documents, exeOwner, TestFiles.Exe());

        Assert.Equal(("application/pdf", "cv.docx.pdf"), (pdf.Dokument!.ContentType, pdf.Dokument.DownloadName));
        Assert.Equal("Filen är inte en PDF-, Word- eller OpenDocument-fil. Filens innehåll avgör, inte namnet.", exe.Error);
        Assert.Equal(0, await RowsAsync(exeOwner));
    }

    [Fact]
    public async Task ForStorFilAvvisasUtanAttLasasTillSlut()
    {
        var owner = NewOwner();
        var endless = new EndlessPdf();
        var store = new WatchedStore(Store);
        await using var scope = Documents(out var documents, store);
        var result = await documents.UploadAsync(endless, "stor.pdf", DokumentTyp.Bilaga, Owner, owner, "user-1");

        Assert.Equal("Filen är för stor (högst 10 MB).", result.Error);
        Assert.Equal(10 * 1024 * 1024 + 1, endless.BytesRead);
        Assert.Empty(store.Saved);
        Assert.Equal(0, await RowsAsync(owner));
    }

    [Theory]
    [InlineData("tom")]
    [InlineData("text")]
    [InlineData("zip")]
    public async Task AvvisadFilLamnarVarkenRadEllerFil(string vad)
    {
        byte[] bytes = vad switch { "tom" => [], "text" => TestFiles.Text("Mitt CV"), _ => TestFiles.Zip(("cv.txt", "Mitt CV")) };
        var owner = NewOwner();
        var store = new WatchedStore(Store);
        await using var scope = Documents(out var documents, store);
        var result = await UploadAsync(documents, owner, bytes, "cv.docx");

        Assert.Equal(vad == "tom" ? "Filen är tom." : DocumentService.WrongType, result.Error);
        Assert.Empty(store.Saved);
        Assert.Equal(0, await RowsAsync(owner));
    }

    [Theory]
    [InlineData("makro", "Filen innehåller makron eller andra program och har inte sparats. Spara den som ett vanligt Word-dokument (.docx), som OpenDocument-text (.odt) eller som PDF.")]
    [InlineData("bomb", "Filen blir för stor när den packas upp (högst 100 MB) och har inte sparats.")]
    [InlineData("delar", "Filen består av för många delar (högst 2000) och har inte sparats.")]
    public async Task MakrodokumentOchZipbomberAvvisasMedSvensktBeskedOchLamnarVarkenRadEllerFil(string vad, string besked)
    {
        var bytes = vad switch
        {
            "makro" => TestFiles.Word(types: ["""<Override PartName="/word/macros.bin" ContentType="application/vnd.ms-office.vbaProject"/>"""],
                extra: [("word/macros.bin", "makro")]),
            "bomb" => TestFiles.WordBomb(200L * 1024 * 1024),
            _ => TestFiles.Docx(Enumerable.Range(0, 2000).Select(i => ($"word/media/bild{i}.png", "")).ToArray()),
        };
        var owner = NewOwner();
        var store = new WatchedStore(Store);
        await using var scope = Documents(out var documents, store);

        var result = await UploadAsync(documents, owner, bytes, "brev.docx");

        Assert.Equal(besked, result.Error);
        Assert.Empty(store.Saved);
        Assert.Equal(0, await RowsAsync(owner));
    }

    [Fact]
    public async Task LagringsfelGerSvensktFelOchIngenRad()
    {
        var owner = NewOwner();
        await using var scope = Documents(out var documents, new WatchedStore(Store) { FailSaves = true });
        var result = await UploadAsync(documents, owner);

        Assert.Equal("Dokumentet kunde inte sparas just nu. Försök igen om en stund.", result.Error);
        Assert.Equal(0, await RowsAsync(owner));
    }

    [Fact]
    public async Task BlobtjanstSomInteSvararGerSvensktFelOchIngenRad()
    {
        var owner = NewOwner();
        var closed = new BlobContainerClient(new Uri("http://127.0.0.1:1/devstoreaccount1/dokument"), new BlobClientOptions { Retry = { MaxRetries = 0 } });
        await using var scope = Documents(out var documents, new BlobDocumentStore(closed));
        var result = await UploadAsync(documents, owner);

        Assert.Equal(DocumentService.StoreUnavailable, result.Error);
        Assert.Equal(0, await RowsAsync(owner));
    }

    [Fact]
    public async Task RadSomInteKanSparasLamnarIngenFil()
    {
        // A municipality the database does not know: the stored bytes are written, then the row is refused.
        var store = new WatchedStore(Store);
        await using var scope = Documents(out var documents, store, kommun: "finnsinte");
        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            UploadAsync(documents, NewOwner()));

        var key = Assert.Single(store.Saved);
        Assert.False(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task RaderatDokumentLamnarIngenFil()
    {
        await using var scope = Documents(out var documents);
        var doc = (await UploadAsync(documents, NewOwner())).Dokument!;
        Assert.True(await Store.ExistsAsync(doc.StorageKey));

        await documents.DeleteAsync(doc);

        Assert.False(await Store.ExistsAsync(doc.StorageKey));
        Assert.Equal(0, await RowsAsync(doc.OwnerId));
        Assert.False(await PendingAsync(doc.StorageKey));
    }

    [Fact]
    public async Task AllaDokumentForEnPostTasBortMenInteAndrasDokument()
    {
        var (owner, neighbour) = (NewOwner(), NewOwner());
        await using var scope = Documents(out var documents);
        var keys = new List<string>();
        foreach (var (bytes, name) in new[] { (TestFiles.Pdf(), "cv.pdf"), (TestFiles.Docx(), "brev.docx"), (TestFiles.Odt(), "avtal.odt") })
            keys.Add((await UploadAsync(documents, owner, bytes, name)).Dokument!.StorageKey);
        var kept = (await UploadAsync(documents, neighbour)).Dokument!;

        await documents.DeleteAllForAsync(Owner, owner);

        Assert.Equal(0, await RowsAsync(owner));
        foreach (var key in keys) Assert.False(await Store.ExistsAsync(key));
        Assert.Equal(1, await RowsAsync(neighbour));
        Assert.True(await Store.ExistsAsync(kept.StorageKey));
    }

    [Fact]
    public async Task PostensEgenAndringSparasMedDokumentenAvenNarDeSaknas()
    {
        // Stands in for the owning record's removal, which the caller leaves pending on the same context.
        var namn = $"Enhet {Guid.NewGuid():N}";
        await using (var scope = Documents(out var documents))
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().Enheter.Add(new Enhet { KommunId = "", Namn = namn });
            await documents.DeleteAllForAsync(Owner, NewOwner());
        }
        await using var check = portal.ScopeFor("kalix", out var db);
        Assert.True(await db.Enheter.AnyAsync(e => e.Namn == namn));
    }

    [Fact]
    public async Task MisslyckadBorttagningGorsOmSenare()
    {
        Dokument doc;
        await using (var scope = Documents(out var failing, new WatchedStore(Store) { FailDeletes = true }))
        {
            doc = (await UploadAsync(failing, NewOwner())).Dokument!;
            await failing.DeleteAsync(doc);
        }
        Assert.Equal(0, await RowsAsync(doc.OwnerId));
        Assert.True(await Store.ExistsAsync(doc.StorageKey));
        Assert.True(await PendingAsync(doc.StorageKey, attempts: 1));

        await using (var scope = Documents(out var documents))
            Assert.True(await documents.RetryPendingDeletionsAsync() >= 1);

        Assert.False(await Store.ExistsAsync(doc.StorageKey));
        Assert.False(await PendingAsync(doc.StorageKey));
    }

    private static int NewOwner() => Random.Shared.Next(1, int.MaxValue);

    /// <summary>An upload for the test owner type: a PDF called cv.pdf unless said otherwise.</summary>
    private static Task<UploadResult> UploadAsync(DocumentService documents, int ownerId, byte[]? bytes = null, string fileName = "cv.pdf") =>
        documents.UploadAsync(new MemoryStream(bytes ?? TestFiles.Pdf()), fileName, DokumentTyp.CV, Owner, ownerId, "user-1");

    /// <summary>A DocumentService as a request of <paramref name="kommun"/> gets it, optionally on another store.</summary>
    private AsyncServiceScope Documents(out DocumentService documents, IDocumentStore? store = null, string kommun = "kalix")
    {
        var scope = portal.ScopeFor(kommun, out _);
        documents = store is null
            ? scope.ServiceProvider.GetRequiredService<DocumentService>()
            : ActivatorUtilities.CreateInstance<DocumentService>(scope.ServiceProvider, store);
        return scope;
    }

    private async Task<int> RowsAsync(int ownerId)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.Dokument.IgnoreQueryFilters().CountAsync(d => d.OwnerType == Owner && d.OwnerId == ownerId);
    }

    private async Task<bool> PendingAsync(string key, int? attempts = null)
    {
        await using var scope = portal.ScopeFor("kalix", out var db);
        return await db.PendingBlobDeletions.AnyAsync(p => p.StorageKey == key && (attempts == null || p.Attempts == attempts));
    }
}

public sealed class DocumentServiceTestsSqliteFolder(SqlitePortal portal) : DocumentServiceTests<SqlitePortal>(portal);

public sealed class DocumentServiceTestsPostgresBlob(PostgresBlobPortal portal) : DocumentServiceTests<PostgresBlobPortal>(portal);

/// <summary>PostgreSQL with the documents in a container of its own in Azurite, chosen by configuration alone, as a deployment would.</summary>
public sealed class PostgresBlobPortal : PortalFactory
{
    private readonly string _container = $"test-{Guid.NewGuid():N}";

    public PostgresBlobPortal() : base(DatabaseProvider.Postgres)
    {
        With("Storage:Documents:Provider", "AzureBlob");
        With("Storage:Documents:ConnectionString", TestServices.Azurite);
        With("Storage:Documents:Container", _container);
    }

    public override async ValueTask DisposeAsync()
    {
        await new BlobContainerClient(TestServices.Azurite, _container).DeleteIfExistsAsync();
        await base.DisposeAsync();
    }
}

public class DocumentFileNameTests
{
    [Theory]
    [InlineData("cv.pdf", "cv.pdf")]
    [InlineData("C:\\Users\\anna\\Mina dokument\\cv.pdf", "cv.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("cv\u0000\u0007\r\n.pdf", "cv.pdf")]
    [InlineData("cv\u202Efdp.exe", "cvfdp.exe")]
    [InlineData("A\u030Asa\u2028cv.pdf", "Åsa cv.pdf")] // one letter, as it looks; a line separator is a space
    [InlineData("  .hemlig.pdf  ", "hemlig.pdf")]
    [InlineData("Åsa Öberg – personligt brev.docx", "Åsa Öberg – personligt brev.docx")]
    [InlineData("..", "dokument")]
    [InlineData("", "dokument")]
    [InlineData(null, "dokument")]
    public void FilnamnetTvattas(string? given, string expected) => Assert.Equal(expected, DocumentService.SanitizeFileName(given));

    [Fact]
    public void LangtFilnamnKortasMedFilandelsenKvar()
    {
        var name = DocumentService.SanitizeFileName(new string('å', 300) + ".pdf");
        Assert.Equal(200, name.Length);
        Assert.EndsWith("å.pdf", name);
    }
}
