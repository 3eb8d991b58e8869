using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ChefsRekrytering.Documents;

/// <summary>Documents as block blobs in one container, created on the first save if it is missing.</summary>
public sealed class BlobDocumentStore(BlobContainerClient container) : IDocumentStore
{
    private volatile bool _containerReady;

    /// <summary>A connection string, or an account URL signed in with the managed identity / developer login (DefaultAzureCredential).</summary>
    public static BlobDocumentStore From(DocumentOptions options)
    {
        // The SDK's defaults (3 retries, 100 s per try) keep an applicant waiting minutes on a hung store; bounded, the
        // upload is refused with a Swedish message within seconds and nothing is half-stored.
        var client = new BlobClientOptions
        {
            Retry =
            {
                Mode = Azure.Core.RetryMode.Exponential, MaxRetries = options.BlobMaxRetries, NetworkTimeout = options.BlobNetworkTimeout,
                Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2),
            },
        };
        return new(options.ConnectionString is { Length: > 0 } cs
            ? new BlobContainerClient(cs, options.Container, client)
            : new BlobServiceClient(new Uri(options.AccountUrl!), new DefaultAzureCredential(), client).GetBlobContainerClient(options.Container));
    }

    public BlobContainerClient Container => container;

    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        var blob = Blob(key);
        await EnsureContainerAsync(ct);
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            // Keys are generated: an existing blob under a new key is a bug, never something to overwrite.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, ct);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken ct = default)
    {
        try
        {
            // One streaming GET: the response body goes straight to the user.
            return (await Blob(key).DownloadStreamingAsync(cancellationToken: ct)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // 503s or timeouts after the retries: the page says "try again later" with 503, not an error of ours.
            throw new DokumentlagerSvararInteException(e);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default) =>
        await Blob(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default) => await Blob(key).ExistsAsync(ct);

    private BlobClient Blob(string key) => container.GetBlobClient(DocumentKey.Validate(key));

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_containerReady) return;
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // An identity allowed to write blobs but not to create containers: fine when the container exists,
            // and the upload itself says so when it does not.
        }
        _containerReady = true;
    }
}
