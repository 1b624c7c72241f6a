using Joblog.Core.Citizens;
using Joblog.Web.Features.Demo;
using Shouldly;

namespace Joblog.Web.Tests.World;

/// <summary>Citizens, homes, target-group periods, a-kasser and exemptions of the small world have the stated distributions.</summary>
[Collection(nameof(SmallWorldCollection))]
public sealed class WorldPeopleTests(SmallWorld world)
{
    private const int Citizens = 3000;

    [Fact]
    public async Task Citizens_are_spread_over_municipalities_by_population()
    {
        var shares = (await world.Db.QueryAsync<(string Code, double Citizens, double Population)>("""
            select m.code, count(c.id)::float8 / (select count(*) from citizens),
                   m.population::float8 / (select sum(population) from municipalities)
            from municipalities m left join citizens c on c.municipality_code = m.code group by m.code
            """)).ToDictionary(x => x.Code);

        // Each share is a binomial draw over 3,000 citizens: four standard deviations of its expected value.
        foreach (var code in new[] { "0101", "0751", "0851", "0461" })
            shares[code].Citizens.ShouldBe(shares[code].Population, SmallWorld.FourSigma(shares[code].Population, Citizens), code);
        // Small municipalities expect a citizen or two at this size; at least 90 of the 98 must have some.
        shares.Values.Count(s => s.Citizens > 0).ShouldBeGreaterThanOrEqualTo(90);
    }

    [Fact]
    public async Task Homes_in_Copenhagen_are_spread_over_its_districts_not_its_street_numbers()
    {
        var districts = (await world.Db.QueryAsync<(string Name, int Citizens)>("""
            select p.name, count(*)::int from citizens c join postal_codes p on p.number = c.postal_code
            where c.municipality_code = '0101' group by p.name
            """)).ToDictionary(x => x.Name, x => x.Citizens);
        var total = districts.Values.Sum();

        // København K has 242 of the municipality's 251 numbers but is one district of eleven (weighted 3 of 25).
        ((double)districts["København K"] / total).ShouldBeLessThan(0.25);
        districts.Keys.ShouldContain("Valby");
        districts.Count.ShouldBeGreaterThanOrEqualTo(9);
    }

    [Fact]
    public async Task The_mix_of_groups_open_today_is_as_stated()
    {
        var open = (await world.Db.QueryAsync<(string? Group, int Citizens)>("""
            select p.target_group, count(*)::int from citizens c
            left join target_group_periods p on p.citizen_id = c.id and p.ends_on is null group by p.target_group
            """)).ToDictionary(x => x.Group ?? "none", x => x.Citizens);

        var stated = new Dictionary<string, double>
        {
            ["dagpenge"] = 0.33, ["jobready"] = 0.19, ["sickness"] = 0.14, ["none"] = 0.10, ["educationready"] = 0.075,
            ["ledighedsydelse"] = 0.065, ["dimittend"] = 0.05,
        };
        // Every citizen draws their group independently: four standard deviations of a binomial share.
        foreach (var (group, share) in stated)
            (open.GetValueOrDefault(group) / (double)Citizens).ShouldBe(share, SmallWorld.FourSigma(share, Citizens), group);
        open.Values.Sum().ShouldBe(Citizens); // at most one open period each
    }

    [Fact]
    public async Task Periods_lie_within_five_years_and_never_overlap()
    {
        var bounds = await world.Db.QueryAsync<(DateTime First, DateTime Last, int Citizens)>(
            "select min(starts_on)::timestamp, max(coalesce(ends_on, starts_on))::timestamp, count(distinct citizen_id)::int from target_group_periods");
        var overlaps = await world.Db.ScalarAsync<long>("""
            select count(*) from target_group_periods a join target_group_periods b
              on a.citizen_id = b.citizen_id and a.id < b.id
             and daterange(a.starts_on, a.ends_on, '[]') && daterange(b.starts_on, b.ends_on, '[]')
            """);

        DateOnly.FromDateTime(bounds[0].First).ShouldBeGreaterThanOrEqualTo(SmallWorld.Today.AddYears(-5));
        DateOnly.FromDateTime(bounds[0].Last).ShouldBeLessThanOrEqualTo(SmallWorld.Yesterday);
        bounds[0].Citizens.ShouldBe(Citizens);
        overlaps.ShouldBe(0);
        // Earlier spells and gaps: most citizens have more than one period.
        (await world.Db.ScalarAsync<long>("select count(*) from target_group_periods")).ShouldBeGreaterThan(Citizens * 3 / 2);
    }

