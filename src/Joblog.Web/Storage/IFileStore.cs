namespace Joblog.Web.Storage;

/// <summary>A stored file as the store lists it: its key and when it was last written.</summary>
public sealed record StoredFile(string Key, DateTimeOffset LastModified);

/// <summary>
/// Where the bytes of uploaded files live, outside the web root. The store names every file with a
/// random key of its own; a user's file name never reaches it. A local folder by default
/// (<see cref="LocalFileStore"/>); an object store can take its place.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content under a new random key and returns the key once the bytes are durable.</summary>
    Task<string> PutAsync(Stream content, CancellationToken ct);

    /// <summary>The content, or null when there is no file under the key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Removes the file (and any half-written one) under the key; nothing happens if there is none.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>Every file, complete or half-written, for reconciliation with the rows that refer to them.</summary>
    IAsyncEnumerable<StoredFile> ListAsync(CancellationToken ct);
}
