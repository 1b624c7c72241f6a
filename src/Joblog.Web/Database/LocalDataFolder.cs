using System.Diagnostics;
using System.Security.Cryptography;

namespace Joblog.Web.Database;

/// <summary>
/// The folder of the private cluster: <c>pgdata/</c> (the cluster), <c>password</c> (0600),
/// <c>server.log</c> and the unix socket. Owned by the user that runs PostgreSQL, mode 0700.
/// </summary>
public sealed class LocalDataFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string PgData => Path.Combine(Root, "pgdata");
    public string PasswordFile => Path.Combine(Root, "password");
    public string LogFile => Path.Combine(Root, "server.log");
    public bool IsInitialized => File.Exists(Path.Combine(PgData, "PG_VERSION"));

    /// <summary><c>JOBLOG_DATA_DIR</c>, else the user's local application data + joblog/postgres.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable("JOBLOG_DATA_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "joblog", "postgres");

    /// <summary>Creates the folder; as root, hands it to postgres and lets postgres traverse its parents.</summary>
    public void Prepare(ILogger logger)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The local cluster needs Linux or macOS.");
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(Root, ownerOnly);
        File.SetUnixFileMode(Root, ownerOnly);
        if (!PostgresBinaries.RunAsPostgresUser) return;

        for (var dir = Path.GetDirectoryName(Root); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (mode.HasFlag(UnixFileMode.OtherExecute)) continue;
            File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
            logger.LogWarning("Added o+x (traverse only) to {Directory} so the postgres user can reach {DataFolder}", dir, Root);
        }
        Chown(Root);
    }

    /// <summary>Reads the superuser password, creating a random one (0600, owned by the cluster's user) on first use.</summary>
    public string ReadOrCreatePassword()
    {
        if (File.Exists(PasswordFile)) return File.ReadAllText(PasswordFile).Trim();
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The local cluster needs Linux or macOS.");
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(PasswordFile, options)) writer.WriteLine(password);
        if (PostgresBinaries.RunAsPostgresUser) Chown(PasswordFile);
        return password;
    }

    /// <summary>An exclusive lock on the folder, so two processes don't initdb or start the cluster at once.</summary>
    public async Task<IDisposable> LockAsync(CancellationToken ct)
    {
        var path = Path.Combine(Root, "start.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    private static void Chown(string path)
    {
        using var process = Process.Start("chown", ["postgres:postgres", path]);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"chown postgres {path} failed.");
    }
}