    [Fact]
    public async Task Dimittend_periods_start_before_30_and_every_period_after_18()
    {
        var periods = await world.Db.QueryAsync<(string Cpr, string Group, DateTime Starts)>(
            "select c.cpr, p.target_group, p.starts_on::timestamp from target_group_periods p join citizens c on c.id = p.citizen_id");

        foreach (var (cpr, group, starts) in periods)
        {
            Cpr.TryParse(cpr, out var parsed).ShouldBeTrue();
            var age = AgeOn(parsed.BirthDate, DateOnly.FromDateTime(starts));
            age.ShouldBeGreaterThanOrEqualTo(18);
            if (group is "dimittend" or "educationready") age.ShouldBeLessThan(30, group);
        }
    }

    [Fact]
    public async Task Everyone_with_a_dagpenge_or_dimittend_period_is_in_an_a_kasse()
    {
        var uninsured = await world.Db.ScalarAsync<long>("""
            select count(*) from citizens c where c.akasse_id is null
            and exists (select 1 from target_group_periods p where p.citizen_id = c.id and p.target_group in ('dagpenge', 'dimittend'))
            """);
        var members = await world.Db.ScalarAsync<long>("select count(*) from citizens where akasse_id is not null");

        uninsured.ShouldBe(0);
        members.ShouldBeLessThan(Citizens); // and some others are not
    }

    [Fact]
    public async Task A_few_percent_are_exempt_today_mostly_on_ledighedsydelse_or_job_ready()
    {
        var exemptToday = await world.Db.ScalarAsync<long>(
            "select count(distinct citizen_id) from exemptions where starts_on <= @day and (ends_on is null or ends_on >= @day)",
            new { day = SmallWorld.Yesterday });
        var byGroup = (await world.Db.QueryAsync<(string Group, int Exemptions)>("""
            select p.target_group, count(*)::int from exemptions e join target_group_periods p
              on p.citizen_id = e.citizen_id and e.starts_on between p.starts_on and coalesce(p.ends_on, 'infinity') group by 1
            """)).ToDictionary(x => x.Group, x => x.Exemptions);
        var ended = await world.Db.ScalarAsync<long>("select count(*) from exemptions where ends_on < @day", new { day = SmallWorld.Yesterday });

        // Expected 2.4 % (per-group chances in Groups.cs); 1–5 % leaves room for the draw (about 72 citizens, sd 8).
        (exemptToday / (double)Citizens).ShouldBeInRange(0.01, 0.05);
        ((byGroup.GetValueOrDefault("ledighedsydelse") + byGroup.GetValueOrDefault("jobready")) / (double)byGroup.Values.Sum()).ShouldBeGreaterThan(0.6);
        ended.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CPR_numbers_are_unique_replacement_numbers_that_never_meet_the_demo_personas()
    {
        var cprs = await world.Db.QueryAsync<string>("select cpr from citizens");

        cprs.Distinct().Count().ShouldBe(Citizens);
        foreach (var cpr in cprs)
        {
            Cpr.TryParse(cpr, out _).ShouldBeTrue(cpr);
            int.Parse(cpr[..2], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(61, 91);
            int.Parse(cpr[7..], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1000);
        }
        cprs.Intersect(Personas.Citizens.Select(p => p.Cpr)).ShouldBeEmpty();
        // Ages 18–66 today.
        cprs.Select(c => Cpr.TryParse(c, out var p) ? AgeOn(p.BirthDate, SmallWorld.Today) : -1).ShouldAllBe(a => a >= 18 && a <= 66);
    }

    private static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}
