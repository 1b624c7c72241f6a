using System.Data;
using System.Diagnostics;
using Dapper;
using Joblog.Web.Access;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>Insert latency and index depth of access_log at a given size.</summary>
internal sealed record InsertAtSize(long Rows, string TableSize, string IndexSize, int? IndexLevels, Percentiles Insert);

/// <summary>
/// Does the gate's one write get slower as access_log grows? In a scratch database on the same server (the world is
/// not touched), two copies of access_log's columns and indexes (without the foreign keys: their checks are lookups in
/// citizens and organisations, whatever access_log's size): schema <c>small</c> starts empty, schema <c>big</c> is
/// filled with <c>rows</c> plausible looks (300,000 citizens, two years). Then the gate's own insert statement runs as
/// the gate runs it (a pooled connection with the app's settings, autocommit: one commit each) into both, alternating
/// in random order, so a change in the machine's load hits both alike. The scratch database is dropped afterwards.
/// </summary>
internal static class AccessLogScale
{
    private const string Table = """
        create table access_log (
            id              bigint generated always as identity primary key,
            citizen_id      uuid not null,
            at              timestamptz not null,
            actor_kind      text not null check (actor_kind in ('staff', 'system')),
            actor_id        text not null,
            actor_name      text not null,
            organisation_id text not null,
            what            text not null
        );
        """;

    public static async Task<(InsertAtSize Small, InsertAtSize Big, TimeSpan FillTime)> RunAsync(
        BenchServer server, long rows, int samples, Action<string> progress, CancellationToken ct)
    {
        var name = $"gatebench_scratch_{Environment.ProcessId}";
        await using var admin = new NpgsqlConnection(server.AdminConnectionString + ";Pooling=false");
        await admin.OpenAsync(ct);
        await admin.ExecuteAsync($"create database {name}");
        try
        {
            var fill = Stopwatch.StartNew();
            await using (var conn = new NpgsqlConnection(server.With(name) + ";Pooling=false"))
            {
                await conn.OpenAsync(ct);
                try { await conn.ExecuteAsync("create extension if not exists pageinspect"); }
                catch (PostgresException) { /* index depth is then not reported */ }
                await conn.ExecuteAsync(
                    $"""
                    create table pool (n int primary key, id uuid not null);
                    insert into pool select n, gen_random_uuid() from generate_series(1, 300000) n;
                    create schema small; set search_path = small; {Table}
                    create index access_log_citizen on access_log (citizen_id, at desc);
                    create schema big; set search_path = big; {Table}
                    """);
                progress($"filling the scratch access_log with {rows:N0} rows (index built after the load)");
                await conn.ExecuteAsync(new CommandDefinition(
                    """
                    insert into big.access_log (citizen_id, at, actor_kind, actor_id, actor_name, organisation_id, what)
                    select p.id, now() - random() * interval '730 days',
                           case when g % 3 = 0 then 'system' else 'staff' end,
                           'staff-' || (g % 5000), 'Sagsbehandler ' || (g % 5000), 'jc-0' || (101 + g % 800),
                           (array['joblog.list', 'log.read', 'log.history', 'jobgoals.read'])[1 + g % 4]
                    from generate_series(1, @rows) g join public.pool p on p.n = 1 + (hashint8(g) & 2147483647) % 300000
                    """, new { rows }, commandTimeout: 0, cancellationToken: ct));
                foreach (var sql in new[] {
                    "create index access_log_citizen on big.access_log (citizen_id, at desc)",
                    "vacuum analyze big.access_log", "checkpoint" })
                    await conn.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, commandType: CommandType.Text, cancellationToken: ct));
            }
            fill.Stop();

            await using var small = await AppServices.BuildAsync(server.With(name) + ";Search Path=small,public");
            await using var big = await AppServices.BuildAsync(server.With(name) + ";Search Path=big,public");
            var (smallMs, bigMs) = await MeasureAsync(
                small.Services.GetRequiredService<NpgsqlDataSource>(), big.Services.GetRequiredService<NpgsqlDataSource>(), samples, ct);
            return (await DescribeAsync(small.Services.GetRequiredService<NpgsqlDataSource>(), smallMs, ct),
                    await DescribeAsync(big.Services.GetRequiredService<NpgsqlDataSource>(), bigMs, ct), fill.Elapsed);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await admin.ExecuteAsync($"drop database if exists {name} with (force)");
        }
    }

    private static async Task<(double[] Small, double[] Big)> MeasureAsync(NpgsqlDataSource small, NpgsqlDataSource big, int samples, CancellationToken ct)
    {
        List<Guid> citizens;
        await using (var conn = await small.OpenConnectionAsync(ct))
            citizens = (await conn.QueryAsync<Guid>("select id from public.pool order by n limit 20000")).ToList();
        var rng = new Random(7);
        var (smallMs, bigMs) = (new double[samples], new double[samples]);
        for (var i = -samples / 10; i < samples; i++)
        {
            var look = new AccessRecord(citizens[rng.Next(citizens.Count)], DateTimeOffset.UtcNow, "staff", "gatebench-jc-0751-1",
                "Sagsbehandler 1", "jc-0751", GateMeasurement.What);
            var smallFirst = rng.Next(2) == 0;
            var a = await InsertAsync(smallFirst ? small : big, look, ct);
            var b = await InsertAsync(smallFirst ? big : small, look, ct);
            if (i < 0) continue;
            (smallMs[i], bigMs[i]) = smallFirst ? (a, b) : (b, a);
        }
        return (smallMs, bigMs);
    }

    private static async Task<double> InsertAsync(NpgsqlDataSource db, AccessRecord look, CancellationToken ct)
    {
        var t0 = Stopwatch.GetTimestamp();
        await using (var conn = await db.OpenConnectionAsync(ct))
            await conn.ExecuteAsync(new CommandDefinition(AccessRecord.InsertSql, look.Parameters, cancellationToken: ct));
        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }

    private static async Task<InsertAtSize> DescribeAsync(NpgsqlDataSource db, double[] ms, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var rows = await c.ExecuteScalarAsync<long>("select count(*) from access_log");
        var table = await c.ExecuteScalarAsync<string>("select pg_size_pretty(pg_table_size('access_log'))");
        var index = await c.ExecuteScalarAsync<string>("select pg_size_pretty(pg_relation_size('access_log_citizen'))");
        int? levels = null;
        try { levels = await c.ExecuteScalarAsync<int>("select level + 1 from bt_metap('access_log_citizen')"); }
        catch (PostgresException) { /* no pageinspect */ }
        return new InsertAtSize(rows, table!, index!, levels, new Percentiles(ms));
    }
}
