using Joblog.Web.Tests.Infrastructure;

namespace Joblog.Web.Tests.Search;

/// <summary>
/// The search's aggregates computed again, straight from the logs and periods and written out here on their own (not
/// through the migration's views), and compared with what <c>search_months</c>, <c>search_activity</c> and
/// <c>search_stretches</c> hold.
/// </summary>
internal static class AggregateCheck
{
    /// <summary>The citizen-months (and citizens' last activity) where the stored aggregates differ from the logs, as text.</summary>
    public static Task<IReadOnlyList<string>> MismatchesAsync(PostgresConnection db, Guid? citizenId = null) =>
        db.QueryAsync<string>(
            """
            with apps as (
                select l.citizen_id, coalesce(l.applied_on, (l.created_at at time zone 'Europe/Copenhagen')::date) as day,
                       nullif(lower(trim(regexp_replace(l.job_title, '\s+', ' ', 'g'))), '') as title,
                       distance_km(h.lat, h.lon, w.lat, w.lon) as km
                from logs l
                join citizens c on c.id = l.citizen_id
                left join postal_codes h on h.number = c.postal_code
                left join postal_codes w on w.number = l.employer_postal_code
                where l.kind = 'jobSearch' and l.status in ('applied', 'interview', 'rejected', 'hired')
                  and (@citizenId::uuid is null or l.citizen_id = @citizenId)
            ), direct as (
                select citizen_id, make_date(extract(year from day)::int, extract(month from day)::int, 1) as month, count(*)::int as applications,
                       coalesce(array_agg(distinct title order by title) filter (where title is not null), '{}') as titles,
                       max(km) as km, array_agg(extract(day from day)::int order by day) as days
                from apps group by 1, 2
            ), stored as (
                select m.citizen_id, m.month, m.applications,
                       coalesce((select array_agg(t.title order by t.title) from unnest(m.titles) i join search_titles t on t.id = i), '{}') as titles,
                       m.max_km as km, m.days::int[] as days  -- as stored: sorted
                from search_months m where @citizenId::uuid is null or m.citizen_id = @citizenId
            ), activity as (
                select citizen_id, max((created_at at time zone 'Europe/Copenhagen')::date) as last_log_on
                from logs where @citizenId::uuid is null or citizen_id = @citizenId group by 1
            )
            select format('%s %s: logs say %s, stored %s', coalesce(d.citizen_id, s.citizen_id), coalesce(d.month, s.month),
                          row(d.applications, d.titles, round(d.km::numeric, 1), d.days), row(s.applications, s.titles, round(s.km::numeric, 1), s.days))
            from direct d full join stored s on s.citizen_id = d.citizen_id and s.month = d.month
            where d.applications is distinct from s.applications or d.titles is distinct from s.titles or d.days is distinct from s.days
               or abs(coalesce(d.km, -1) - coalesce(s.km, -1)) > 0.01
            union all
            select format('%s activity: logs say %s, stored %s', coalesce(a.citizen_id, s.citizen_id), a.last_log_on, s.last_log_on)
            from activity a full join (select * from search_activity where @citizenId::uuid is null or citizen_id = @citizenId) s on s.citizen_id = a.citizen_id
            where a.last_log_on is distinct from s.last_log_on
            union all
            -- The target group on every day a period begins or ends, and the day after an end: the period that started last.
            select format('%s %s: periods say %s, stretches %s', b.citizen_id, b.day, b.expected, b.stored)
            from (select b.citizen_id, b.day,
                         (select p.target_group from target_group_periods p
                          where p.citizen_id = b.citizen_id and p.starts_on <= b.day and (p.ends_on is null or p.ends_on >= b.day)
                          order by p.starts_on desc limit 1) as expected,
                         (select string_agg(s.target_group, ',') from search_stretches s
                          where s.citizen_id = b.citizen_id and s.starts_on <= b.day and (s.ends_on is null or s.ends_on >= b.day)) as stored
                  from (select citizen_id, starts_on as day from target_group_periods
                        union select citizen_id, ends_on from target_group_periods where ends_on is not null
                        union select citizen_id, ends_on + 1 from target_group_periods where ends_on is not null) b
                  where @citizenId::uuid is null or b.citizen_id = @citizenId) b
            where b.expected is distinct from b.stored
            union all
            -- Stretches are whole runs: two of one group never meet.
            select format('%s: two %s stretches meet on %s', s1.citizen_id, s1.target_group, s2.starts_on)
            from search_stretches s1 join search_stretches s2
              on s2.citizen_id = s1.citizen_id and s2.target_group = s1.target_group and s2.starts_on = s1.ends_on + 1
            where @citizenId::uuid is null or s1.citizen_id = @citizenId
            """, new { citizenId });
}
