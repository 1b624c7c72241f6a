using Joblog.Web.Storage;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Joblog.Web.Tests.Attachments;

/// <summary>
/// A fresh database and the app on it, like <see cref="AppFixture"/>, plus the app's file-store folder
/// (one per database; see FileStoreSetup), which is removed afterwards.
/// </summary>
public sealed class AttachmentsFixture(PostgresServer server) : IAsyncLifetime
{
    private JoblogApp? app;

    public JoblogApp App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PostgresConnection Db { get; private set; } = null!;

    /// <summary>The folder the app keeps the files in.</summary>
    public string FilesRoot => RootOf(App);

    public static string RootOf(JoblogApp app) => ((LocalFileStore)app.Services.GetRequiredService<IFileStore>()).Root;

    /// <summary>Removes the app's file-store folder (call before disposing the app).</summary>
    public static void RemoveFiles(JoblogApp app)
    {
        var root = RootOf(app);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    public Task<int> CountAttachmentsAsync(Guid logId) =>
        Db.ScalarAsync<int>("select count(*)::int from attachments where log_id = @logId", new { logId });

    public async ValueTask InitializeAsync()
    {
        var connectionString = await server.CreateDemoDatabaseAsync();
        Db = new PostgresConnection(connectionString);
        app = new JoblogApp(connectionString);
    }

    /// <summary>The files in the store (complete or not), by key.</summary>
    public IReadOnlyList<string> StoredKeys() =>
        Directory.Exists(FilesRoot)
            ? Directory.EnumerateFiles(FilesRoot, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Select(n => n!.Replace(".partial", "", StringComparison.Ordinal)).ToList()
            : [];

    public string PathOf(string key) => Path.Combine(FilesRoot, key[..2], key);

    public async ValueTask DisposeAsync()
    {
        if (app is null) return;
        RemoveFiles(app);
        await app.DisposeAsync();
    }
}
