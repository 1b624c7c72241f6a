using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Npgsql;

namespace Joblog.Web.Features.Calendar;

/// <summary>The three kinds of date the calendar shows, each can be toggled.</summary>
public enum CalendarKind { Planned, Deadline, Interview }

/// <summary>
/// One date in the calendar, from a log. <see cref="At"/> is the instant of an interview (the day
/// is its Danish date); planned dates and deadlines are whole days.
/// </summary>
public sealed record CalendarEntry(Guid LogId, CalendarKind Kind, DateOnly Day, DateTimeOffset? At, string? JobTitle, string? Employer,
    ActivityType? Activity, DateTimeOffset UpdatedAt);

/// <summary>
/// The citizen's dates between two days (Danish dates, inclusive), in order. Which logs count:
/// a planned date of a log that is not closed; a deadline of a log not yet applied for
/// (status "Ikke søgt") and not closed; an interview of any log, closed or not (it took place).
/// </summary>
public sealed class CalendarQuery(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<CalendarEntry>> ListAsync(CitizenAccess access, DateOnly from, DateOnly to, IReadOnlySet<CalendarKind> kinds,
        CancellationToken ct)
    {
        if (kinds.Count == 0) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            """
            select id as log_id, 'planned' as kind, planned_on as day, null::timestamptz as at, job_title, employer_name, activity_type, updated_at
            from logs where @planned and citizen_id = @CitizenId and not closed and planned_on between @from and @to
            union all
            select id, 'deadline', deadline, null, job_title, employer_name, activity_type, updated_at
            from logs where @deadline and citizen_id = @CitizenId and not closed and status = 'notApplied' and deadline between @from and @to
            union all
            select id, 'interview', (interview_at at time zone 'Europe/Copenhagen')::date, interview_at, job_title, employer_name, activity_type, updated_at
            from logs where @interview and citizen_id = @CitizenId and interview_at >= @fromInstant and interview_at < @toInstant
            """,
            new
            {
                access.CitizenId, from, to, fromInstant = DanishClock.Instant(from), toInstant = DanishClock.Instant(to.AddDays(1)),
                planned = kinds.Contains(CalendarKind.Planned), deadline = kinds.Contains(CalendarKind.Deadline),
                interview = kinds.Contains(CalendarKind.Interview),
            }, cancellationToken: ct));
        return rows.Select(r => r.ToEntry())
            .OrderBy(e => e.Day).ThenBy(e => e.At ?? DateTimeOffset.MinValue).ThenBy(e => e.Kind).ThenBy(e => e.JobTitle, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Row
    {
        public Guid LogId { get; set; }
        public string Kind { get; set; } = "";
        public DateOnly Day { get; set; }
        public DateTime? At { get; set; }
        public string? JobTitle { get; set; }
        public string? EmployerName { get; set; }
        public string? ActivityType { get; set; }
        public DateTime UpdatedAt { get; set; }

        public CalendarEntry ToEntry() => new(LogId, ApiNames.ParseOrNull<CalendarKind>(Kind) ?? CalendarKind.Planned, Day,
            At is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, JobTitle, EmployerName,
            ApiNames.ParseOrNull<ActivityType>(ActivityType), new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)));
    }
}
