using Shouldly;

namespace Joblog.Web.Tests.World;

/// <summary>The logs of the small world: their number, what they are about, where, when, and who logs.</summary>
[Collection(nameof(SmallWorldCollection))]
public sealed class WorldLogTests(SmallWorld world)
{
    private static readonly object Day = new { today = SmallWorld.Today, yesterday = SmallWorld.Yesterday };

    [Fact]
    public async Task The_number_of_logs_is_the_requested_one_within_one_percent()
    {
        var logs = await world.Db.ScalarAsync<long>("select count(*) from logs");

        // Poisson counts around an exact expectation: the standard deviation is about 500 (0.2 %).
        logs.ShouldBeInRange(247_500, 252_500);
        world.Result.RowsOf("logs").ShouldBe(logs);
        (await world.Db.ScalarAsync<double>("select avg((kind = 'jobSearch')::int) from logs")).ShouldBe(0.90, 0.01);
    }

    [Fact]
    public async Task Job_search_is_concentrated_in_the_citizens_job_goals()
    {
        var inGoals = await world.Db.ScalarAsync<double>("""
            select avg((exists (select 1 from job_goals g where g.citizen_id = l.citizen_id and g.occupation_code = l.occupation_code))::int)
            from logs l where l.kind = 'jobSearch'
            """);
        var medianDistinct = await world.Db.ScalarAsync<double>("""
            select percentile_cont(0.5) within group (order by n)
            from (select count(distinct occupation_code) n from logs where kind = 'jobSearch' group by citizen_id) x
            """);

        inGoals.ShouldBeGreaterThanOrEqualTo(0.80); // 85 % by construction, over 225,000 logs
        medianDistinct.ShouldBeLessThanOrEqualTo(6); // 1–3 goals, 1–2 side occupations and a rare other one
        (await world.Db.ScalarAsync<long>(
            "select count(*) from logs l where kind = 'jobSearch' and not exists (select 1 from occupation_aliases a where a.code = l.occupation_code and a.title = l.job_title) and not exists (select 1 from occupations o where o.code = l.occupation_code and o.title = l.job_title)"))
            .ShouldBe(0); // every title is one of its occupation's titles
    }

    [Fact]
    public async Task Workplaces_are_mostly_near_home()
    {
        var distances = await world.Db.QueryAsync<(double Median, double Within30)>("""
            select percentile_cont(0.5) within group (order by km), avg((km <= 30)::int)
            from (select 2 * 6371 * asin(sqrt(power(sin(radians(w.lat - h.lat) / 2), 2)
                         + cos(radians(h.lat)) * cos(radians(w.lat)) * power(sin(radians(w.lon - h.lon) / 2), 2))) km
                  from logs l join citizens c on c.id = l.citizen_id
                  join postal_codes h on h.number = c.postal_code join postal_codes w on w.number = l.employer_postal_code
                  where l.kind = 'jobSearch') x
            """);
        var wrongCity = await world.Db.ScalarAsync<long>(
            "select count(*) from logs l join postal_codes p on p.number = l.employer_postal_code where l.employer_city <> p.name");

        distances[0].Median.ShouldBeLessThanOrEqualTo(30);
        distances[0].Within30.ShouldBeGreaterThan(0.7); // 55 % same municipality + 33 % within 30 km + some of the tail
        distances[0].Within30.ShouldBeLessThan(0.97); // and a tail anywhere
        wrongCity.ShouldBe(0);
    }

    [Fact]
    public async Task Statuses_follow_the_age_of_the_log()
    {
        var byAge = (await world.Db.QueryAsync<(string Age, double NotApplied, double Rejected, double Closed, long Logs)>("""
            select case when @today - (created_at at time zone 'Europe/Copenhagen')::date < 14 then 'recent'
                        when @today - (created_at at time zone 'Europe/Copenhagen')::date < 56 then 'weeks' else 'old' end,
                   avg((status = 'notApplied')::int), avg((status = 'rejected')::int), avg(closed::int), count(*)
            from logs where kind = 'jobSearch' group by 1
            """, Day)).ToDictionary(x => x.Age);

        // Thousands of logs per bucket (recent ~6,000): a share's standard deviation is under 1 point, the gaps are 10+.
        byAge["recent"].Logs.ShouldBeGreaterThan(2000);
        byAge["recent"].NotApplied.ShouldBeGreaterThan(0.20);
        byAge["old"].NotApplied.ShouldBeLessThan(0.05);
        byAge["recent"].Rejected.ShouldBeLessThan(0.05);
        byAge["old"].Rejected.ShouldBeGreaterThan(0.45);
        byAge["recent"].Closed.ShouldBeLessThan(byAge["weeks"].Closed);
        byAge["weeks"].Closed.ShouldBeLessThan(byAge["old"].Closed);
    }

