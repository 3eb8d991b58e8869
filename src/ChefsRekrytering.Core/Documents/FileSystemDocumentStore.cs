namespace ChefsRekrytering.Documents;

/// <summary>The embedded default: each document is a file under one folder, at the relative path its key names.</summary>
public sealed class FileSystemDocumentStore : IDocumentStore
{
    private const int BufferSize = 81920;
    private readonly string _root;

    public FileSystemDocumentStore(string folder)
    {
        _root = Path.GetFullPath(folder);
        Directory.CreateDirectory(_root);
    }

    public string Folder => _root;

    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside its final name and then moved into place: nobody ever opens half a document,
        // and the move refuses to replace an existing one. The temporary name is no valid key.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, ct);
                // On disk before the database row that points at it is written.
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            File.Delete(temp); // nothing left there after a successful move
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct = default)
    {
        var path = PathFor(key);
        try
        {
            // FileShare.Delete: a document being downloaded can still be deleted.
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathFor(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathFor(key)));

    private string PathFor(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, DocumentKey.Validate(key)));
        // The key rules already exclude every way out; this second lock costs nothing.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException("Ogiltig dokumentnyckel.", nameof(key));
        return path;
    }
}
