using Dapper;
using Joblog.Web.Database;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>
/// The PostgreSQL server and database measured: a given connection string, or the app's private cluster in a data
/// folder — started if it is not running and then stopped again only if we started it and nobody else uses it.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly LocalPostgres? local;

    private BenchServer(string connectionString, LocalPostgres? local)
    {
        ConnectionString = connectionString;
        this.local = local;
    }

    public string ConnectionString { get; }

    /// <summary>The same server's <c>postgres</c> database (to create and drop the scratch database).</summary>
    public string AdminConnectionString => With("postgres");

    public string Describe => local is null
        ? "the given server"
        : $"private cluster {local.Folder.Root} on 127.0.0.1:{local.Port} ({(local.StartedHere ? "started by the benchmark" : "already running")})";

    public string With(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Null when the database (or the whole cluster) is not there: the caller falls back to the demo world.</summary>
    public static async Task<BenchServer?> OpenAsync(BenchOptions options, ILogger logger, CancellationToken ct)
    {
        if (options.Connection is { } given) return new BenchServer(given, null);

        // Never initdb a cluster just to find it empty.
        if (!File.Exists(Path.Combine(options.DataDir, "pgdata", "PG_VERSION"))) return null;
        var local = await LocalPostgres.StartAsync(options.DataDir, logger, ct);
        await using (var admin = new NpgsqlConnection(local.AdminConnectionString + ";Pooling=false"))
        {
            if (await admin.ExecuteScalarAsync<int>("select count(*) from pg_database where datname = @name", new { name = options.Database }) == 1)
                return new BenchServer(local.ConnectionString(options.Database), local);
        }
        await StopIfOursAsync(local);
        return null;
    }

    public ValueTask DisposeAsync() => new(StopIfOursAsync(local));

    private static async Task StopIfOursAsync(LocalPostgres? local)
    {
        NpgsqlConnection.ClearAllPools();
        if (local is not { StartedHere: true }) return;
        // Someone (the lead's app, say) may have attached to the cluster we started: then leave it running.
        await using (var admin = new NpgsqlConnection(local.AdminConnectionString + ";Pooling=false"))
        {
            var others = await admin.ExecuteScalarAsync<int>(
                "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()");
            if (others > 0)
            {
                Console.Error.WriteLine($"== leaving the cluster running: {others} other connection(s) use it");
                return;
            }
        }
        await local.StopAsync();
        Console.Error.WriteLine("== stopped the cluster the benchmark started");
    }
}