    [Fact]
    public async Task Dagpenge_recipients_log_more_often_than_job_ready_who_log_more_often_than_education_ready()
    {
        var active = (await world.Db.QueryAsync<(string Group, double Active, int Citizens)>(OpenDutyActivity, Day))
            .ToDictionary(x => x.Group);

        // Seed 002 (January 2018): 89 %, 68 %, 34 %. Each share is measured on 190–1,000 citizens; four standard
        // deviations (at most 14 points for education-ready) leave room for the draw and for periods begun this month.
        foreach (var (group, share) in new[] { ("dagpenge", 0.89), ("jobready", 0.68), ("educationready", 0.34) })
            active[group].Active.ShouldBe(share, SmallWorld.FourSigma(share, active[group].Citizens) + 0.02, group);
        active["dagpenge"].Active.ShouldBeGreaterThan(active["jobready"].Active);
        active["jobready"].Active.ShouldBeGreaterThan(active["educationready"].Active);
    }

    [Fact]
    public async Task A_share_of_citizens_with_a_duty_are_inactive_and_some_without_one_log_anyway()
    {
        var rows = await world.Db.QueryAsync<(string Group, double Active, int Citizens)>(OpenDutyActivity, Day);
        var inactive = rows.Sum(r => (1 - r.Active) * r.Citizens) / rows.Sum(r => r.Citizens);
        var voluntary = await world.Db.ScalarAsync<long>("""
            select count(*) from logs l join target_group_periods p on p.citizen_id = l.citizen_id
              and (l.created_at at time zone 'Europe/Copenhagen')::date between p.starts_on and coalesce(p.ends_on, 'infinity')
            where p.target_group in ('sickness', 'resource', 'flexjob', 'other')
            """);

        // The groups' propensities give about 26 % with no log in 30 days; 15–40 % leaves room for the draw.
        inactive.ShouldBeInRange(0.15, 0.40);
        voluntary.ShouldBeGreaterThan(0);
        voluntary.ShouldBeLessThan(250_000 / 50); // a few: under 2 %
    }

    [Fact]
    public async Task Dates_are_consistent_and_every_log_lies_in_one_of_its_citizens_periods()
    {
        var violations = await world.Db.ScalarAsync<long>("""
            select count(*) from logs l where
                l.updated_at < l.created_at
             or (l.updated_at at time zone 'Europe/Copenhagen')::date >= @today
             or l.applied_on > @yesterday
             or l.deadline <= (l.created_at at time zone 'Europe/Copenhagen')::date
             or l.applied_on < (l.created_at at time zone 'Europe/Copenhagen')::date
             or (l.interview_at at time zone 'Europe/Copenhagen')::date < l.applied_on
             or (l.interview_at is not null and l.status not in ('interview', 'hired'))
             or l.activity_date <> (l.created_at at time zone 'Europe/Copenhagen')::date
             or l.version not in (1, 2) or (l.version = 1) <> (l.updated_at = l.created_at)
             or (l.status = 'notApplied') <> (l.applied_on is null and l.kind = 'jobSearch')
             or (l.channel = 'akasse' and not exists (select 1 from citizens c where c.id = l.citizen_id and c.akasse_id is not null))
             or not exists (select 1 from target_group_periods p where p.citizen_id = l.citizen_id
                  and (l.created_at at time zone 'Europe/Copenhagen')::date between p.starts_on and coalesce(p.ends_on, @yesterday))
            """, Day);
        var channels = (await world.Db.QueryAsync<(string Channel, double Share)>(
            "select channel, count(*)::float8 / sum(count(*)) over () from logs group by channel")).ToDictionary(x => x.Channel, x => x.Share);

        violations.ShouldBe(0);
        channels["jobnet"].ShouldBeGreaterThan(0.75);
        channels["akasse"].ShouldBeInRange(0.03, 0.20);
        channels["jobcenter"].ShouldBeInRange(0.01, 0.05);
    }

    /// <summary>Per group with a duty: citizens whose period is open today and who are not exempt, and the share who logged in the last 30 days.</summary>
    private const string OpenDutyActivity = """
        select p.target_group, avg((exists (select 1 from logs l where l.citizen_id = c.id
                   and l.created_at >= (@today - 30)::timestamp at time zone 'Europe/Copenhagen'))::int)::float8, count(*)::int
        from citizens c
        join target_group_periods p on p.citizen_id = c.id and p.ends_on is null
        join target_groups g on g.code = p.target_group and g.duty_to_log
        where not exists (select 1 from exemptions e where e.citizen_id = c.id and e.starts_on <= @yesterday
                            and (e.ends_on is null or e.ends_on >= @yesterday))
        group by p.target_group
        """;
}
