using Dapper;
using Joblog.Web.Database;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>
/// The PostgreSQL server and database measured: a given connection string, or the app's private cluster in a data
/// folder — started if it is not running and then stopped again only if we started it and nobody else uses it — or a
/// throwaway copy of that cluster (pg_basebackup), so that the benchmark has a server to itself and the world itself
/// is not written at all; the copy is stopped and deleted at the end.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly LocalPostgres? local;
    private readonly string? throwaway;

    /// <summary>Every session of the benchmark carries this name (pg_stat_activity), so it can tell others from its own.</summary>
    public const string ApplicationName = "GateBench";

    private BenchServer(string connectionString, LocalPostgres? local, string? throwaway, string describe)
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName }.ConnectionString;
        (this.local, this.throwaway, Describe) = (local, throwaway, describe);
    }

    /// <summary>A cluster of the benchmark's own in <paramref name="folder"/>: always stopped, and the folder deleted, at the end.</summary>
    public static BenchServer Throwaway(LocalPostgres cluster, string database, string folder, string describe) =>
        new(cluster.ConnectionString(database), cluster, folder, describe);

    public string ConnectionString { get; }

    /// <summary>The same server's <c>postgres</c> database (to create and drop the scratch database).</summary>
    public string AdminConnectionString => With("postgres");

    public string Describe { get; }

    private static string Admin(LocalPostgres cluster) =>
        new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { ApplicationName = ApplicationName, Pooling = false }.ConnectionString;

    public string With(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Null when the database (or the whole cluster) is not there: the caller falls back to the demo world.</summary>
    public static async Task<BenchServer?> OpenAsync(BenchOptions options, ILogger logger, Action<string> progress, CancellationToken ct)
    {
        if (options.Connection is { } given) return new BenchServer(given, null, null, "the given server");
        if (options.DemoIn is { } demo) return await DemoWorld.CreateAsync(demo, logger, progress, ct);

        // Never initdb a cluster just to find it empty.
        if (!File.Exists(Path.Combine(options.DataDir, "pgdata", "PG_VERSION"))) return null;
        var source = await LocalPostgres.StartAsync(options.DataDir, logger, ct);
        bool exists;
        await using (var admin = new NpgsqlConnection(Admin(source)))
            exists = await admin.ExecuteScalarAsync<bool>("select exists (select 1 from pg_database where datname = @name)", new { name = options.Database });
        var describeSource = $"private cluster {source.Folder.Root} on 127.0.0.1:{source.Port} ({(source.StartedHere ? "started by the benchmark" : "already running")})";
        if (!exists || options.CopyTo is not { } copyTo)
        {
            if (exists) return new BenchServer(source.ConnectionString(options.Database), source, null, describeSource);
            await StopIfOursAsync(source);
            return null;
        }

        progress($"copying the cluster with pg_basebackup to {copyTo} (the world is not written)");
        var folder = new LocalDataFolder(copyTo);
        folder.Prepare(logger);
        File.Copy(source.Folder.PasswordFile, folder.PasswordFile);
        try
        {
            // As the postgres user over the unix socket (peer authentication), like the app runs pg_ctl.
            await PostgresBinaries.Find().RunAsync("pg_basebackup", [
                "-h", source.Folder.Root, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", LocalPostgres.SuperUser, "-D", folder.PgData, "--checkpoint=fast", "-X", "stream"], ct);
        }
        catch
        {
            Directory.Delete(copyTo, recursive: true);
            throw;
        }
        finally
        {
            await StopIfOursAsync(source);
        }
        var copy = await LocalPostgres.StartAsync(copyTo, logger, ct);
        return Throwaway(copy, options.Database, copyTo,
            $"a copy (pg_basebackup) of the private cluster {source.Folder.Root}, on 127.0.0.1:{copy.Port}, deleted afterwards");
    }

    public async ValueTask DisposeAsync()
    {
        await StopIfOursAsync(local, alone: throwaway is not null);
        if (throwaway is not null && Directory.Exists(throwaway))
        {
            Directory.Delete(throwaway, recursive: true);
            Console.Error.WriteLine($"== deleted {throwaway}");
        }
    }

    /// <summary>Stops a cluster we started — a copy always, the shared one only if nobody else has connected to it.</summary>
    private static async Task StopIfOursAsync(LocalPostgres? local, bool alone = false)
    {
        NpgsqlConnection.ClearAllPools();
        if (local is not { StartedHere: true }) return;
        if (!alone)
        {
            // Someone (the lead's app, say) may have attached to the cluster we started: then leave it running.
            await using var admin = new NpgsqlConnection(Admin(local));
            var others = await admin.ExecuteScalarAsync<int>(
                """
                select count(*) from pg_stat_activity
                where backend_type = 'client backend' and pid <> pg_backend_pid() and application_name <> @name
                """, new { name = ApplicationName });
            if (others > 0)
            {
                Console.Error.WriteLine($"== leaving the cluster {local.Folder.Root} running: {others} other connection(s) use it");
                return;
            }
        }
        await local.StopAsync();
        Console.Error.WriteLine($"== stopped the cluster the benchmark started ({local.Folder.Root})");
    }
}
