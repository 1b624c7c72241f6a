using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Joblog.Web.Database;

/// <summary>
/// A private PostgreSQL cluster in a data folder, for development and tests: initdb on first use,
/// started on 127.0.0.1 and a free port, or reused when already running.
/// </summary>
public sealed class LocalPostgres
{
    public const string SuperUser = "postgres";
    private readonly PostgresBinaries binaries;
    private readonly string password;
    private int stopped;

    private LocalPostgres(PostgresBinaries binaries, LocalDataFolder folder, string password, int port, bool startedHere)
    {
        (this.binaries, Folder, this.password, Port, StartedHere) = (binaries, folder, password, port, startedHere);
    }

    public LocalDataFolder Folder { get; }
    public int Port { get; }

    /// <summary>True if this process started the server (and so stops it).</summary>
    public bool StartedHere { get; }

    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = SuperUser, Password = password, Database = database,
        MaxPoolSize = 100,
    }.ConnectionString;

    /// <summary>Initializes the folder if needed and starts the server, or attaches to the one already running there.</summary>
    public static async Task<LocalPostgres> StartAsync(string dataFolder, ILogger logger, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Find();
        var folder = new LocalDataFolder(dataFolder);
        folder.Prepare(logger);
        using var folderLock = await folder.LockAsync(ct);
        var password = folder.ReadOrCreatePassword();

        if (!folder.IsInitialized)
        {
            logger.LogInformation("Creating a PostgreSQL cluster in {PgData} (initdb from {Bin})", folder.PgData, binaries.BinDirectory);
            await binaries.RunAsync("initdb", [
                "-D", folder.PgData, "-U", SuperUser, "--pwfile", folder.PasswordFile, "-E", "UTF8", "--locale", "C.UTF-8",
                "--auth-local", "peer", "--auth-host", "scram-sha-256"], ct);
        }

        if (await PostmasterPid.WaitForRunningPortAsync(folder.PgData, ct) is int runningPort)
        {
            logger.LogInformation("Reusing the PostgreSQL server already running on 127.0.0.1:{Port} ({PgData})", runningPort, folder.PgData);
            return new LocalPostgres(binaries, folder, password, runningPort, startedHere: false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var socketDir = folder.Root.Length < 90 ? folder.Root : ""; // unix socket paths are limited to ~107 bytes
            try
            {
                await binaries.RunAsync("pg_ctl", [
                    "start", "-w", "-t", "60", "-D", folder.PgData, "-l", folder.LogFile,
                    "-o", $"-p {port} -k '{socketDir}' -c listen_addresses=127.0.0.1 -c max_connections=200"], ct);
                logger.LogInformation("Started PostgreSQL on 127.0.0.1:{Port} ({PgData})", port, folder.PgData);
                return new LocalPostgres(binaries, folder, password, port, startedHere: true);
            }
            catch (InvalidOperationException ex) when (attempt < 3)
            {
                logger.LogWarning("Starting PostgreSQL on port {Port} failed, trying another port: {Error}", port, ex.Message);
            }
        }
    }

    /// <summary>Creates the database if it does not exist.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(name);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(name)}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it at the same moment.
        }
    }

    /// <summary>Stops the server with <c>pg_ctl stop -m fast</c>, only if this process started it. Safe to call twice.</summary>
    public async Task StopAsync(ILogger? logger = null)
    {
        if (!StartedHere || Interlocked.Exchange(ref stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        await binaries.RunAsync("pg_ctl", ["stop", "-w", "-m", "fast", "-D", Folder.PgData]);
        logger?.LogInformation("Stopped PostgreSQL ({PgData})", Folder.PgData);
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
