using Azure;
using Azure.Storage.Blobs;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Tests.Infrastructure;

namespace ChefsRekrytering.Tests.Documents;

/// <summary>What every document store promises; run against the folder and against Azure Blob Storage (Azurite).</summary>
public abstract class DocumentStoreContract
{
    protected abstract IDocumentStore Store { get; }

    protected static string NewKey() => DocumentKey.New("kalix", DateTime.UtcNow);

    [Fact]
    public async Task SparatDokumentLasesTillbakaByteForByte()
    {
        var bytes = new byte[300_000]; // several buffers, every byte value
        Random.Shared.NextBytes(bytes);
        var key = NewKey();
        await Store.SaveAsync(key, new MemoryStream(bytes), "application/pdf");
        Assert.Equal(bytes, await TestFiles.ReadAllAsync(await Store.OpenAsync(key)));
    }

    [Fact]
    public async Task FinnsSvararJaBaraForSparadeDokument()
    {
        var key = NewKey();
        Assert.False(await Store.ExistsAsync(key));
        await Store.SaveAsync(key, new MemoryStream(TestFiles.Pdf()), "application/pdf");
        Assert.True(await Store.ExistsAsync(key));
        Assert.False(await Store.ExistsAsync(NewKey()));
    }

    [Fact]
    public async Task BorttagningArIdempotent()
    {
        var key = NewKey();
        await Store.SaveAsync(key, new MemoryStream(TestFiles.Pdf()), "application/pdf");
        await Store.DeleteAsync(key);
        await Store.DeleteAsync(key);
        await Store.DeleteAsync(NewKey()); // never stored
        Assert.False(await Store.ExistsAsync(key));
        Assert.Null(await Store.OpenAsync(key));
    }

    [Fact]
    public async Task SaknadNyckelGerNull() => Assert.Null(await Store.OpenAsync(NewKey()));

    [Fact]
    public async Task EttSparatDokumentSkrivsAldrigOver()
    {
        var key = NewKey();
        var first = TestFiles.Pdf();
        await Store.SaveAsync(key, new MemoryStream(first), "application/pdf");
        await Assert.ThrowsAnyAsync<Exception>(() => Store.SaveAsync(key, new MemoryStream(TestFiles.Docx()), "application/pdf"));
        Assert.Equal(first, await TestFiles.ReadAllAsync(await Store.OpenAsync(key)));
    }

    [Theory]
    [InlineData("../utanfor")]
    [InlineData("kalix/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\utanfor")]
    [InlineData("C:\\Windows\\win.ini")]
    [InlineData("kalix//2026/x")]
    [InlineData("kalix/./x")]
    [InlineData("kalix/2026/x.tmp")]
    [InlineData("%2e%2e/utanfor")]
    [InlineData("Kalix/2026/x")]
    [InlineData("")]
    public async Task NycklarSomForsokerLamnaLagringenAvvisas(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, new MemoryStream(TestFiles.Pdf()), "application/pdf"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }
}

public sealed class FileSystemDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "chefs-tests", Guid.NewGuid().ToString("N"));
    private readonly FileSystemDocumentStore _store;

    public FileSystemDocumentStoreTests() => _store = new FileSystemDocumentStore(Path.Combine(_parent, "dokument"));

    protected override IDocumentStore Store => _store;

    [Fact]
    public async Task DokumentetLiggerDarNyckelnPekarOchIngetAnnat()
    {
        var key = NewKey();
        await _store.SaveAsync(key, new MemoryStream(TestFiles.Pdf()), "application/pdf");
        Assert.Equal([Path.Combine(_store.Folder, key)], Directory.GetFiles(_parent, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}

/// <summary>A container of its own in Azurite for one test class, removed afterwards. No Azurite, no pass.</summary>
public sealed class AzuriteContainer : IAsyncLifetime
{
    // Few quick retries: an unreachable Azurite should fail the tests in seconds, not minutes.
    public static BlobClientOptions Options => new() { Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(100) } };

    public BlobContainerClient Container { get; } = new(TestServices.Azurite, $"test-{Guid.NewGuid():N}", Options);

    public async Task InitializeAsync()
    {
        try
        {
            Assert.False(await Container.ExistsAsync(), "Den nya testbehållaren finns redan.");
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException)
        {
            throw new InvalidOperationException(
                $"Azurite svarar inte på {Container.Uri.Authority}. Starta tjänsterna med infra/services.sh start, eller kör infra/test.sh.", e);
        }
    }

    public async Task DisposeAsync() => await Container.DeleteIfExistsAsync();
}

public sealed class BlobDocumentStoreTests(AzuriteContainer azurite) : DocumentStoreContract, IClassFixture<AzuriteContainer>
{
    private readonly BlobDocumentStore _store = new(azurite.Container);

    protected override IDocumentStore Store => _store;

    [Fact]
    public async Task BehallarenSkapasVidForstaSparandet()
    {
        var container = new BlobContainerClient(TestServices.Azurite, $"test-{Guid.NewGuid():N}", AzuriteContainer.Options);
        try
        {
            await new BlobDocumentStore(container).SaveAsync(NewKey(), new MemoryStream(TestFiles.Pdf()), "application/pdf");
            Assert.True(await container.ExistsAsync());
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task BlobenFarInnehallstypen()
    {
        var key = NewKey();
        await _store.SaveAsync(key, new MemoryStream(TestFiles.Pdf()), "application/pdf");
        Assert.Equal("application/pdf", (await azurite.Container.GetBlobClient(key).GetPropertiesAsync()).Value.ContentType);
    }
}
