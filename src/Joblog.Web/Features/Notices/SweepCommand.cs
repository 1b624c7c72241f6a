using System.Diagnostics;
using System.Globalization;
using Joblog.Web.Database;
using Npgsql;

namespace Joblog.Web.Features.Notices;

/// <summary>
/// <c>sweep-inactivity</c>: runs the inactivity sweep now, on the app's database (<c>Joblog__LocalDatabase</c> or
/// <c>--database</c> in the private cluster, or <c>ConnectionStrings__Joblog</c>), after applying pending migrations.
/// <c>--runs N</c> sweeps N times in a row and prints the time of each; <c>--dry-run</c> does it all in one transaction
/// and rolls it back (bench/inactivity.sh).
/// </summary>
public static class SweepCommand
{
    public const string Name = "sweep-inactivity";

    public const string Usage = """
        usage: sweep-inactivity [--database NAME] [--runs N] [--dry-run]
        Runs the inactivity sweep (advisering) now and prints what it did. --database picks a database in the app's
        private cluster (default Joblog__LocalDatabase, else joblog); ConnectionStrings__Joblog names another server.
        --runs sweeps N times in a row (the second finds nothing new); --dry-run rolls everything back at the end.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Npgsql", LogLevel.Warning));
        var logger = loggerFactory.CreateLogger(Name);
        var config = CommandDatabase.Configuration(options.Database is { } db ? ["--Joblog:LocalDatabase", db] : []);
        try
        {
            await using var database = await CommandDatabase.OpenAsync(config, logger);
            DapperTypes.Register();
            await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
            await Migrator.MigrateAsync(dataSource, logger);
            var sweep = new InactivitySweep(dataSource, TimeProvider.System);
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            for (var i = 1; i <= options.Runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var r = await sweep.RunInAsync(tx, SweepStart.Command, null, CancellationToken.None);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep {i} for {r.Day:yyyy-MM-dd}: {r.Created} new notices, {r.Ended} ended, {r.Open} open; {seconds:0.000} s"));
            }
            if (options.DryRun)
            {
                await tx.RollbackAsync();
                Console.WriteLine("dry run: rolled back, nothing kept");
            }
            else
            {
                await tx.CommitAsync();
            }
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"{Name} failed: {ex.Message}");
            return 1;
        }
    }

    private sealed record Options(string? Database, int Runs, bool DryRun);

    private static Options? Parse(string[] args)
    {
        var options = new Options(null, 1, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--database" when i + 1 < args.Length:
                    options = options with { Database = args[++i] };
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10:
                    options = options with { Runs = n };
                    i++;
                    break;
                case "--dry-run":
                    options = options with { DryRun = true };
                    break;
                default:
                    return null;
            }
        }
        return options;
    }
}
