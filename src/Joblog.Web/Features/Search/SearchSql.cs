using System.Text;
using Dapper;

namespace Joblog.Web.Features.Search;

/// <summary>
/// The SQL of a search across citizens, built from the criteria: only the predicates asked for are in it. It reads the
/// aggregates (<c>search_months</c>, <c>search_activity</c>), never the logs.
/// <list type="bullet">
/// <item>A citizen is in a search by their target group <b>today</b>: the open period that started last.</item>
/// <item>The past-period rule: a citizen is included only if they had today's target group on <b>every day</b> of the
/// period searched (up to today) — one period or several of that group that join up. A period of another group, or a
/// day with none, anywhere in it leaves them out. (A period that ends today is in the past up to today, so the rule is
/// the same for every period.)</item>
/// <item>Exempt citizens (an exemption on any day from the period's first day up to today) are left out unless asked for.
/// "Requirements not met" leaves out everyone exempt today: their requirements are paused.</item>
/// </list>
/// </summary>
public static class SearchSql
{
    /// <summary>Weeks counted for "requirements not met": the 28 days up to today.</summary>
    public const int RequirementWeeks = 4;

    public sealed record Query(string Sql, DynamicParameters Parameters);

    /// <summary>The matching citizens as a CTE chain ending in <c>found</c> (id, name, [cpr,] target_group, applications, titles, km, last_log_on).</summary>
    public static Query Found(SearchCriteria c, SearchScope scope, DateOnly today, bool withCpr)
    {
        var p = new DynamicParameters();
        p.Add("today", today);
        p.Add("fromMonth", c.FromMonth);
        p.Add("toMonth", c.ToMonth);
        p.Add("lastDay", c.LastDay(today));

        if (scope.MunicipalityCode is { } municipality) p.Add("municipality", municipality);
        string InScope(string column) =>
            scope.MunicipalityCode is null ? "" : $"and {column} in (select id from citizens where municipality_code = @municipality)";
        var groups = "";
        if (c.TargetGroups.Count > 0)
        {
            groups = "and p.target_group = any(@groups)";
            p.Add("groups", c.TargetGroups.ToArray());
        }

        var where = new StringBuilder();
        void And(string predicate, string? name = null, object? value = null)
        {
            where.Append("\n      and ").Append(predicate);
            if (name is not null) p.Add(name, value);
        }
        if (c.MinApplications is { } min) And("coalesce(m.applications, 0) >= @minApplications", "minApplications", min);
        if (c.MaxApplications is { } max) And("coalesce(m.applications, 0) <= @maxApplications", "maxApplications", max);
        if (c.MaxDistinctJobTitles is { } titles) And("m.titles <= @maxTitles", "maxTitles", titles);
        if (c.MaxDistanceKm is { } km) And("m.km <= @maxKm", "maxKm", (float)km);
        if (c.InactiveDays is { } days) And("(a.last_log_on is null or a.last_log_on <= @inactiveSince)", "inactiveSince", today.AddDays(-days));
        if (!c.IncludeExempt)
            And("""
                not exists (select 1 from exemptions e where e.citizen_id = p.citizen_id
                                  and e.starts_on <= @today and (e.ends_on is null or e.ends_on >= @fromMonth))
                """);
        if (c.RequirementsNotMet)
        {
            var weeksFrom = today.AddDays(-7 * RequirementWeeks + 1);
            p.Add("weeksFrom", weeksFrom);
            p.Add("weeksFromMonth", LogAggregates.MonthOf(weeksFrom));
            And($"""
                not exists (select 1 from exemptions e where e.citizen_id = p.citizen_id
                                  and e.starts_on <= @today and (e.ends_on is null or e.ends_on >= @today))
                      and exists (
                          select 1 from search_requirements r
                          where r.citizen_id = p.citizen_id and r.starts_on <= @today and (r.ends_on is null or r.ends_on >= @today)
                            and (select count(*) from search_months rm cross join unnest(rm.days) d
                                 where rm.citizen_id = p.citizen_id and rm.month between @weeksFromMonth and @today
                                   and rm.month + d - 1 between @weeksFrom and @today) < {RequirementWeeks} * r.applications_per_week)
                """);
        }

        var sql = $"""
            with current_period as (
                select p.citizen_id, p.target_group, p.starts_on
                from target_group_periods p
                where p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today) {groups} {InScope("p.citizen_id")}
                  and not exists (
                      select 1 from target_group_periods later
                      where later.citizen_id = p.citizen_id and later.starts_on > p.starts_on
                        and later.starts_on <= @today and (later.ends_on is null or later.ends_on >= @today))
            ), months as (
                select m.citizen_id, sum(m.applications)::integer as applications, icount(search_union(m.titles)) as titles,
                       max(m.max_km) as km
                from search_months m
                where m.month between @fromMonth and @toMonth {InScope("m.citizen_id")}
                group by m.citizen_id
            ), matched as materialized (
                select c.id, c.name, {(withCpr ? "c.cpr, " : "")}p.target_group, p.starts_on, coalesce(m.applications, 0) as applications,
                       coalesce(m.titles, 0) as titles, m.km, a.last_log_on
                from current_period p
                join citizens c on c.id = p.citizen_id
                left join months m on m.citizen_id = p.citizen_id
                left join search_activity a on a.citizen_id = p.citizen_id
                where true{where}
            ), found as materialized (
                select * from matched f
                where f.starts_on <= @fromMonth or exists (
                    select 1 from target_group_periods q
                    where q.citizen_id = f.id and q.target_group = f.target_group
                    having range_agg(daterange(q.starts_on, q.ends_on, '[]')) @> daterange(@fromMonth, @lastDay, '[]'))
            )
            """;
        return new Query(sql, p);
    }

    /// <summary>The ORDER BY of a result (alias <c>f</c>), with the name and id as tie-breakers.</summary>
    public static string OrderBy(SearchPaging paging)
    {
        var direction = paging.Descending ? "desc" : "asc";
        const string name = "f.name collate \"da-DK-x-icu\"";
        var first = paging.Sort switch
        {
            SearchSort.Name => $"{name} {direction}",
            SearchSort.Applications => $"f.applications {direction}",
            SearchSort.DistinctJobTitles => $"f.titles {direction}",
            SearchSort.MaxDistanceKm => $"f.km {direction} nulls last",
            // Never active sorts as the longest ago.
            _ => $"coalesce(f.last_log_on, '-infinity'::date) {direction}",
        };
        return paging.Sort == SearchSort.Name ? $"{first}, f.id" : $"{first}, {name}, f.id";
    }

    /// <summary>The statement that records the search (one row), as a CTE named <c>recorded</c> returning <c>found</c>.</summary>
    public const string Recorded = """
        recorded as (
            insert into searches (at, actor_kind, actor_id, actor_name, organisation_id, format, criteria, found)
            select @at, @actorKind, @actorId, @actorName, @organisationId, @format, @criteria::jsonb, count(*)::integer from found
            returning found)
        """;

    public const string InsertRecord = """
        insert into searches (at, actor_kind, actor_id, actor_name, organisation_id, format, criteria, found)
        values (@at, @actorKind, @actorId, @actorName, @organisationId, @format, @criteria::jsonb, @found)
        """;
}
