using System.Diagnostics;
using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Shared;
using Npgsql;

namespace Joblog.Web.Features.Statistics;

/// <summary>One recompute: its <c>job_runs</c> row, the months it covered, the rows written and how long it took.</summary>
public sealed record RefreshResult(long RunId, DateOnly From, DateOnly To, bool FullHistory, int Rows, TimeSpan Elapsed);

/// <summary>
/// Recomputes the statistics (<c>joblog_usage</c>, <c>joblog_usage_national</c>) for a range of whole months with a few
/// set-based statements in one transaction (rules: <see cref="UsageRules"/>; the SQL: <see cref="UsageSql"/>). Readers see
/// the old figures until it commits. Recomputes are serialized by a transaction-level advisory lock. Every run is a
/// <c>job_runs</c> row (job <see cref="Job"/>) and a <c>joblog_usage_refreshes</c> row (the months, when it finished).
/// Started by the daily job (<see cref="DailyStatistics"/>), at demo load, and by the command <c>refresh-statistics</c>.
/// </summary>
public sealed class UsageRefresh(NpgsqlDataSource db, TimeProvider clock)
{
    public const string Job = "joblog-usage";

    /// <summary>Serializes recomputes (pg_advisory_xact_lock): "joblogS" in ASCII.</summary>
    public const long LockKey = 0x6A6F626C6F6753;

    /// <summary>How many months the statistics keep: five years.</summary>
    public const int HistoryMonths = 60;

    /// <summary>The daily run recomputes the whole history when the last whole recompute is this many days old, else <see cref="RecentMonths"/>.</summary>
    public const int FullEveryDays = 7;

    /// <summary>The months the daily run recomputes between whole recomputes: late logs, exemptions and periods land here.</summary>
    public const int RecentMonths = 3;

    /// <summary>The last month that has ended (Danish time), as its first day.</summary>
    public static DateOnly LastMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>The whole history: the <see cref="HistoryMonths"/> months up to and including the last that has ended.</summary>
    public static (DateOnly From, DateOnly To) History(DateOnly today) => (LastMonth(today).AddMonths(1 - HistoryMonths), LastMonth(today));

    public static (DateOnly From, DateOnly To) Recent(DateOnly today) => (LastMonth(today).AddMonths(1 - RecentMonths), LastMonth(today));

    /// <summary>
    /// The daily run: claims today's <c>('joblog-usage', day, 'schedule')</c> row and recomputes in the same transaction —
    /// the whole history when the last whole recompute is <see cref="FullEveryDays"/> days old (or there is none), else the
    /// recent months. Null when another instance has already run (or is running) today's. A failed run claims nothing.
    /// </summary>
    public async Task<RefreshResult?> RunScheduledAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(tx, ct);
        var today = clock.Today();
        if (await JobRuns.ClaimAsync(tx, Job, today, clock, ct) is not { } run) return null;
        var lastFull = await conn.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(
            "select max(r.day) from joblog_usage_refreshes f join job_runs r on r.id = f.run_id where f.full_history", transaction: tx, cancellationToken: ct));
        var full = lastFull is not { } last || today.DayNumber - last.DayNumber >= FullEveryDays;
        var (from, to) = full ? History(today) : Recent(today);
        var result = await RecomputeAsync(tx, run, from, to, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>A database with more logs than this is left to the daily job at demo load (it would hold up the start).</summary>
    public const long DemoLoadMaxLogs = 1_000_000;

    /// <summary>
    /// At demo load, so that a fresh demo world shows figures at once: the whole history, unless a recompute has finished
    /// today already, or the database is a big one (the national world, over <see cref="DemoLoadMaxLogs"/> logs by the
    /// planner's estimate) — there the daily job does it in the background when the app starts. Null when it did nothing.
    /// </summary>
    public async Task<RefreshResult?> RunAtDemoLoadAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var (doneToday, logs) = await conn.QuerySingleAsync<(bool, long)>(new CommandDefinition(
            """
            select exists (select 1 from joblog_usage_refreshes f join job_runs r on r.id = f.run_id where r.day = @today),
                   (select greatest(reltuples, 0)::bigint from pg_class where oid = 'logs'::regclass)
            """, new { today = clock.Today() }, cancellationToken: ct));
        return doneToday || logs > DemoLoadMaxLogs ? null : await RunNowAsync(JobStart.DemoLoad, null, null, null, ct);
    }

    /// <summary>A recompute on demand of the months <paramref name="from"/>..<paramref name="to"/> (first days); null: the whole history.</summary>
    public async Task<RefreshResult> RunNowAsync(JobStart start, Actor? actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var result = await RunInAsync(tx, start, actor, from, to, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>A recompute inside the caller's transaction (the command's <c>--dry-run</c> rolls it back).</summary>
    public async Task<RefreshResult> RunInAsync(NpgsqlTransaction tx, JobStart start, Actor? actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await LockAsync(tx, ct);
        var today = clock.Today();
        var history = History(today);
        var run = await JobRuns.StartAsync(tx, Job, today, start, actor, clock, ct);
        return await RecomputeAsync(tx, run, from ?? history.From, to ?? history.To, ct);
    }

    private static Task LockAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition($"select pg_advisory_xact_lock({LockKey})", transaction: tx, cancellationToken: ct));

    private async Task<RefreshResult> RecomputeAsync(NpgsqlTransaction tx, long run, DateOnly from, DateOnly to, CancellationToken ct)
    {
        from = new DateOnly(from.Year, from.Month, 1);
        to = new DateOnly(to.Year, to.Month, 1);
        if (to < from) throw new ArgumentException($"The months run from {from:yyyy-MM} to {to:yyyy-MM}", nameof(to));
        var started = Stopwatch.GetTimestamp();
        var history = History(clock.Today());
        var full = from <= history.From && to >= history.To;
        var conn = tx.Connection!;
        var args = new
        {
            from, to, next = to.AddMonths(1), fromInstant = DanishClock.Instant(from), minDays = UsageRules.MinDutyDays, run, full,
        };
        Task<int> Execute(string sql) => conn.ExecuteAsync(new CommandDefinition(sql, args, tx, commandTimeout: 0, cancellationToken: ct));

        // A few statements over many rows: compiling (JIT) costs more than it saves; the per-citizen hash tables of a whole
        // history need more than the default 4 MB of work_mem not to spill to disk.
        await Execute("set local jit = off; set local work_mem = '128MB'");
        await Execute(UsageSql.Obligated);
        await Execute(UsageSql.Activity);
        await Execute("analyze usage_obligated; analyze usage_activity");
        await Execute(UsageSql.Cells);
        await Execute("delete from joblog_usage where month between @from and @to; delete from joblog_usage_national where month between @from and @to");
        var rows = await Execute(UsageSql.WriteMunicipalities);
        rows += await Execute(UsageSql.WriteNational);
        await Execute("drop table usage_obligated, usage_activity, usage_cells");
        await Execute(
            """
            update job_runs set finished_at = clock_timestamp() where id = @run;
            insert into joblog_usage_refreshes (run_id, from_month, to_month, full_history, finished_at) values (@run, @from, @to, @full, clock_timestamp())
            """);
        return new RefreshResult(run, from, to, full, rows, Stopwatch.GetElapsedTime(started));
    }
}
