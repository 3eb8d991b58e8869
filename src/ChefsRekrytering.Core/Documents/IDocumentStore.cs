using System.Globalization;
using System.Text.RegularExpressions;

namespace ChefsRekrytering.Documents;

/// <summary>
/// Where the bytes of documents live: a folder on disk by default, Azure Blob Storage by configuration.
/// The database row (<see cref="Dokument"/>) holds everything else; the store knows only keys.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores a new document. Fails rather than overwrite an existing key.</summary>
    Task SaveAsync(string key, Stream content, string contentType, CancellationToken ct = default);

    /// <summary>The document's bytes, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the document; removing one that is not there is no error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);
}

/// <summary>
/// Storage keys are generated, never taken from anything a user typed: they carry no personal data and cannot
/// name a path. Both stores still refuse any key outside these rules.
/// </summary>
public static partial class DocumentKey
{
    public const int MaxLength = 200;

    /// <summary><c>{kommun}/{yyyy}/{guid}</c>: grouped by municipality and year, so a whole municipality can be moved or purged.</summary>
    public static string New(string kommunId, DateTime utcNow) =>
        string.Create(CultureInfo.InvariantCulture, $"{kommunId}/{utcNow:yyyy}/{Guid.NewGuid():N}");

    public static bool IsValid(string? key) => key is { Length: > 0 and <= MaxLength } && Shape().IsMatch(key);

    public static string Validate(string key) =>
        IsValid(key) ? key : throw new ArgumentException("Ogiltig dokumentnyckel.", nameof(key));

    // Lower-case letters, digits and hyphens between single slashes: no dots, no backslashes, no leading slash.
    [GeneratedRegex("^[a-z0-9-]+(/[a-z0-9-]+)*$")]
    private static partial Regex Shape();
}

/// <summary>The store could not be reached or answered an error after its retries; shown as 503 with a Swedish page.</summary>
public sealed class DokumentlagerSvararInteException(Exception inner)
    : Exception("Dokumentlagret svarar inte.", inner);
