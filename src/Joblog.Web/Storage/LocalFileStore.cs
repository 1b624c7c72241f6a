using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Joblog.Web.Storage;

/// <summary>
/// The file store as a local folder: <c>ROOT/ab/abcdef…</c> (32 random hex digits, the first two as a
/// sub-folder). A file is written as <c>KEY.partial</c>, flushed to disk and then renamed, so a
/// complete name never holds half a file. Folders are 0700 and files 0600.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const string Partial = ".partial";
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public LocalFileStore(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public async Task<string> PutAsync(Stream content, CancellationToken ct)
    {
        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var path = PathOf(key);
        CreateFolder(Path.GetDirectoryName(path)!);
        var partial = path + Partial;
        try
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
            await using (var file = new FileStream(partial, options))
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(partial, path);
            return key;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult<Stream?>(null);
        try
        {
            Stream stream = new FileStream(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null); // deleted in between
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        File.Delete(path);
        File.Delete(path + Partial);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var prefix = Path.GetFileName(folder);
            if (prefix.Length != 2 || !IsHex(prefix)) continue;
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                ct.ThrowIfCancellationRequested();
                var name = Path.GetFileName(file);
                var key = name.EndsWith(Partial, StringComparison.Ordinal) ? name[..^Partial.Length] : name;
                if (!IsKey(key) || !key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                yield return new StoredFile(key, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
            }
            await Task.Yield();
        }
    }

    /// <summary>The path of a key; anything but 32 lower-case hex digits is refused, so a key can never walk the file system.</summary>
    private string PathOf(string key)
    {
        if (!IsKey(key)) throw new ArgumentException("Not a file-store key.", nameof(key));
        return Path.Combine(Root, key[..2], key);
    }

    private static bool IsKey(string key) => key.Length == 32 && IsHex(key);

    private static bool IsHex(string text) => text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static void CreateFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, FolderMode);
    }
}
