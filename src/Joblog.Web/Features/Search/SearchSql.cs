using System.Text;
using Dapper;

namespace Joblog.Web.Features.Search;

/// <summary>
/// The SQL of a search across citizens, built from the criteria: only the predicates asked for are in it. It reads the
/// aggregates (<c>search_months</c>, <c>search_activity</c>), never the logs.
/// <list type="bullet">
/// <item>A citizen is in a search by their target group <b>today</b> (<c>search_stretches</c>: where periods overlap, the
/// one that started last).</item>
/// <item>The past-period rule: a citizen is included only if they had today's target group on <b>every day</b> of the
/// period searched (up to today, when the period reaches today) — one period, or several of that group that join up. A
/// day in another group, or in none, anywhere in the period leaves them out; what came between the period and today
/// does not matter. The same rule for every period: one that reaches today is in the past up to today.</item>
/// <item>Exempt citizens (an exemption on any day from the period's first day up to today) are left out unless asked for.
/// "Requirements not met" leaves out everyone exempt today: their requirements are paused.</item>
/// </list>
/// </summary>
public static class SearchSql
{
    /// <summary>Weeks counted for "requirements not met": the 28 days up to today.</summary>
    public const int RequirementWeeks = 4;

    public sealed record Query(string Sql, DynamicParameters Parameters);

    /// <summary>
    /// The matching citizens as a CTE chain ending in <c>found</c>: <c>id, target_group</c> and the figures the
    /// criteria and the order need (<c>applications, titles, km, last_log_on, name</c>) — or, with <paramref name="everything"/>
    /// (the CSV), all of them and <c>cpr</c>. A page adds the figures of its own rows afterwards (<see cref="Page"/>).
    /// </summary>
    public static Query Found(SearchCriteria c, SearchScope scope, DateOnly today, SearchSort sort, bool everything)
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

        var applications = everything || c.MinApplications is not null || c.MaxApplications is not null || sort == SearchSort.Applications;
        var titles = everything || c.MaxDistinctJobTitles is not null || sort == SearchSort.DistinctJobTitles;
        var km = everything || c.MaxDistanceKm is not null || sort == SearchSort.MaxDistanceKm;
        var activity = everything || c.InactiveDays is not null || sort == SearchSort.LastActivityOn;
        var name = everything || sort == SearchSort.Name;

        var where = new StringBuilder();
        void And(string predicate, string? parameter = null, object? value = null)
        {
            where.Append("\n      and ").Append(predicate);
            if (parameter is not null) p.Add(parameter, value);
        }
        var joins = new StringBuilder();
        if (name) joins.Append("\n    join citizens c on c.id = p.citizen_id");
        var figures = new List<string>();
        // The months read: the period's, and — for "requirements not met" — the month before and this one (the 28 days
        // up to today). Each figure takes its own months.
        var (firstMonth, lastMonth) = (c.FromMonth, c.ToMonth);
        const string inPeriod = "filter (where m.month between @fromMonth and @toMonth)";
        if (applications) figures.Add($"coalesce(sum(m.applications) {inPeriod}, 0)::integer as applications");
        if (titles) figures.Add($"case when count(*) {inPeriod} > 0 then icount(search_union(m.titles) {inPeriod}) end as titles");
        if (km) figures.Add($"max(m.max_km) {inPeriod} as km");
        if (c.RequirementsNotMet)
        {
            // A month that begins inside the 28 days counts whole (no application is dated after today: the log rules
            // refuse it); of the month before, the days from weeksFrom on: all but those before it, found by binary search
            // in the sorted days (width_bucket).
            var weeksFrom = today.AddDays(-7 * RequirementWeeks + 1);
            p.Add("weeksFrom", weeksFrom);
            p.Add("dayBefore", (short)(weeksFrom.Day - 1));
            p.Add("weeksFromMonth", LogAggregates.MonthOf(weeksFrom));
            figures.Add("""
                coalesce(sum(case when m.month >= @weeksFrom then m.applications
                                  else m.applications - width_bucket(@dayBefore, m.days) end)
                         filter (where m.month >= @weeksFromMonth), 0)::integer as recent
                """);
            var todayMonth = LogAggregates.MonthOf(today);
            if (LogAggregates.MonthOf(weeksFrom) < firstMonth) firstMonth = LogAggregates.MonthOf(weeksFrom);
            if (todayMonth > lastMonth) lastMonth = todayMonth;
        }
        var ctes = "";
        if (figures.Count > 0)
        {
            p.Add("firstMonth", firstMonth);
            p.Add("lastMonth", lastMonth);
            ctes = $"""
                , months as (
                    select m.citizen_id, {string.Join(", ", figures)}
                    from search_months m
                    where m.month between @firstMonth and @lastMonth {InScope("m.citizen_id")}
                    group by m.citizen_id
                )
                """;
            joins.Append("\n    left join months m on m.citizen_id = p.citizen_id");
        }
        if (activity) joins.Append("\n    left join search_activity a on a.citizen_id = p.citizen_id");

