using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Notices;
using Joblog.Web.Features.Search;
using Joblog.Web.Features.Statistics;
using Npgsql;

namespace Joblog.Web.Features.Demo;

/// <summary>
/// Loads the demo world idempotently: organisations, staff, keys and citizens are upserted and
/// their periods re-anchored to today; logs are inserted once (users may have changed them since).
/// </summary>
public sealed class DemoLoader(NpgsqlDataSource db, TimeProvider clock, CitizenGate gate, ILogger<DemoLoader> log)
{
    public async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("select pg_advisory_xact_lock(7021001)", transaction: tx);

        foreach (var o in Personas.Organisations)
            await conn.ExecuteAsync(
                """
                insert into organisations (id, kind, name, municipality_code) values (@Id, @Kind, @Name, @Municipality)
                on conflict (id) do update set kind = excluded.kind, name = excluded.name, municipality_code = excluded.municipality_code
                """, o, tx);
        foreach (var s in Personas.Staff)
            await conn.ExecuteAsync(
                "insert into staff (id, name, organisation_id) values (@Key, @Name, @Organisation) on conflict (id) do update set name = excluded.name, organisation_id = excluded.organisation_id",
                s, tx);
        foreach (var (key, org) in Personas.ApiKeys)
            await conn.ExecuteAsync(
                "insert into api_keys (key_hash, organisation_id, name) values (@hash, @org, @name) on conflict do nothing",
                new { hash = ApiKeyHandler.Hash(key), org, name = $"Demo key for {org}" }, tx);
        foreach (var c in Personas.Citizens)
            await conn.ExecuteAsync(
                """
                insert into citizens (id, cpr, name, municipality_code, postal_code, akasse_id) values (@id, @Cpr, @Name, @Municipality, @PostalCode, @Akasse)
                on conflict (id) do update set name = excluded.name, municipality_code = excluded.municipality_code,
                    postal_code = excluded.postal_code, akasse_id = excluded.akasse_id
                """, new { id = Personas.CitizenId(c.Key), c.Cpr, c.Name, c.Municipality, c.PostalCode, c.Akasse }, tx);

        foreach (var p in Personas.Periods)
            await conn.ExecuteAsync(
                """
                insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (@id, @citizenId, @group, @from, @to)
                on conflict (id) do update set target_group = excluded.target_group, starts_on = excluded.starts_on, ends_on = excluded.ends_on
                """, new
                {
                    id = Personas.IdFor($"period:{p.Citizen}:{p.TargetGroup}"), citizenId = Personas.CitizenId(p.Citizen), group = p.TargetGroup,
                    from = today.AddDays(-p.FromDaysAgo), to = p.ToDaysAgo is int to ? today.AddDays(-to) : (DateOnly?)null,
                }, tx);
        await conn.ExecuteAsync(
            """
            insert into exemptions (id, citizen_id, starts_on, ends_on, reason, granted_by, organisation_id, actor_kind, actor_id, actor_name, channel)
            values (@id, @citizen, @from, null, @reason, 'karl', 'jc-0101', 'staff', 'karl', 'Karl Demo', 'jobcenter')
            on conflict (id) do update set starts_on = excluded.starts_on, ends_on = null, ended_at = null, ended_actor_kind = null,
                ended_actor_id = null, ended_actor_name = null, ended_channel = null
            """, new { id = Personas.IdFor("exemption:jens"), citizen = Personas.CitizenId("jens"), from = today.AddDays(-Personas.JensExemptFromDaysAgo),
                reason = "Nedsat fysisk funktionsevne (LAS § 75, stk. 5)" }, tx);
        await DemoRequirements.LoadAsync(conn, tx, today);
        foreach (var g in Personas.JobGoals)
            await conn.ExecuteAsync(
                """
                insert into job_goals (id, citizen_id, position, occupation_code, trained, experience_years, experience_months, last_worked_year)
                values (@id, @citizen, @Position, @OccupationCode, @Trained, @Years, @Months, @lastWorked) on conflict (id) do nothing
                """, new
                {
                    id = Personas.IdFor($"job-goal:{g.Citizen}:{g.Position}"), citizen = Personas.CitizenId(g.Citizen),
                    g.Position, g.OccupationCode, g.Trained, g.Years, g.Months, lastWorked = today.Year - g.YearsSinceWorked,
                }, tx);

        await DemoJobAds.LoadAsync(conn, tx, today);

