using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Shared;
using Npgsql;

namespace Joblog.Web.Features.Notices;

/// <summary>What started a sweep (<c>job_runs.started_by</c>).</summary>
public enum SweepStart { Schedule, Command, Demo, DemoLoad }

/// <summary>One sweep: the <c>job_runs</c> row, notices made and ended, notices open afterwards.</summary>
public sealed record SweepResult(long RunId, DateOnly Day, int Created, int Ended, int Open);

/// <summary>
/// The inactivity sweep (rules: <see cref="InactivityRule"/>): a few set-based statements in one transaction. It works out
/// each citizen's status today once (a temporary table), ends the open notices whose period is over, brings the addressees
/// of the open ones up to date, and makes a notice for every inactive citizen without an open one. Idempotent: a second
/// sweep the same day makes nothing. Sweeps are serialized by a transaction-level advisory lock, and the unique index on
/// open notices guarantees one open notice per citizen even so. Every run is a <c>job_runs</c> row (what started it and
/// who asked), and every notice names the run that made or ended it.
/// </summary>
public sealed class InactivitySweep(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>Serializes sweeps (pg_advisory_xact_lock): "joblogN" in ASCII.</summary>
    public const long LockKey = 0x6A6F626C6F674E;

    /// <summary>
    /// The scheduled run for today: claims today's <c>('inactivity-sweep', day, 'schedule')</c> row and sweeps in the same
    /// transaction. Null when another instance has already run (or is running) today's. A failed run claims nothing.
    /// </summary>
    public async Task<SweepResult?> RunScheduledAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(tx, ct);
        var day = clock.Today();
        if (await JobRuns.ClaimAsync(tx, InactivityRule.Job, day, clock, ct) is not { } id) return null;
        var result = await SweepAsync(tx, id, day, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>A sweep on demand (the command, the demo loader, the demo button); <paramref name="actor"/> is who asked.</summary>
    public async Task<SweepResult> RunNowAsync(SweepStart start, Actor? actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var result = await RunInAsync(tx, start, actor, ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>A sweep inside the caller's transaction (the command's <c>--dry-run</c> rolls it back).</summary>
    public async Task<SweepResult> RunInAsync(NpgsqlTransaction tx, SweepStart start, Actor? actor, CancellationToken ct)
    {
        await LockAsync(tx, ct);
        var day = clock.Today();
        var run = await JobRuns.StartAsync(tx, InactivityRule.Job, day, Start(start), actor, clock, ct);
        return await SweepAsync(tx, run, day, ct);
    }

    private static Task LockAsync(NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition($"select pg_advisory_xact_lock({LockKey})", transaction: tx, cancellationToken: ct));

    private async Task<SweepResult> SweepAsync(NpgsqlTransaction tx, long run, DateOnly today, CancellationToken ct)
    {
        var conn = tx.Connection!;
        var args = new
        {
            today, lastSince = InactivityRule.LatestInactiveSince(today), windowStart = InactivityRule.WindowStart(today),
            now = clock.GetUtcNow(), run,
        };
        Task<int> Execute(string sql) => conn.ExecuteAsync(new CommandDefinition(sql, args, tx, commandTimeout: 0, cancellationToken: ct));

        // Short statements over many rows: compiling (JIT) costs more than it saves; the hash tables of 300,000 citizens
        // need more than the default 4 MB of work_mem not to spill to disk.
        await Execute("set local jit = off; set local work_mem = '64MB'");
        await Execute(StatusSql);
        await Execute("analyze sweep_status");
        var ended = await Execute(EndSql);
        await Execute(AddresseesSql);
        var created = await Execute(CreateSql);
        await Execute("drop table sweep_status");
        var open = await conn.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            update job_runs set finished_at = clock_timestamp(), created = @created, ended = @ended where id = @run;
            select count(*)::int from inactivity_notices where ended_at is null
            """, new { run, created, ended }, tx, cancellationToken: ct));
        return new SweepResult(run, today, created, ended, open);
    }

    /// <summary>
    /// Each citizen with a duty to log today, or with an open notice: duty, exempt today, in an a-kasse course today, the
    /// last log change in the last 30 days (one range of the <c>logs_changed</c> index for everyone: who is active is a set,
    /// not a question per citizen), the open notice, and the day the 30 days count from without the last log (the duty
    /// period's start, the day after an ended exemption, the day the previous notice ended).
    /// </summary>
    private const string StatusSql = """
        create temp table sweep_status on commit drop as
        with today_periods as (
            select p.citizen_id, max(p.starts_on) filter (where g.duty_to_log) as duty_from, bool_or(g.akasse_may_see) as akasse_course
            from target_group_periods p join target_groups g on g.code = p.target_group
            where p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today)
            group by p.citizen_id
        ),
        open_notices as (
            select citizen_id, inactive_since from inactivity_notices where ended_at is null
        ),
        subjects as (
            select citizen_id, duty_from, akasse_course from today_periods where duty_from is not null
            union all
            select o.citizen_id, null, false from open_notices o
            where not exists (select 1 from today_periods t where t.citizen_id = o.citizen_id and t.duty_from is not null)
        ),
        recent as materialized (
            select citizen_id, max(updated_at) as at from logs where updated_at >= @windowStart group by citizen_id
        ),
        exempt_today as (
            select distinct citizen_id from exemptions where starts_on <= @today and (ends_on is null or ends_on >= @today)
        ),
        exemption_ended as (
            select citizen_id, max(ends_on) as ends_on from exemptions where ends_on < @today group by citizen_id
        ),
        notice_ended as (
            select citizen_id, max(ended_at) as ended_at from inactivity_notices where ended_at is not null group by citizen_id
        )
        select s.citizen_id, s.duty_from is not null as duty, s.akasse_course, e.citizen_id is not null as exempt,
               r.at as recent_log_at, o.inactive_since as open_since,
               greatest(s.duty_from, x.ends_on + 1, (ne.ended_at at time zone 'Europe/Copenhagen')::date) as counts_from
        from subjects s
        left join recent r on r.citizen_id = s.citizen_id
        left join open_notices o on o.citizen_id = s.citizen_id
        left join exempt_today e on e.citizen_id = s.citizen_id
        left join exemption_ended x on x.citizen_id = s.citizen_id
        left join notice_ended ne on ne.citizen_id = s.citizen_id
        """;

    /// <summary>
    /// Ends the open notices whose period is over: a log in the last 30 days (also one written around the log store, e.g. by
    /// a bulk load) ends it at the log's time; otherwise an exemption, no duty, or a duty period that started since.
    /// </summary>
    private const string EndSql = """
        update inactivity_notices n
        set ended_at = case when s.recent_log_at is not null then greatest(s.recent_log_at, n.created_at) else @now end,
            ended_reason = case when s.recent_log_at is not null then 'log'
                                when s.exempt then 'exempt'
                                when not s.duty then 'noDuty'
                                else 'newPeriod' end,
            ended_by_run = @run
        from sweep_status s
        where s.citizen_id = n.citizen_id and n.ended_at is null
          and (s.recent_log_at is not null or s.exempt or not s.duty or s.counts_from > @lastSince)
        """;

    /// <summary>The jobcenter of each municipality (the first by id, should there be two).</summary>
    private const string Jobcenters = """
        jobcenters as (
            select distinct on (municipality_code) municipality_code, id from organisations
            where kind = 'jobcenter' and municipality_code is not null order by municipality_code, id)
        """;

    /// <summary>Open notices follow the citizen: a move to another municipality, an a-kasse course that ends or starts.</summary>
    private const string AddresseesSql = $"""
        with {Jobcenters}
        update inactivity_notices n
        set jobcenter_id = j.id, akasse_id = case when s.akasse_course then c.akasse_id end
        from sweep_status s
        join citizens c on c.id = s.citizen_id
        left join jobcenters j on j.municipality_code = c.municipality_code
        where n.citizen_id = s.citizen_id and n.ended_at is null and s.open_since is not null
          and (n.jobcenter_id is distinct from j.id or n.akasse_id is distinct from (case when s.akasse_course then c.akasse_id end))
        """;

    /// <summary>
    /// A notice for every inactive citizen without an open one (the unique index makes a race harmless). Only for these the
    /// day of the last log is looked up: two probes of the citizen's list index (open and closed logs), in citizen order.
    /// </summary>
    private const string CreateSql = $"""
        with {Jobcenters},
        inactive as materialized (
            select citizen_id, counts_from, akasse_course from sweep_status
            where duty and not exempt and recent_log_at is null and counts_from <= @lastSince and open_since is null
            order by citizen_id
        ),
        since as (
            select i.citizen_id, i.akasse_course, greatest(i.counts_from, (greatest(
                (select o.updated_at from logs o where o.citizen_id = i.citizen_id and o.closed = false order by o.updated_at desc limit 1),
                (select d.updated_at from logs d where d.citizen_id = i.citizen_id and d.closed = true order by d.updated_at desc limit 1))
                at time zone 'Europe/Copenhagen')::date) as since
            from inactive i
        )
        insert into inactivity_notices (citizen_id, inactive_since, created_at, created_by_run, jobcenter_id, akasse_id)
        select s.citizen_id, s.since, @now, @run, j.id, case when s.akasse_course then c.akasse_id end
        from since s
        join citizens c on c.id = s.citizen_id
        left join jobcenters j on j.municipality_code = c.municipality_code
        on conflict (citizen_id) where ended_at is null do nothing
        """;

    private static JobStart Start(SweepStart start) => start switch
    {
        SweepStart.Schedule => JobStart.Schedule,
        SweepStart.Command => JobStart.Command,
        SweepStart.Demo => JobStart.Demo,
        SweepStart.DemoLoad => JobStart.DemoLoad,
        _ => throw new ArgumentOutOfRangeException(nameof(start)),
    };
}
