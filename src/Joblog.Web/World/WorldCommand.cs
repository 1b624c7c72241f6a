using System.Diagnostics;
using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Database;
using Joblog.Web.ReferenceData;
using Npgsql;

namespace Joblog.Web.World;

/// <summary>
/// <c>generate-world</c>: builds a national-scale world in a database of its own (see World/README.md).
/// Without <c>ConnectionStrings__Joblog</c> it uses the app's private cluster.
/// </summary>
public static class WorldCommand
{
    public const string Usage = """
        usage: generate-world [--citizens 300000] [--logs 30000000] [--database joblog_world] [--seed 1]
                              [--today yyyy-mm-dd] [--replace] [--versions]
        Builds a generated world in a new database: migrations, reference data, citizens, periods, exemptions,
        job goals, logs (and with --versions one log_versions row per version). --replace drops an existing database
        of that name first. Uses ConnectionStrings__Joblog's server if set, else the app's private cluster.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (WorldOptions.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Npgsql", LogLevel.Warning));
        var logger = loggerFactory.CreateLogger("generate-world");

        try
        {
            await using var database = await CommandDatabase.OpenAsync(CommandDatabase.Configuration([]), logger, cancel.Token);
            var admin = database.AdminConnectionString;
            var target = new NpgsqlConnectionStringBuilder(database.ConnectionString(options.Database)) { Pooling = false }.ConnectionString;
            if (!await CreateDatabaseAsync(admin, options, cancel.Token)) return 1;
            await GenerateAsync(target, options, cancel.Token);
            Console.WriteLine(database.IsLocal
                ? $"Point the app at it: Joblog__LocalDatabase={options.Database} dotnet run --project src/Joblog.Web" +
                  $" (the private cluster; with a server: ConnectionStrings__Joblog=\"...;Database={options.Database}\")"
                : $"Point the app at it: ConnectionStrings__Joblog=\"{Redacted(target)}\" (with your password)");
            return 0;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled; the database is incomplete (run again with --replace).");
            return 130;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"generate-world failed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<bool> CreateDatabaseAsync(string admin, WorldOptions options, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        var name = LocalPostgres.QuoteIdentifier(options.Database);
        await using (var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection))
        {
            exists.Parameters.AddWithValue(options.Database);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                if (!options.Replace)
                {
                    await Console.Error.WriteLineAsync($"Database {options.Database} exists; use --replace to drop it and build it again.");
                    return false;
                }
                Console.WriteLine($"Dropping database {options.Database}");
                await BulkSchema.ExecuteAsync(connection, $"drop database {name} with (force)", ct);
            }
        }
        await BulkSchema.ExecuteAsync(connection, $"create database {name}", ct);
        return true;
    }

    private static async Task GenerateAsync(string target, WorldOptions options, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        await using (var dataSource = NpgsqlDataSource.Create(target))
        {
            await Migrator.MigrateAsync(dataSource, null, ct);
            await ReferenceDataImporter.ImportShippedAsync(dataSource, ct);
        }
        Console.WriteLine($"Database {options.Database}: migrated, reference data loaded ({total.Elapsed.TotalSeconds:0.0} s)");

        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync(ct);
        var reference = await WorldReference.LoadAsync(connection, null, ct);
        var clock = Stopwatch.StartNew();
        var spec = options.Spec(TimeProvider.System.Today());
        var world = GeneratedWorld.Generate(spec, reference);
        Console.WriteLine($"Generated {world.Citizens.Count:N0} citizens in {clock.Elapsed.TotalSeconds:0.0} s " +
                          $"(today {spec.Today:yyyy-MM-dd}, seed {spec.Seed}, target {spec.LogTarget:N0} logs, scale {world.Scale:0.000})");

        var result = await WorldWriter.WriteAsync(connection, null, world, WriteMode.Bulk, new ConsoleProgress(), ct);
        var size = await new NpgsqlCommand("select pg_database_size(current_database())", connection).ExecuteScalarAsync(ct) as long? ?? 0;
        WorldSummary.Print(result, total.Elapsed, size, Console.Out);
    }

    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null, Pooling = true }.ConnectionString.Replace(";Pooling=True", "", StringComparison.Ordinal);

    /// <summary>Prints a line per finished step and, every few seconds, where the running step is.</summary>
    private sealed class ConsoleProgress : IProgress<WorldProgress>
    {
        private readonly Stopwatch sincePrint = Stopwatch.StartNew();

        public void Report(WorldProgress value)
        {
            lock (sincePrint)
            {
                var show = value.Done ? !value.Detail || value.StepElapsed >= WorldSummary.MinimumDetail : sincePrint.Elapsed >= TimeSpan.FromSeconds(3);
                if (!show) return;
                sincePrint.Restart();
                var rate = value.StepElapsed.TotalSeconds > 0 ? value.Rows / value.StepElapsed.TotalSeconds : 0;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{value.TotalElapsed.TotalSeconds,7:0.0} s] {value.Step,-45} {(value.Done ? "done" : "    ")} " +
                    $"{value.Rows,13:N0} rows {rate,10:N0} rows/s {value.StepElapsed.TotalSeconds,7:0.0} s"));
            }
        }
    }
}
