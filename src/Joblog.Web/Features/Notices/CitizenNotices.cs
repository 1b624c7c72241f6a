using Dapper;
using Joblog.Web.Access;
using Npgsql;

namespace Joblog.Web.Features.Notices;

/// <summary>The citizen's open notice as the front page shows it; who else was told.</summary>
public sealed record CitizenNotice(DateOnly InactiveSince, int Days, bool JobcenterTold, bool AkasseTold);

/// <summary>
/// A citizen's own inactivity notice (through <see cref="CitizenAccess"/>, like every store), and the one piece of SQL the
/// log store runs when a log is created or changed: it ends the open notice in the same statement as the write.
/// </summary>
public sealed class CitizenNotices(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>
    /// A common table expression for the log store's create and update statements (parameters <c>@citizenId</c>,
    /// <c>@id</c> the log, <c>@now</c>): a new or changed log ends the period of inactivity, in the write's own transaction.
    /// </summary>
    public const string EndedByLog = """
        ended_notice as (
            update inactivity_notices set ended_at = @now, ended_reason = 'log', ended_by_log = @id
            where citizen_id = @citizenId and ended_at is null)
        """;

    /// <summary>
    /// The open notice <c>n</c> is still true today: no exemption today (<c>@today</c>) and no log created or changed in the
    /// last 30 days (since <c>@windowStart</c>, <see cref="InactivityRule.WindowStart"/>). Between sweeps an exemption or a log
    /// (also one written around the log store) hides it at once; the next sweep ends the row. The duty is checked by the
    /// readers' join on today's duty period. (<c>closed in (false, true)</c>: two short ranges of the citizen's list index
    /// instead of all the citizen's logs.)
    /// </summary>
    public const string StillTrue = """
        n.ended_at is null
        and not exists (select 1 from exemptions e where e.citizen_id = n.citizen_id
                        and e.starts_on <= @today and (e.ends_on is null or e.ends_on >= @today))
        and not exists (select 1 from logs l where l.citizen_id = n.citizen_id and l.closed in (false, true)
                        and l.updated_at >= @windowStart)
        """;

    /// <summary>Today's duty period of the notice's citizen (<c>d.target_group</c>): a lateral join for the readers.</summary>
    public const string DutyToday = """
        join lateral (
            select p.target_group from target_group_periods p join target_groups g on g.code = p.target_group
            where p.citizen_id = n.citizen_id and g.duty_to_log and p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today)
            order by p.starts_on desc limit 1) d on true
        """;

    public async Task<CitizenNotice?> CurrentAsync(CitizenAccess access, CancellationToken ct)
    {
        var today = clock.Today();
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(DateOnly Since, bool Jobcenter, bool Akasse)?>(new CommandDefinition(
            $"""
            select n.inactive_since, n.jobcenter_id is not null, n.akasse_id is not null
            from inactivity_notices n
            {DutyToday}
            where n.citizen_id = @citizenId and {StillTrue}
            """, new { citizenId = access.CitizenId, today, windowStart = InactivityRule.WindowStart(today) }, cancellationToken: ct));
        return row is { } r ? new CitizenNotice(r.Since, InactivityRule.DaysInactive(today, r.Since), r.Jobcenter, r.Akasse) : null;
    }
}
