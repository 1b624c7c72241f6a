using System.Diagnostics;
using Joblog.Web.Features.Search;
using Npgsql;

namespace Joblog.Web.World;

public enum WriteMode
{
    /// <summary>A fresh database: keys, indexes and foreign keys of the world's tables are dropped, the tables loaded
    /// with COPY FREEZE, everything built again and analyzed. The world's tables must be empty.</summary>
    Bulk,

    /// <summary>An existing database, small amounts: plain COPY inside the caller's transaction, nothing dropped.</summary>
    Append,
}

/// <summary>
/// How far a write has come: the step (a table, a phase of the rebuild, or — <see cref="Detail"/> — one statement of a
/// phase), its rows so far, and the times.
/// </summary>
public sealed record WorldProgress(string Step, long Rows, TimeSpan StepElapsed, TimeSpan TotalElapsed, bool Done, bool Detail);

/// <summary>One finished step of a write; a <see cref="Detail"/> step is a statement within the step after it.</summary>
public sealed record WorldStep(string Step, long Rows, TimeSpan Elapsed, bool Detail)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}

public sealed record WorldWriteResult(IReadOnlyList<WorldStep> Steps, TimeSpan Elapsed)
{
    public long RowsOf(string table) => Steps.Where(s => s.Step == table).Sum(s => s.Rows);

    public long Rows => Steps.Sum(s => s.Rows);
}

/// <summary>Writes a generated world into a database with binary COPY.</summary>
public static class WorldWriter
{
    /// <summary>The tables a world fills, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> Tables = ["citizens", "target_group_periods", "exemptions", "job_goals", "logs", "log_versions"];

    public static async Task<WorldWriteResult> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, GeneratedWorld world,
        WriteMode mode, IProgress<WorldProgress>? progress = null, CancellationToken ct = default)
    {
        var run = new Run(Stopwatch.StartNew(), progress, []);
        if (mode == WriteMode.Bulk)
        {
            if (transaction is not null) throw new ArgumentException("A bulk load commits as it goes: pass no transaction.", nameof(transaction));
            await BulkLoad.RunAsync(connection, world, run, ct);
        }
        else
        {
            var tables = WorldRows.People.Append(LogRows.Logs(0, 1)).ToList();
            if (world.Spec.Versions) tables.Add(LogRows.Versions(0, 1));
            var own = transaction is null ? await connection.BeginTransactionAsync(ct) : null;
            foreach (var table in tables) await CopyAsync(connection, world, table, freeze: false, run, ct);
            await BulkLoad.StepAsync(run, BulkLoad.SearchAggregates,
                () => LogAggregates.RebuildAsync(connection, transaction ?? own, world.Citizens.Select(c => c.Id).ToArray(), ct));
            if (own is not null)
            {
                await own.CommitAsync(ct);
                await own.DisposeAsync();
            }
        }
        return new WorldWriteResult(run.Steps, run.Clock.Elapsed);
    }

    internal sealed record Run(Stopwatch Clock, IProgress<WorldProgress>? Progress, List<WorldStep> Steps)
    {
        public void Report(string step, long rows, Stopwatch stepClock, bool done = false, bool detail = false)
        {
            Progress?.Report(new WorldProgress(step, rows, stepClock.Elapsed, Clock.Elapsed, done, detail));
            if (done) lock (Steps) Steps.Add(new WorldStep(step, rows, stepClock.Elapsed, detail));
        }
    }

    /// <summary>
    /// One table through one COPY, on a thread of its own (the synchronous writer is the fastest). Reports its own
    /// progress and finished step, unless <paramref name="report"/> takes the running count (one of several streams).
    /// </summary>
    internal static async Task<long> CopyAsync(NpgsqlConnection connection, GeneratedWorld world, WorldTable table, bool freeze, Run run,
        CancellationToken ct, Action<long>? report = null)
    {
        var clock = Stopwatch.StartNew();
        var rows = await Task.Run(() =>
        {
            using var importer = connection.BeginBinaryImport(table.CopySql(freeze));
            var n = table.Write(world, importer, count =>
            {
                ct.ThrowIfCancellationRequested();
                if (report is null) run.Report(table.Name, count, clock); else report(count);
            });
            importer.Complete();
            return n;
        }, ct);
        if (report is null) run.Report(table.Name, rows, clock, done: true);
        return rows;
    }
}
