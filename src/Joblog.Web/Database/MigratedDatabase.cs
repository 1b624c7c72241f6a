using Npgsql;

namespace Joblog.Web.Database;

/// <summary>
/// What a command of the app that works on its database opens first (<c>sweep-inactivity</c>, <c>refresh-statistics</c>): a
/// one-line console logger, the server (<see cref="CommandDatabase"/>: <c>ConnectionStrings:Joblog</c>, or the private
/// cluster, started if needed), and a data source on the database — <paramref name="database"/> in the private cluster,
/// else <c>Joblog:LocalDatabase</c> — with pending migrations applied. Disposing stops a cluster the command started.
/// </summary>
public sealed class MigratedDatabase : IAsyncDisposable
{
    private readonly ILoggerFactory loggerFactory;
    private readonly CommandDatabase server;

    private MigratedDatabase(ILoggerFactory loggerFactory, CommandDatabase server, NpgsqlDataSource dataSource, ILogger logger) =>
        (this.loggerFactory, this.server, DataSource, Logger) = (loggerFactory, server, dataSource, logger);

    public NpgsqlDataSource DataSource { get; }

    public ILogger Logger { get; }

    public static async Task<MigratedDatabase> OpenAsync(string command, string? database)
    {
        var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Npgsql", LogLevel.Warning));
        var logger = loggerFactory.CreateLogger(command);
        CommandDatabase? server = null;
        NpgsqlDataSource? dataSource = null;
        try
        {
            server = await CommandDatabase.OpenAsync(CommandDatabase.Configuration(database is { } db ? ["--Joblog:LocalDatabase", db] : []), logger);
            DapperTypes.Register();
            dataSource = NpgsqlDataSource.Create(server.AppConnectionString);
            await Migrator.MigrateAsync(dataSource, logger);
            return new MigratedDatabase(loggerFactory, server, dataSource, logger);
        }
        catch
        {
            if (dataSource is not null) await dataSource.DisposeAsync();
            if (server is not null) await server.DisposeAsync();
            loggerFactory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await server.DisposeAsync();
        loggerFactory.Dispose();
    }
}
