using System.Diagnostics;
using System.Globalization;
using Joblog.Web.Database;
using Npgsql;

namespace Joblog.Web.Features.Notices;

/// <summary>
/// <c>sweep-inactivity</c>: runs the inactivity sweep now, on the app's database (<c>Joblog__LocalDatabase</c> or
/// <c>--database</c> in the private cluster, or <c>ConnectionStrings__Joblog</c>), after applying pending migrations.
/// <c>--runs N</c> sweeps N times in a row and prints the time of each; <c>--dry-run</c> does it all in one transaction
/// and rolls it back, and <c>--from-scratch</c> (with <c>--dry-run</c>) first removes every notice inside that transaction, so
/// the first sweep is a first (bench/inactivity.sh).
/// </summary>
public static class SweepCommand
{
    public const string Name = "sweep-inactivity";

    public const string Usage = """
        usage: sweep-inactivity [--database NAME] [--runs N] [--dry-run [--from-scratch]]
        Runs the inactivity sweep (advisering) now and prints what it did. --database picks a database in the app's
        private cluster (default Joblog__LocalDatabase, else joblog); ConnectionStrings__Joblog names another server.
        --runs sweeps N times in a row (the second finds nothing new); --dry-run rolls everything back at the end;
        --from-scratch (only with --dry-run) first removes every notice in that transaction, so the first sweep is a first.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        try
        {
            await using var database = await MigratedDatabase.OpenAsync(Name, options.Database);
            var dataSource = database.DataSource;
            var sweep = new InactivitySweep(dataSource, TimeProvider.System);
            await using var conn = await dataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            if (options.FromScratch)
            {
                await using var clear = new NpgsqlCommand("delete from inactivity_notices", conn, tx);
                Console.WriteLine($"from scratch: {await clear.ExecuteNonQueryAsync()} notices removed (in the transaction only)");
            }
            await using (var pidCommand = new NpgsqlCommand("select pg_backend_pid()", conn, tx))
                backend = (int)(await pidCommand.ExecuteScalarAsync())!;
            for (var i = 1; i <= options.Runs; i++)
            {
                var cpu = BackendCpuSeconds();
                var started = Stopwatch.GetTimestamp();
                var r = await sweep.RunInAsync(tx, SweepStart.Command, null, CancellationToken.None);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var used = BackendCpuSeconds() - cpu;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep {i} for {r.Day:yyyy-MM-dd}: {r.Created} new notices, {r.Ended} ended, {r.Open} open; {seconds:0.000} s")
                    + (used is { } u ? string.Create(CultureInfo.InvariantCulture, $", database CPU {u:0.00} s") : ""));
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

    private static int backend;

    /// <summary>
    /// CPU seconds (user + system) of the PostgreSQL backend doing the sweep, from /proc when the server runs on this machine
    /// (the private cluster); null otherwise. Clock ticks of 1/100 s (USER_HZ on Linux).
    /// </summary>
    private static double? BackendCpuSeconds()
    {
        var path = $"/proc/{backend}/stat";
        if (backend == 0 || !File.Exists(path)) return null;
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from the 3rd on: utime is the 14th, stime the 15th
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private sealed record Options(string? Database, int Runs, bool DryRun, bool FromScratch);

    private static Options? Parse(string[] args)
    {
        var options = new Options(null, 1, false, false);
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
                case "--from-scratch":
                    options = options with { FromScratch = true };
                    break;
                default:
                    return null;
            }
        }
        return options.FromScratch && !options.DryRun ? null : options;
    }
}
