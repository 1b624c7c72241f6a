using Dapper;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Features.Shared;

/// <summary>What started a run of a background job (<c>job_runs.started_by</c>).</summary>
public enum JobStart { Schedule, Command, Demo, DemoLoad }

/// <summary>
/// The <c>job_runs</c> table (migration 0013): every run of a background job, with what started it and who asked. A
/// scheduled run claims its Danish day — one <c>'schedule'</c> row per job and day (a unique index) — so that with several
/// app instances exactly one of them runs it: the claim is made in the run's own transaction, so a run that fails claims
/// nothing, and a second instance's claim waits for the first to commit and then finds the day taken.
/// </summary>
public static class JobRuns
{
    /// <summary>Claims the scheduled run of <paramref name="job"/> for <paramref name="day"/> (today); null when another
    /// instance has run (or is running) it.</summary>
    public static Task<long?> ClaimAsync(NpgsqlTransaction tx, string job, DateOnly day, TimeProvider clock, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            insert into job_runs (job, day, started_by, started_at) values (@job, @day, 'schedule', @now)
            on conflict (job, day) where started_by = 'schedule' do nothing
            returning id
            """, new { job, day, now = clock.GetUtcNow() }, tx, cancellationToken: ct));

    /// <summary>A run on demand (a command, the demo loader, a demo button); <paramref name="actor"/> is who asked.</summary>
    public static Task<long> StartAsync(NpgsqlTransaction tx, string job, DateOnly day, JobStart start, Actor? actor, TimeProvider clock,
        CancellationToken ct) =>
        tx.Connection!.QuerySingleAsync<long>(new CommandDefinition(
            """
            insert into job_runs (job, day, started_by, actor_id, actor_name, started_at) values (@job, @day, @by, @actorId, @actorName, @now)
            returning id
            """, new { job, day, by = Name(start), actorId = actor?.Id, actorName = actor?.Name, now = clock.GetUtcNow() },
            tx, cancellationToken: ct));

    public static string Name(JobStart start) => start switch
    {
        JobStart.Schedule => "schedule",
        JobStart.Command => "command",
        JobStart.Demo => "demo",
        JobStart.DemoLoad => "demoLoad",
        _ => throw new ArgumentOutOfRangeException(nameof(start)),
    };
}
