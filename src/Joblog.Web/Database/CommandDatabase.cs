using Npgsql;

namespace Joblog.Web.Database;

/// <summary>
/// The server a command-line command (<c>dotnet run -- import-reference-data …</c>) works on: the one of
/// <c>ConnectionStrings:Joblog</c>, or else the app's private cluster, started if needed and then stopped again
/// only if the command started it.
/// </summary>
public sealed class CommandDatabase : IAsyncDisposable
{
    private readonly LocalPostgres? local;
    private readonly NpgsqlConnectionStringBuilder server;

    private CommandDatabase(NpgsqlConnectionStringBuilder server, LocalPostgres? local) => (this.server, this.local) = (server, local);

    /// <summary>True when the server is the app's private cluster.</summary>
    public bool IsLocal => local is not null;

    /// <summary>For creating and dropping databases: the private cluster's <c>postgres</c> database, or the given connection.</summary>
    public string AdminConnectionString => local?.AdminConnectionString ?? server.ConnectionString;

    /// <summary>The app's own database on that server.</summary>
    public string AppConnectionString => server.ConnectionString;

    /// <summary>Another database on the same server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;

    public static async Task<CommandDatabase> OpenAsync(IConfiguration config, ILogger logger, CancellationToken ct = default)
    {
        if (config.GetConnectionString(DatabaseSetup.ConnectionStringName) is { Length: > 0 } given)
            return new CommandDatabase(new NpgsqlConnectionStringBuilder(given), null);
        var local = await LocalPostgres.StartAsync(LocalDataFolder.DefaultPath(), logger, ct);
        var database = DatabaseSetup.LocalDatabase(config);
        await local.EnsureDatabaseAsync(database, ct);
        return new CommandDatabase(new NpgsqlConnectionStringBuilder(local.ConnectionString(database)), local);
    }

    /// <summary>Configuration of a command: environment variables (<c>ConnectionStrings__Joblog</c>) and <c>--key value</c> options.</summary>
    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (local is not null) await local.StopAsync();
    }
}