        if (c.MinApplications is { } min) And("coalesce(m.applications, 0) >= @minApplications", "minApplications", min);
        if (c.MaxApplications is { } max) And("coalesce(m.applications, 0) <= @maxApplications", "maxApplications", max);
        if (c.MaxDistinctJobTitles is { } most) And("m.titles <= @maxTitles", "maxTitles", most);
        if (c.MaxDistanceKm is { } farthest) And("m.km <= @maxKm", "maxKm", (float)farthest);
        if (c.InactiveDays is { } days) And("(a.last_log_on is null or a.last_log_on <= @inactiveSince)", "inactiveSince", today.AddDays(-days));
        if (!c.IncludeExempt)
            And("""
                not exists (select 1 from exemptions e where e.citizen_id = p.citizen_id
                                  and e.starts_on <= @today and (e.ends_on is null or e.ends_on >= @fromMonth))
                """);
        if (c.RequirementsNotMet)
            And($"""
                exists (select 1 from search_requirements q
                              where q.citizen_id = p.citizen_id and q.starts_on <= @today and (q.ends_on is null or q.ends_on >= @today)
                                and coalesce(m.recent, 0) < {RequirementWeeks} * q.applications_per_week)
                      and not exists (select 1 from exemptions e where e.citizen_id = p.citizen_id
                                      and e.starts_on <= @today and (e.ends_on is null or e.ends_on >= @today))
                """);

        var columns = new StringBuilder("p.citizen_id as id, p.target_group");
        if (applications) columns.Append(", coalesce(m.applications, 0) as applications");
        if (titles) columns.Append(", coalesce(m.titles, 0) as titles");
        if (km) columns.Append(", m.km");
        if (activity) columns.Append(", a.last_log_on");
        if (name) columns.Append(", c.name");
        if (everything) columns.Append(", c.cpr");

        // The past-period rule. A period up to today: today's stretch (the run of days in today's group) began on or
        // before its first day. A period that ended before today: some stretch of today's group covers it.
        var lastDay = c.LastDay(today);
        var rule = lastDay == today
            ? "p.starts_on <= @fromMonth"
            : """
              exists (select 1 from search_stretches s where s.citizen_id = p.citizen_id and s.target_group = p.target_group
                                    and s.starts_on <= @fromMonth and (s.ends_on is null or s.ends_on >= @lastDay))
              """;
        var sql = $"""
            with current_period as (
                select p.citizen_id, p.target_group, p.starts_on
                from search_stretches p
                where p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today) {groups} {InScope("p.citizen_id")}
            ){ctes}, found as materialized (
                select {columns}
                from current_period p{joins}
                where {rule}{where}
            )
            """;
        return new Query(sql, p);
    }

    /// <summary>
    /// After <see cref="Found"/> and <see cref="Recorded"/>: the total and one page, each row with all its figures (looked
    /// up for the page's rows only).
    /// </summary>
    public static string Page(SearchPaging paging) => $"""
        , page as (select * from found f order by {OrderBy(paging, "f")} limit @limit offset @offset)
        select r.found as total, g.id, c.name, g.target_group, coalesce(d.applications, 0) as applications, coalesce(d.titles, 0) as titles,
               d.km, a.last_log_on
        from recorded r
        left join page g on true
        left join citizens c on c.id = g.id
        left join lateral (
            select sum(m.applications)::integer as applications, icount(search_union(m.titles)) as titles, max(m.max_km) as km
            from search_months m where m.citizen_id = g.id and m.month between @fromMonth and @toMonth) d on true
        left join search_activity a on a.citizen_id = g.id
        order by {OrderBy(paging, "g")}
        """;

    /// <summary>The ORDER BY of a result (rows aliased <paramref name="alias"/>), with the id as the tie-breaker.</summary>
    public static string OrderBy(SearchPaging paging, string alias)
    {
        var direction = paging.Descending ? "desc" : "asc";
        var first = paging.Sort switch
        {
            SearchSort.Name => $"{alias}.name collate \"da-DK-x-icu\" {direction}",
            SearchSort.Applications => $"{alias}.applications {direction}",
            SearchSort.DistinctJobTitles => $"{alias}.titles {direction}",
            SearchSort.MaxDistanceKm => $"{alias}.km {direction} nulls last",
            // Never active sorts as the longest ago.
            _ => $"coalesce({alias}.last_log_on, '-infinity'::date) {direction}",
        };
        return $"{first}, {alias}.id";
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
