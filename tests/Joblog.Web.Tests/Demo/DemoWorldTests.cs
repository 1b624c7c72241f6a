using System.Net;
using Joblog.Web.Access;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Joblog.Web.Tests.Demo;

/// <summary>
/// The demo world holds exactly the facts DEMO.md states. The expected values are written out here from DEMO.md,
/// not read from <see cref="Personas"/>, so a change to the loader that breaks the document fails a test.
/// </summary>
public sealed class DemoWorldTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private PostgresConnection Db => new(fixture.ConnectionString);

    private static DateOnly Today => TimeProvider.System.Today();

    private async Task StartedAsync() => await fixture.App.Anonymous().GetAsync("/health");

    [Fact]
    public async Task the_organisations_staff_and_keys_are_those_of_demo_md()
    {
        await StartedAsync();
        var orgs = await Db.QueryAsync<(string Id, string Kind, string? Municipality)>(
            "select id, kind, municipality_code from organisations where id in ('jc-0751','jc-0101','jc-0746','ak-01','ak-02','star') order by id");
        orgs.ShouldBe([
            ("ak-01", "akasse", null), ("ak-02", "akasse", null), ("jc-0101", "jobcenter", "0101"),
            ("jc-0746", "jobcenter", "0746"), ("jc-0751", "jobcenter", "0751"), ("star", "agency", null)]);

        var staff = await Db.QueryAsync<(string Id, string Name, string Org)>(
            "select id, name, organisation_id from staff order by id");
        staff.ShouldBe([
            ("berit", "Berit Demo", "ak-01"), ("karl", "Karl Demo", "jc-0101"), ("nina", "Nina Demo", "jc-0751"),
            ("ole", "Ole Demo", "ak-02"), ("stine", "Stine Demo", "star")]);

        var keys = await Db.QueryAsync<(byte[] Hash, string Org)>("select key_hash, organisation_id from api_keys");
        foreach (var (key, org) in new[] { ("demo-ak-01-system-key", "ak-01"), ("demo-ak-02-system-key", "ak-02"), ("demo-jc-0751-system-key", "jc-0751") })
            keys.ShouldContain(k => k.Hash.SequenceEqual(Joblog.Web.Auth.ApiKeyHandler.Hash(key)) && k.Org == org, key);
    }

    [Theory]
    [InlineData("mette", "Mette Demo", "610190-0001", "0751", "ak-01")]
    [InlineData("ali", "Ali Demo", "620285-0002", "0751", null)]
    [InlineData("sofie", "Sofie Demo", "630392-0003", "0746", "ak-01")]
    [InlineData("jens", "Jens Demo", "640478-0004", "0101", null)]
    [InlineData("lars", "Lars Demo", "650588-0005", "0751", "ak-02")]
    [InlineData("emma", "Emma Demo", "660600-0006", "0101", "ak-01")]
    public async Task each_persona_has_the_stated_name_cpr_municipality_and_akasse(string key, string name, string cpr, string municipality, string? akasse)
    {
        await StartedAsync();
        var row = (await Db.QueryAsync<(string Name, string Cpr, string Municipality, string? Akasse, string Home, string HomeMunicipality)>(
            """
            select c.name, c.cpr, c.municipality_code, c.akasse_id, c.postal_code, p.municipality_code
            from citizens c join postal_codes p on p.number = c.postal_code where c.id = @id
            """, new { id = Clients.CitizenId(key) })).Single();
        (row.Name, row.Cpr, row.Municipality, row.Akasse).ShouldBe((name, cpr, municipality, akasse));
        row.HomeMunicipality.ShouldBe(municipality, "the home postal code lies in the persona's municipality");
    }

    [Theory]
    [InlineData("mette", "dagpenge:90:open")]
    [InlineData("ali", "jobready:200:open")]
    [InlineData("sofie", "dagpenge:300:31", "sickness:30:open")]
    [InlineData("jens", "ledighedsydelse:120:open")]
    [InlineData("lars", "dagpenge:60:open")]
    [InlineData("emma", "dimittend:45:open")]
    public async Task each_persona_has_exactly_the_stated_periods_relative_to_today(string key, params string[] expected)
    {
        await StartedAsync();
        var periods = await Db.QueryAsync<(string Group, DateOnly From, DateOnly? To)>(
            "select target_group, starts_on, ends_on from target_group_periods where citizen_id = @id order by starts_on",
            new { id = Clients.CitizenId(key) });
        periods.Select(p => $"{p.Group}:{Today.DayNumber - p.From.DayNumber}:{(p.To is { } to ? (Today.DayNumber - to.DayNumber).ToString() : "open")}")
            .ShouldBe(expected);
    }

    [Fact]
    public async Task only_jens_is_exempt_from_today_minus_100_days_open()
    {
        await StartedAsync();
        var exemptions = await Db.QueryAsync<(Guid Citizen, DateOnly From, DateOnly? To)>(
            "select e.citizen_id, e.starts_on, e.ends_on from exemptions e join citizens c on c.id = e.citizen_id where c.cpr like '6_____-000_'");
        exemptions.ShouldBe([(Clients.CitizenId("jens"), Today.AddDays(-100), null)]);
    }

    [Fact]
    public async Task mettes_joblog_has_over_40_logs_of_every_status_and_both_kinds_some_closed_the_last_two_days_ago()
    {
        await StartedAsync();
        var id = Clients.CitizenId("mette");
        (await Db.ScalarAsync<int>("select count(*)::int from logs where citizen_id = @id", new { id })).ShouldBeGreaterThanOrEqualTo(40);
        (await Db.QueryAsync<string>("select distinct status from logs where citizen_id = @id and status is not null order by 1", new { id }))
            .ShouldBe(["applied", "hired", "interview", "notApplied", "rejected"]);
        (await Db.QueryAsync<string>("select distinct kind from logs where citizen_id = @id order by 1", new { id })).ShouldBe(["jobSearch", "otherActivity"]);
        (await Db.ScalarAsync<int>("select count(*)::int from logs where citizen_id = @id and closed", new { id })).ShouldBeGreaterThan(0);
        (await LastLogDaysAgoAsync("mette")).ShouldBe(2);
        (await Db.ScalarAsync<int>("select count(*)::int from job_goals where citizen_id = @id", new { id })).ShouldBeGreaterThan(0, "Mette has job goals");
    }

    [Fact]
    public async Task ali_last_logged_35_days_ago_jens_has_no_logs_lars_and_emma_have_some()
    {
        await StartedAsync();
        (await LastLogDaysAgoAsync("ali")).ShouldBe(35);
        (await Db.CountLogsAsync("jens")).ShouldBe(0);
        (await Db.CountLogsAsync("lars")).ShouldBeGreaterThan(0);
        (await Db.CountLogsAsync("emma")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task sofies_logs_all_lie_in_her_dagpenge_period()
    {
        await StartedAsync();
        var days = await Db.QueryAsync<(DateTime Created, DateTime Updated)>(
            "select created_at, updated_at from logs where citizen_id = @id", new { id = Clients.CitizenId("sofie") });
        days.ShouldNotBeEmpty();
        foreach (var (created, updated) in days)
        {
            DaysAgo(created).ShouldBeInRange(31, 300);
            DaysAgo(updated).ShouldBeInRange(31, 300);
        }
    }

    [Fact]
    public async Task every_job_address_has_a_known_postal_code_and_so_a_coordinate()
    {
        await StartedAsync();
        (await Db.ScalarAsync<int>("select count(*)::int from logs where kind = 'jobSearch'")).ShouldBeGreaterThan(0);
        (await Db.ScalarAsync<int>(
            """
            select count(*)::int from logs l left join postal_codes p on p.number = l.employer_postal_code
            where l.kind = 'jobSearch' and (p.lat is null or p.lon is null)
            """)).ShouldBe(0);
    }

    [Fact]
    public async Task loading_the_world_again_changes_nothing()
    {
        await StartedAsync();
        const string counts = """
            select (select count(*) from citizens) || '/' || (select count(*) from target_group_periods) || '/' || (select count(*) from logs)
                || '/' || (select count(*) from log_versions) || '/' || (select count(*) from job_goals) || '/' || (select count(*) from exemptions)
            """;
        var before = await Db.ScalarAsync<string>(counts);
        await fixture.App.Services.GetRequiredService<DemoLoader>().LoadAsync(TestContext.Current.CancellationToken);
        (await Db.ScalarAsync<string>(counts)).ShouldBe(before);
    }

    [Fact]
    public async Task a_few_hundred_background_citizens_live_in_the_three_demo_municipalities_with_logs_and_history()
    {
        await StartedAsync();
        var perMunicipality = await Db.QueryAsync<(string Code, int Citizens)>(
            "select municipality_code, count(*)::int from citizens where substr(cpr, 9, 1) = '1' group by 1 order by 1");
        perMunicipality.ShouldBe([("0101", 150), ("0746", 50), ("0751", 200)]);
        (await Db.ScalarAsync<int>(
            """
            select count(*)::int from citizens c left join postal_codes p on p.number = c.postal_code
            where substr(c.cpr, 9, 1) = '1' and (p.municipality_code is distinct from c.municipality_code)
            """)).ShouldBe(0, "every background citizen lives at a postal code of their municipality");
        (await Db.ScalarAsync<int>(
            "select count(*)::int from logs l join citizens c on c.id = l.citizen_id where substr(c.cpr, 9, 1) = '1'"))
            .ShouldBeInRange(27_000, 33_000);
        (await Db.ScalarAsync<int>(
            """
            select count(*)::int from logs l join citizens c on c.id = l.citizen_id
            where substr(c.cpr, 9, 1) = '1' and not exists (select 1 from log_versions v where v.log_id = l.id)
            """)).ShouldBe(0, "every background log has its history");
        (await Db.ScalarAsync<int>(
            "select count(distinct p.target_group)::int from target_group_periods p join citizens c on c.id = p.citizen_id where substr(c.cpr, 9, 1) = '1'"))
            .ShouldBeGreaterThanOrEqualTo(6);
    }

    [Theory]
    [InlineData("berit", "mette", HttpStatusCode.OK)]
    [InlineData("berit", "emma", HttpStatusCode.OK)]
    [InlineData("berit", "sofie", HttpStatusCode.NotFound)] // sickness benefit now
    [InlineData("berit", "lars", HttpStatusCode.NotFound)]  // another a-kasse
    [InlineData("berit", "ali", HttpStatusCode.NotFound)]   // not a member
    [InlineData("nina", "mette", HttpStatusCode.OK)]
    [InlineData("nina", "ali", HttpStatusCode.OK)]
    [InlineData("nina", "lars", HttpStatusCode.OK)]
    [InlineData("nina", "emma", HttpStatusCode.NotFound)]   // København
    [InlineData("nina", "jens", HttpStatusCode.NotFound)]   // København
    public async Task the_world_shows_who_may_open_whom(string staff, string citizen, HttpStatusCode expected)
    {
        var client = await fixture.App.SignedIn(staff);
        (await client.GetAsync(Clients.LogsUrl(citizen))).StatusCode.ShouldBe(expected);
    }

    private async Task<int> LastLogDaysAgoAsync(string persona) =>
        DaysAgo(await Db.ScalarAsync<DateTime>("select max(updated_at) from logs where citizen_id = @id", new { id = Clients.CitizenId(persona) }));

    private static int DaysAgo(DateTime at) =>
        Today.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(at, TimeSpan.Zero), DanishClock.Zone).DateTime).DayNumber;
}
