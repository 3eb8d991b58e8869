using ChefsRekrytering.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChefsRekrytering.Documents;

public enum DocumentProvider { Folder, AzureBlob }

/// <summary>Section <c>Storage:Documents</c>. Nothing needs setting for the embedded default, a folder in the data folder.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Storage:Documents";

    public DocumentProvider Provider { get; set; } = DocumentProvider.Folder;
    /// <summary>AzureBlob: a storage connection string, or else <see cref="AccountUrl"/>.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>AzureBlob without a connection string: https://account.blob.core.windows.net, signed in with DefaultAzureCredential.</summary>
    public string? AccountUrl { get; set; }
    public string Container { get; set; } = "dokument";
    /// <summary>AzureBlob: retries after a failed try (503, timeout, lost connection), with a short exponential wait.</summary>
    public int BlobMaxRetries { get; set; } = 2;
    /// <summary>AzureBlob: the longest one try may wait for an answer; a hung store fails within about (retries + 1) × this.</summary>
    public TimeSpan BlobNetworkTimeout { get; set; } = TimeSpan.FromSeconds(20);
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>The most a DOCX or ODT may expand to, counted while it is unpacked.</summary>
    public long MaxExpandedBytes { get; set; } = PackageLimits.DefaultMaxExpandedBytes;
    /// <summary>The most parts a DOCX or ODT may have.</summary>
    public int MaxParts { get; set; } = PackageLimits.DefaultMaxParts;
    /// <summary>The clamd every upload is scanned with before it is stored; none by default.</summary>
    public ClamAvOptions ClamAV { get; set; } = new();

    public PackageLimits PackageLimits => new(MaxExpandedBytes, MaxParts);

    /// <summary>Stops the start with the setting named, rather than failing at the first upload.</summary>
    internal void Validate()
    {
        // Each upload is held in memory for the type check; the upper bound keeps a typo from exhausting it.
        if (MaxBytes is <= 0 or > 1024L * 1024 * 1024)
            throw new InvalidOperationException($"{Section}:MaxBytes måste vara mellan 1 och 1073741824 byte.");
        // Counted while unpacking, never held; beyond 4 GB a part would need ZIP64, which is refused anyway.
        if (MaxExpandedBytes is <= 0 or > 4L * 1024 * 1024 * 1024)
            throw new InvalidOperationException($"{Section}:MaxExpandedBytes måste vara mellan 1 och 4294967296 byte.");
        if (MaxParts is <= 0 or > ushort.MaxValue - 1)
            throw new InvalidOperationException($"{Section}:MaxParts måste vara mellan 1 och 65534.");
        if (ClamAV.Configured && ClamAV.Port is <= 0 or > 65535)
            throw new InvalidOperationException($"{Section}:ClamAV:Port måste vara mellan 1 och 65535.");
        if (ClamAV.Configured && ClamAV.Timeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:ClamAV:Timeout måste vara längre än noll.");
        if (BlobMaxRetries is < 0 or > 10)
            throw new InvalidOperationException($"{Section}:BlobMaxRetries måste vara mellan 0 och 10.");
        if (BlobNetworkTimeout <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:BlobNetworkTimeout måste vara längre än noll.");
        if (Provider == DocumentProvider.AzureBlob && string.IsNullOrWhiteSpace(ConnectionString)
            && !Uri.TryCreate(AccountUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{Section}:Provider är AzureBlob men varken {Section}:ConnectionString eller en giltig {Section}:AccountUrl är satt.");
    }
}

public static class DocumentServiceExtensions
{
    /// <summary>
    /// The document store (a folder <c>dokument</c> under <paramref name="dataFolder"/>, or Azure Blob Storage), the
    /// malware scanner (clamd, when configured), <see cref="DocumentService"/> and <see cref="DocumentAccess"/>. Needs <see cref="DataServiceExtensions.AddPortalData"/>.
    /// </summary>
    public static IServiceCollection AddPortalDocuments(this IServiceCollection services, IConfiguration config, string dataFolder)
    {
        var options = config.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<IDocumentStore>(_ => options.Provider == DocumentProvider.AzureBlob
            ? BlobDocumentStore.From(options)
            : new FileSystemDocumentStore(Path.Combine(dataFolder, "dokument")));
        // Configured, every upload is scanned and refused when clamd cannot answer; not configured, none is.
        services.AddSingleton<IMalwareScanner>(options.ClamAV.Configured ? new ClamAvScanner(options.ClamAV) : new NoMalwareScanner());
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DocumentService>();
        services.AddScoped<Scheduling.IScheduledJobHandler, DocumentJanitor>();
        services.AddScoped<DocumentAccess>();
        return services;
    }
}
