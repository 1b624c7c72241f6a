using Joblog.Web.Database;
using Npgsql;

namespace Joblog.Web.Storage;

/// <summary>
/// Registers the file store. <c>Joblog:Files:Root</c> names its folder; by default it is
/// <c>files/DATABASE</c> under <c>$JOBLOG_DATA_DIR</c> or <c>~/.local/share/joblog</c>: one folder per
/// database, so that the reconciliation of one database never removes the files of another.
/// </summary>
public static class FileStoreSetup
{
    public const string RootSetting = "Joblog:Files:Root";

    public static IServiceCollection AddJoblogFileStore(this IServiceCollection services) =>
        services.AddSingleton<IFileStore>(provider =>
        {
            var config = provider.GetRequiredService<IConfiguration>();
            var root = Path.GetFullPath(config[RootSetting] is { Length: > 0 } configured ? configured : DefaultRoot(config));
            var webRoot = provider.GetRequiredService<IWebHostEnvironment>().WebRootPath;
            if (!string.IsNullOrEmpty(webRoot) && IsInside(root, Path.GetFullPath(webRoot)))
                throw new InvalidOperationException($"{RootSetting} must be outside the web root ({webRoot}); it is {root}.");
            return new LocalFileStore(root);
        });

    private static string DefaultRoot(IConfiguration config)
    {
        var connectionString = config.GetConnectionString(DatabaseSetup.ConnectionStringName);
        var database = string.IsNullOrEmpty(connectionString) ? null : new NpgsqlConnectionStringBuilder(connectionString).Database;
        var dataDir = Environment.GetEnvironmentVariable("JOBLOG_DATA_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "joblog");
        var safe = database is { Length: > 0 } && database.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
        return Path.Combine(dataDir, "files", safe ? database! : DatabaseSetup.LocalDatabaseName);
    }

    private static bool IsInside(string path, string folder) =>
        path.Equals(folder, StringComparison.Ordinal) ||
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
