using System.Diagnostics;
using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Database;
using Joblog.Web.Features.Shared;
using Npgsql;

namespace Joblog.Web.Features.Statistics;

/// <summary>
/// <c>refresh-statistics</c>: recomputes the statistics now, on the app's database (<c>Joblog__LocalDatabase</c> or
/// <c>--database</c> in the private cluster, or <c>ConnectionStrings__Joblog</c>), after applying pending migrations, and
/// prints what it did and how long it took. <c>--read-runs N</c> then reads the whole history N times as the API does
/// (bench/statistics.sh).
/// </summary>
public static class StatisticsCommand
{
    public const string Name = "refresh-statistics";

    public const string Usage = """
        usage: refresh-statistics [--database NAME] [--months N | --from YYYY-MM --to YYYY-MM] [--dry-run] [--read-runs N [--no-recompute]]
        Recomputes the joblog statistics (per month, municipality and target group) and prints the time it took. Without
        --months or --from/--to: the whole history (the 60 months up to the last that has ended). --database picks a
        database in the app's private cluster (default Joblog__LocalDatabase, else joblog); ConnectionStrings__Joblog names
        another server. --dry-run rolls the recompute back. --read-runs N reads all municipalities, target groups and months
        of the history N times afterwards and prints p50/p95 of the SQL alone and of the read with suppression; with
        --no-recompute it only reads.
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
            var refresh = new UsageRefresh(dataSource, TimeProvider.System);
            if (!options.NoRecompute)
            {
                await using var conn = await dataSource.OpenConnectionAsync();
                await using var tx = await conn.BeginTransactionAsync();
                var r = await refresh.RunInAsync(tx, JobStart.Command, null, options.From, options.To, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"recomputed {r.From:yyyy-MM}..{r.To:yyyy-MM}{(r.FullHistory ? " (the whole history)" : "")}: {r.Rows} rows; {r.Elapsed.TotalSeconds:0.000} s"));
                if (options.DryRun)
                {
                    await tx.RollbackAsync();
                    Console.WriteLine("dry run: rolled back, nothing kept");
                }
                else
                {
                    await tx.CommitAsync();
                }
            }
            if (options.ReadRuns > 0) await ReadAsync(dataSource, options.ReadRuns);
            return 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"{Name} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The whole history, every group, every municipality: the SQL alone, and the read with suppression (the API's).</summary>
    private static async Task ReadAsync(NpgsqlDataSource dataSource, int runs)
    {
        var (from, to) = UsageRefresh.History(TimeProvider.System.Today());
        var query = new UsageQuery(dataSource);
        var sql = new List<double>();
        var read = new List<double>();
        var rows = 0;
        for (var i = 0; i < runs + 1; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var (national, municipalities) = await query.FetchAsync(from, to, null, CancellationToken.None);
            var sqlMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            _ = await query.ReadAsync(from, to, null, CancellationToken.None);
            var readMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i == 0) continue; // the first run warms the pool and the caches
            sql.Add(sqlMs);
            read.Add(readMs);
            rows = national.Count + municipalities.Count;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {from:yyyy-MM}..{to:yyyy-MM}, all groups and municipalities ({rows} rows), {runs} runs after one warm-up:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SQL only (both tables, rows fetched): p50 {P(sql, 0.5):0.0} ms, p95 {P(sql, 0.95):0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  read with suppression (UsageQuery.ReadAsync): p50 {P(read, 0.5):0.0} ms, p95 {P(read, 0.95):0.0} ms"));
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private sealed record Options(string? Database, DateOnly? From, DateOnly? To, bool DryRun, int ReadRuns, bool NoRecompute = false);

    private static Options? Parse(string[] args)
    {
        var options = new Options(null, null, null, false, 0);
        int? months = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--database" when i + 1 < args.Length:
                    options = options with { Database = args[++i] };
                    break;
                case "--months" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 240:
                    months = n;
                    i++;
                    break;
                case "--from" when i + 1 < args.Length && StatisticsMonths.Parse(args[i + 1]) is { } from:
                    options = options with { From = from };
                    i++;
                    break;
                case "--to" when i + 1 < args.Length && StatisticsMonths.Parse(args[i + 1]) is { } to:
                    options = options with { To = to };
                    i++;
                    break;
                case "--dry-run":
                    options = options with { DryRun = true };
                    break;
                case "--no-recompute":
                    options = options with { NoRecompute = true };
                    break;
                case "--read-runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 1000:
                    options = options with { ReadRuns = r };
                    i++;
                    break;
                default:
                    return null;
            }
        }
        if (months is { } m)
        {
            if (options.From is not null || options.To is not null) return null;
            var last = UsageRefresh.LastMonth(TimeProvider.System.Today());
            return options with { From = last.AddMonths(1 - m), To = last };
        }
        if (options.NoRecompute && options.ReadRuns == 0) return null;
        return (options.From is null) == (options.To is null) && !(options.From > options.To) ? options : null;
    }
}