        var inserted = 0;
        inserted += await LogsAsync(conn, tx, "mette", DemoLogs.ForMette(), today);
        inserted += await LogsAsync(conn, tx, "ali", DemoLogs.For("ali", 4, 35, 120), today);
        inserted += await LogsAsync(conn, tx, "sofie", DemoLogs.For("sofie", 8, 35, 250), today);
        inserted += await LogsAsync(conn, tx, "lars", DemoLogs.For("lars", 6, 3, 50), today);
        inserted += await LogsAsync(conn, tx, "emma", DemoLogs.For("emma", 5, 4, 40), today);
        if (inserted > 0) // written straight to the table: the search's aggregates are built from them here
            await LogAggregates.RebuildAsync(conn, tx, Personas.Citizens.Select(c => Personas.CitizenId(c.Key)).ToArray(), ct);
        var background = await DemoBackground.LoadAsync(conn, tx, today, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Demo world loaded ({Inserted} new persona logs, {Background} new background citizens)", inserted, background);
        // DEMO.md: a fresh demo world shows Ali's inactivity notice (and never one for Jens).
        var sweep = await new InactivitySweep(db, clock).RunNowAsync(SweepStart.DemoLoad, null, ct);
        log.LogInformation("Inactivity sweep at demo load: {Created} new notices, {Open} open", sweep.Created, sweep.Open);
        if (await new UsageRefresh(db, clock).RunAtDemoLoadAsync(ct) is { } statistics)
            log.LogInformation("Statistics at demo load: {Rows} rows in {Milliseconds} ms", statistics.Rows, (int)statistics.Elapsed.TotalMilliseconds);
    }

    private async Task<int> LogsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string citizen, IReadOnlyList<DemoLog> logs, DateOnly today)
    {
        var citizenId = Personas.CitizenId(citizen);
        var name = Personas.Citizens.Single(c => c.Key == citizen).Name;
        var inserted = 0;
        foreach (var demo in logs)
        {
            var id = Personas.IdFor("log:" + demo.Key);
            var content = WithDates(demo, today);
            var created = At(today.AddDays(-demo.CreatedDaysAgo));
            var changed = At(today.AddDays(-demo.ChangedDaysAgo));
            var version = created == changed ? 1 : 2;
            var n = await conn.ExecuteAsync(
                $"""
                insert into logs (id, citizen_id, {LogRow.Columns}, created_at, updated_at, channel, version)
                values (@id, @citizenId, {LogRow.Values}, @created, @now, @channel, @version) on conflict (id) do nothing
                """,
                new DynamicParameters(LogRow.Parameters(id, citizenId, content, changed, Channel.Jobnet)).Merge(new { created, version }), tx);
            if (n == 0) continue;
            inserted++;
            var owner = await gate.OpenAsync(new Actor(ActorKind.Citizen, citizenId.ToString(), name, citizenId, null), citizenId, "demo.load", CancellationToken.None)
                ?? throw new InvalidOperationException("The gate refused a citizen their own data");
            var log = new Log(id, citizenId, content, created, changed, Channel.Jobnet, version);
            var firstFields = LogChange.ChangedFields(new LogContent { Kind = content.Kind }, content);
            await conn.ExecuteAsync(LogStore.InsertVersion,
                LogStore.VersionParameters(owner, log with { Version = 1, UpdatedAt = created }, ChangeKind.Created, firstFields), tx);
            if (version == 2)
                await conn.ExecuteAsync(LogStore.InsertVersion, LogStore.VersionParameters(owner, log,
                    content.Closed ? ChangeKind.Closed : ChangeKind.Updated, [content.Closed ? "closed" : "status"]), tx);
        }
        return inserted;
    }

    private static LogContent WithDates(DemoLog demo, DateOnly today)
    {
        var c = demo.Content;
        if (c.Kind == LogKind.OtherActivity) return c with { ActivityDate = today.AddDays(-demo.ChangedDaysAgo) };
        var applied = c.Status is LogStatus.NotApplied ? (DateOnly?)null : today.AddDays(-demo.CreatedDaysAgo);
        return c with
        {
            AppliedOn = applied,
            Deadline = today.AddDays(-demo.CreatedDaysAgo + 14),
            PlannedOn = c.Status is LogStatus.NotApplied ? today.AddDays(3) : null,
        };
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
}

internal static class DynamicParametersExtensions
{
    public static DynamicParameters Merge(this DynamicParameters p, object more)
    {
        p.AddDynamicParams(more);
        return p;
    }
}
