using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Joblog.Web.Features.Search;
using Npgsql;

namespace Joblog.Web.World;

/// <summary>
/// <see cref="WriteMode.Bulk"/>: drop the keys, indexes and foreign keys of the world's tables; load the small tables
/// with COPY FREEZE in a transaction that first truncates them, and the logs with <see cref="LogStreams"/> COPY streams
/// in parallel (PostgreSQL's COPY backend, one core each, is the bottleneck) followed by VACUUM FREEZE, so every row is
/// frozen and every page all-visible: no hint-bit writes or anti-wraparound vacuum later. Then build everything again
/// on two connections and analyze.
/// </summary>
internal static class BulkLoad
{
    /// <summary>Session settings for the load: big sorts for index builds, no waiting for the WAL flush at commit.</summary>
    private const string Settings =
        "set maintenance_work_mem = '1GB'; set synchronous_commit = off; set max_parallel_maintenance_workers = 0";

    /// <summary>Connections of a bulk load: parallel COPY streams for the logs (and their versions), parallel index builds.</summary>
    public const int LogStreams = 2;

    /// <summary>The step that builds the search's per-citizen aggregates from the logs (Features/Search/LogAggregates.cs).</summary>
    public const string SearchAggregates = "search aggregates";

    public static async Task RunAsync(NpgsqlConnection connection, GeneratedWorld world, WorldWriter.Run run, CancellationToken ct)
    {
        await EnsureEmptyAsync(connection, ct);
        await BulkSchema.ExecuteAsync(connection, Settings, ct);
        var schema = await BulkSchema.CaptureAsync(connection, WorldWriter.Tables, ct);
        await StepAsync(run, $"drop {schema.Keys.Count + schema.Indexes.Count} indexes, {schema.ForeignKeys.Count} foreign keys",
            () => schema.DropAsync(connection, ct));

        // The search's stretches are built once from all the periods after the load, not per row while it is copied.
        await BulkSchema.ExecuteAsync(connection, $"alter table target_group_periods disable trigger {LogAggregates.PeriodsTrigger}", ct);
        try
        {
            await LoadAsync(connection, world, schema, run, ct);
        }
        finally
        {
            await BulkSchema.ExecuteAsync(connection, $"alter table target_group_periods enable trigger {LogAggregates.PeriodsTrigger}", CancellationToken.None);
        }
    }

    private static async Task LoadAsync(NpgsqlConnection connection, GeneratedWorld world, BulkSchema schema, WorldWriter.Run run, CancellationToken ct)
    {
        foreach (var table in WorldRows.People)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await BulkSchema.ExecuteAsync(connection, $"truncate {table.Name}", ct);
            await WorldWriter.CopyAsync(connection, world, table, freeze: true, run, ct);
            await transaction.CommitAsync(ct);
        }

