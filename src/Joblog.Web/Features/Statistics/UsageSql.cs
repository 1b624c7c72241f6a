namespace Joblog.Web.Features.Statistics;

/// <summary>
/// The statements of a recompute (<see cref="UsageRefresh"/>) for the months @from..@to (first days; @next is the month
/// after @to). Each builds a temporary table of the transaction; the last two write the figures.
/// </summary>
internal static class UsageSql
{
    /// <summary>
    /// Who had a duty to log in each month, and in which group (<see cref="UsageRules"/>): each duty period cut to each month
    /// it touches, less the days an exemption applies, summed per group; the citizen counts when the days of all duty groups
    /// reach @minDays, in the group of most days (a tie: the group whose days end later, then the first code). Exemptions of
    /// one citizen never overlap (ExemptionStore refuses it), and a citizen is in one target group at a time, so days are
    /// counted by arithmetic on the cut ranges.
    /// </summary>
    public const string Obligated = """
        create temp table usage_obligated on commit drop as
        with cut as (
            select p.id, p.citizen_id, p.target_group, m::date as month,
                   daterange(greatest(p.starts_on, m::date), least(p.ends_on + 1, (m + interval '1 month')::date)) as days
            from target_group_periods p
            join target_groups g on g.code = p.target_group and g.duty_to_log
            cross join lateral generate_series(date_trunc('month', greatest(p.starts_on, @from)), least(coalesce(p.ends_on, @to), @to), interval '1 month') m
            where p.starts_on < @next and (p.ends_on is null or p.ends_on >= @from)
        ),
        per_period as (
            select c.citizen_id, c.month, c.target_group, upper(c.days) as until,
                   upper(c.days) - lower(c.days) - coalesce(sum(upper(c.days * x.days) - lower(c.days * x.days)) filter (where x.id is not null), 0) as days
            from cut c
            left join lateral (select e.id, daterange(e.starts_on, e.ends_on + 1) as days from exemptions e where e.citizen_id = c.citizen_id) x
                on x.days && c.days
            group by c.id, c.citizen_id, c.month, c.target_group, c.days
        ),
        per_group as (
            select citizen_id, month, target_group, sum(days) as days, max(until) as until
            from per_period where days > 0
            group by citizen_id, month, target_group
        )
        select citizen_id, month, (array_agg(target_group order by days desc, until desc, target_group))[1] as target_group
        from per_group
        group by citizen_id, month
        having sum(days) >= @minDays
        """;

    /// <summary>
    /// Per citizen and month: whether they created a log (any kind, any channel) and how many applications are dated in it —
    /// a job-search log with status applied, interview, rejected or hired, on the day applied for, else the Danish day it
    /// was created. Only logs written since @from are read (one range of the logs_changed index for a few months): a log
    /// created in the months was written since; so was one applied for in them, since a log cannot be saved with a day
    /// applied for that is after the day it is written (Log.Error.AppliedOnInFuture).
    /// </summary>
    public const string Activity = """
        create temp table usage_activity on commit drop as
        select l.citizen_id, x.month, bool_or(x.created) as logged, (count(*) filter (where x.application))::int as applications
        from logs l
        cross join lateral (select (l.created_at at time zone 'Europe/Copenhagen')::date as created_on) d
        cross join lateral (values
            (date_trunc('month', d.created_on)::date, true, false),
            (date_trunc('month', coalesce(l.applied_on, d.created_on))::date, false,
             l.kind = 'jobSearch' and l.status in ('applied', 'interview', 'rejected', 'hired'))
        ) x(month, created, application)
        where l.updated_at >= @fromInstant and x.month >= @from and x.month <= @to and (x.created or x.application)
        group by l.citizen_id, x.month
        """;

    /// <summary>The figures per month, group and municipality code (any code a citizen has).</summary>
    public const string Cells = """
        create temp table usage_cells on commit drop as
        select o.month, o.target_group, c.municipality_code, count(*)::int as obligated,
               (count(*) filter (where a.logged))::int as logged, coalesce(sum(a.applications), 0)::int as applications
        from usage_obligated o
        join citizens c on c.id = o.citizen_id
        left join usage_activity a on a.citizen_id = o.citizen_id and a.month = o.month
        group by o.month, o.target_group, c.municipality_code
        """;

    private const string MonthsAndGroups = """
        generate_series(@from::date, @to::date, interval '1 month') mo(m)
        cross join target_groups g
        """;

    /// <summary>Every month × duty group × municipality of the reference data, zeros included.</summary>
    public const string WriteMunicipalities = $"""
        insert into joblog_usage (month, target_group, municipality_code, obligated, logged, applications)
        select mo.m::date, g.code, k.code, coalesce(u.obligated, 0), coalesce(u.logged, 0), coalesce(u.applications, 0)
        from {MonthsAndGroups}
        cross join municipalities k
        left join usage_cells u on u.month = mo.m::date and u.target_group = g.code and u.municipality_code = k.code
        where g.duty_to_log
        """;

    /// <summary>The whole country: every citizen, also one whose municipality code is not in the reference data.</summary>
    public const string WriteNational = $"""
        insert into joblog_usage_national (month, target_group, obligated, logged, applications)
        select mo.m::date, g.code, coalesce(sum(u.obligated), 0), coalesce(sum(u.logged), 0), coalesce(sum(u.applications), 0)
        from {MonthsAndGroups}
        left join usage_cells u on u.month = mo.m::date and u.target_group = g.code
        where g.duty_to_log
        group by mo.m, g.code
        """;
}
