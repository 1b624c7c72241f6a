using System.Text.Json;
using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Npgsql;

namespace Joblog.Web.Features.JobGoals;

public enum GoalWriteOutcome { Done, Stale, ReadOnly }

public sealed record GoalWriteResult(GoalWriteOutcome Outcome, JobGoalSet Set);

/// <summary>
/// Reads and replaces a citizen's job goals and employment conditions as one resource. Takes a
/// <see cref="CitizenAccess"/> from the gate; every write stores a version with who wrote it and
/// through which channel, in the same transaction.
/// </summary>
public sealed class JobGoalStore(NpgsqlDataSource db, TimeProvider clock)
{
    private const string SelectGoals = """
        select g.occupation_code, o.title as occupation_title, g.trained, g.experience_years, g.experience_months, g.last_worked_year
        from job_goals g join occupations o on o.code = g.occupation_code
        where g.citizen_id = @CitizenId order by g.position
        """;

    private const string SelectSet = "select version, weekly_hours, earliest_start, updated_at from job_goal_sets where citizen_id = @CitizenId";

    public async Task<JobGoalSet> GetAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn, null, access.CitizenId);
    }

    /// <summary>Replaces the goals (in the given order) and the conditions, if <paramref name="expectedVersion"/> is current.</summary>
    public async Task<GoalWriteResult> ReplaceAsync(CitizenAccess access, int expectedVersion, IReadOnlyList<JobGoal> goals,
        EmploymentConditions conditions, CancellationToken ct)
    {
        if (!access.CanWrite) return new(GoalWriteOutcome.ReadOnly, await GetAsync(access, ct));
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds
        var citizenId = access.CitizenId;
        // The set's row is the lock for the whole set (and version 0 until the first write).
        await conn.ExecuteAsync(
            "insert into job_goal_sets (citizen_id, version, updated_at) values (@citizenId, 0, @now) on conflict (citizen_id) do nothing",
            new { citizenId, now }, tx);
        await conn.ExecuteAsync("select 1 from job_goal_sets where citizen_id = @citizenId for update", new { citizenId }, tx);
        var current = await ReadAsync(conn, tx, citizenId);
        if (current.Version != expectedVersion) return new(GoalWriteOutcome.Stale, current);
        if (current.SameContentAs(goals, conditions))
        {
            await tx.CommitAsync(ct);
            return new(GoalWriteOutcome.Done, current);
        }

        var version = current.Version + 1;
        await conn.ExecuteAsync("delete from job_goals where citizen_id = @citizenId", new { citizenId }, tx);
        await conn.ExecuteAsync(
            """
            insert into job_goals (id, citizen_id, position, occupation_code, trained, experience_years, experience_months, last_worked_year, created_at)
            values (@id, @citizenId, @position, @OccupationCode, @Trained, @ExperienceYears, @ExperienceMonths, @LastWorkedYear, @now)
            """,
            goals.Select((g, i) => new
            {
                id = Guid.CreateVersion7(), citizenId, position = i + 1, g.OccupationCode, g.Trained, g.ExperienceYears,
                g.ExperienceMonths, g.LastWorkedYear, now,
            }), tx);
        await conn.ExecuteAsync(
            "update job_goal_sets set version = @version, weekly_hours = @hours, earliest_start = @start, updated_at = @now where citizen_id = @citizenId",
            new { citizenId, version, hours = conditions.WeeklyHours, start = conditions.EarliestStart, now }, tx);
        var written = await ReadAsync(conn, tx, citizenId);
        await conn.ExecuteAsync(
            """
            insert into job_goal_versions (citizen_id, version, at, channel, actor_kind, actor_id, actor_name, snapshot)
            values (@citizenId, @version, @now, @channel, @actorKind, @actorId, @actorName, @snapshot::jsonb)
            """,
            new
            {
                citizenId, version, now, channel = ApiNames.Of(access.Channel), actorKind = access.Actor.KindText,
                actorId = access.Actor.Id, actorName = access.Actor.Name,
                snapshot = JsonSerializer.Serialize(JobGoalsDto.From(written), ApiJson.Options),
            }, tx);
        await tx.CommitAsync(ct);
        return new(GoalWriteOutcome.Done, written);
    }

    private static async Task<JobGoalSet> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid citizenId)
    {
        await using var reader = await conn.QueryMultipleAsync($"{SelectGoals}; {SelectSet}", new { CitizenId = citizenId }, tx);
        var goals = (await reader.ReadAsync<GoalRow>()).Select(r => r.ToGoal()).ToList();
        var set = await reader.ReadSingleOrDefaultAsync<SetRow>();
        return set is null
            ? new JobGoalSet(goals, EmploymentConditions.None, 0, null)
            : new JobGoalSet(goals, new EmploymentConditions(set.WeeklyHours, set.EarliestStart), set.Version,
                set.Version == 0 ? null : new DateTimeOffset(DateTime.SpecifyKind(set.UpdatedAt, DateTimeKind.Utc)));
    }

    private sealed class GoalRow
    {
        public string OccupationCode { get; set; } = "";
        public string OccupationTitle { get; set; } = "";
        public bool Trained { get; set; }
        public int ExperienceYears { get; set; }
        public int ExperienceMonths { get; set; }
        public int? LastWorkedYear { get; set; }

        public JobGoal ToGoal() => new(OccupationCode, Trained, ExperienceYears, ExperienceMonths, LastWorkedYear, OccupationTitle);
    }

    private sealed class SetRow
    {
        public int Version { get; set; }
        public int? WeeklyHours { get; set; }
        public DateOnly? EarliestStart { get; set; }
        public DateTime UpdatedAt { get; set; }
    }
}