        var connections = new NpgsqlConnection[LogStreams];
        connections[0] = connection;
        try
        {
            for (var i = 1; i < connections.Length; i++)
            {
                connections[i] = connection.CloneWith(connection.ConnectionString);
                await connections[i].OpenAsync(ct);
                await BulkSchema.ExecuteAsync(connections[i], Settings, ct);
            }
            await InStreamsAsync(connections, world, LogRows.Logs, run, ct);
            if (world.Spec.Versions) await InStreamsAsync(connections, world, LogRows.Versions, run, ct);
            // Before the keys are built again: the aggregates' foreign keys to citizens are among those dropped, so they are
            // checked once, not per row.
            await BulkSchema.ExecuteAsync(connection, "set work_mem = '256MB'", ct);
            await StepAsync(run, SearchAggregates, () => LogAggregates.RebuildAsync(connection, null, null, ct));
            await RebuildAsync(connections, schema, run, ct);
        }
        finally
        {
            foreach (var other in connections.Skip(1).OfType<NpgsqlConnection>()) await other.DisposeAsync();
        }
    }

    /// <summary>Builds the dropped keys, indexes and foreign keys again, phase by phase, biggest tables first; then analyzes.</summary>
    private static async Task RebuildAsync(NpgsqlConnection[] connections, BulkSchema schema, WorldWriter.Run run, CancellationToken ct)
    {
        var connection = connections[0];
        var sizes = (await connection.QueryAsync<(string Table, long Bytes)>(
                "select relname::text, pg_relation_size(oid) from pg_class where relname = any(@tables) and relkind = 'r'",
                new { tables = WorldWriter.Tables.ToArray() }))
            .ToDictionary(x => x.Table, x => x.Bytes);
        long SizeOf(string table) => sizes.GetValueOrDefault(table.Split('.')[^1].Trim('"'));

        var analyze = WorldWriter.Tables.Select(t => new BulkSchema.Statement($"analyze {t}", t, $"analyze {t}")).ToList();
        foreach (var (name, parallel, statements) in schema.RecreatePhases().Append(("analyze", true, analyze)))
        {
            var ordered = statements.OrderByDescending(s => SizeOf(s.Table)).ToList();
            await StepAsync(run, $"{name} ({ordered.Count}{(parallel ? $", {connections.Length} connections" : "")})", async () =>
            {
                if (parallel) await InParallelAsync(connections, ordered, run, ct);
                else foreach (var s in ordered) await StepAsync(run, s.Label, () => BulkSchema.ExecuteAsync(connection, s.Sql, ct), detail: true);
            });
        }
    }

    /// <summary>
    /// One table through <see cref="LogStreams"/> COPY streams, each on its own connection and transaction, writing its
    /// share of the citizens; then VACUUM FREEZE (COPY FREEZE needs the one transaction that truncated the table).
    /// </summary>
    private static async Task InStreamsAsync(NpgsqlConnection[] connections, GeneratedWorld world, Func<int, int, WorldTable> table,
        WorldWriter.Run run, CancellationToken ct)
    {
        var name = table(0, 1).Name;
        var clock = Stopwatch.StartNew();
        var counts = new long[connections.Length];
        await Task.WhenAll(connections.Select(async (connection, part) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await WorldWriter.CopyAsync(connection, world, table(part, connections.Length), freeze: false, run, ct, count =>
            {
                Interlocked.Exchange(ref counts[part], count);
                run.Report(name, counts.Sum(), clock);
            });
            await transaction.CommitAsync(ct);
        }));
        run.Report(name, counts.Sum(), clock, done: true);
        await StepAsync(run, $"vacuum (freeze) {name}", () => BulkSchema.ExecuteAsync(connections[0], $"vacuum (freeze) {name}", ct));
    }

    /// <summary>Bulk mode truncates the world's tables, so it refuses to start unless they are all empty.</summary>
    private static async Task EnsureEmptyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var table in WorldWriter.Tables)
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"select exists (select 1 from {table})", cancellationToken: ct)))
                throw new InvalidOperationException($"Table {table} is not empty: a bulk load needs a fresh database (use append mode to add to one).");
        }
    }

    /// <summary>Runs the statements on the connections, each taking the next statement when it is free.</summary>
    private static async Task InParallelAsync(NpgsqlConnection[] connections, IReadOnlyList<BulkSchema.Statement> statements, WorldWriter.Run run, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<BulkSchema.Statement>(statements);
        await Task.WhenAll(connections.Select(async connection =>
        {
            while (queue.TryDequeue(out var s)) await StepAsync(run, s.Label, () => BulkSchema.ExecuteAsync(connection, s.Sql, ct), detail: true);
        }));
    }

    internal static async Task StepAsync(WorldWriter.Run run, string label, Func<Task> action, bool detail = false)
    {
        var clock = Stopwatch.StartNew();
        run.Report(label, 0, clock, detail: detail);
        await action();
        run.Report(label, 0, clock, done: true, detail: detail);
    }
}
