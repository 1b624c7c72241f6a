using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;
using static Joblog.Web.Tests.Statistics.StatisticsFixture;

namespace Joblog.Web.Tests.Statistics;

/// <summary>
/// The figures of the hand-made world (<see cref="StatisticsFixture"/>), first as computed (the rows of joblog_usage),
/// then as the agency's API shows them (suppressed). Every expected number is worked out beside the citizens in the fixture.
/// </summary>
public sealed class StatisticsFiguresTests(StatisticsFixture fixture) : IClassFixture<StatisticsFixture>
{
    private sealed record Row(int Obligated, int Logged, int Applications);

    private Task<Row?> CellAsync(DateOnly month, string group, string? municipality) => municipality is null
        ? Single("select obligated, logged, applications from joblog_usage_national where month = @month and target_group = @group", new { month, group })
        : Single("select obligated, logged, applications from joblog_usage where month = @month and target_group = @group and municipality_code = @municipality",
            new { month, group, municipality });

    private async Task<Row?> Single(string sql, object args) => (await fixture.Db.QueryAsync<Row>(sql, args)).SingleOrDefault();

    [Fact]
    public async Task January_counts_a_duty_of_15_days_not_14_exempt_days_out_the_group_of_most_days_and_Danish_month_edges()
    {
        // a1, a2 (from the 17th: 15 days), a4 (16 days job-ready, then dagpenge), a5 (16 days exempt: 15 left), a9, a10 —
        // not a3 (14 days), a6 (17 days exempt), a7 (sickness) or a8 (dagpenge). Logged: a1, a4 (23:59:59 on the 31st), a9, a10 —
        // not a5 (midnight, 1 Feb). Applications dated in January: a1 1, a9 1 (applied the 31st, logged in February), a10 7.
        (await CellAsync(January, "jobready", "0751")).ShouldBe(new Row(6, 4, 9));
        (await CellAsync(January, "dagpenge", "0751")).ShouldBe(new Row(1, 0, 0), "a8: 10 days job-ready, 10 sickness, 11 dagpenge");
        (await CellAsync(January, "jobready", null)).ShouldBe(new Row(6, 4, 9), "the country is this world alone in 2019");
        (await CellAsync(January, "educationready", "0751")).ShouldBe(new Row(0, 0, 0), "a row for every municipality, zeros too");
    }

    [Fact]
    public async Task February_has_28_days_and_the_citizen_counts_in_the_new_group_after_a_change()
    {
        // Job-ready: a1, a2, a3, a5, a6 (the exemption is over), a9, a10; a4 is in dagpenge now. Logged: a5 (1 Feb 00:00), a9.
        (await CellAsync(February, "jobready", "0751")).ShouldBe(new Row(7, 2, 0));
        (await CellAsync(February, "dagpenge", "0751")).ShouldBe(new Row(2, 0, 0));
        // København: 1–14 Feb (14 days) no; 1–15 Feb and 14–28 Feb (15 days each) yes.
        (await CellAsync(February, "jobready", "0101")).ShouldBe(new Row(2, 0, 0));
        (await CellAsync(February, "jobready", null)).ShouldBe(new Row(9, 2, 0));
    }

    [Fact]
    public async Task March_and_April_per_municipality_and_for_the_country()
    {
        foreach (var (code, obligated, logged) in MarchEducationReady)
            (await CellAsync(March, "educationready", code)).ShouldBe(new Row(obligated, logged, code == "0101" ? logged * 12 : logged), code);
        (await CellAsync(March, "educationready", null)).ShouldBe(new Row(86, 43, 120));
        // 15 days education-ready, 15 days ledighedsydelse: a tie goes to the later group.
        (await CellAsync(April, "ledighedsydelse", "0751")).ShouldBe(new Row(1, 0, 0));
        (await CellAsync(April, "educationready", "0751")).ShouldBe(new Row(0, 0, 0));
    }

    [Fact]
    public async Task The_recompute_writes_every_municipality_and_duty_group_of_each_month_and_records_its_run()
    {
        fixture.Refresh.From.ShouldBe(January);
        fixture.Refresh.To.ShouldBe(April);
        fixture.Refresh.FullHistory.ShouldBeFalse();
        fixture.Refresh.Rows.ShouldBe(4 * 5 * 98 + 4 * 5);
        (await fixture.Db.ScalarAsync<long>("select count(*) from joblog_usage where month between @January and @April", new { January, April })).ShouldBe(4 * 5 * 98);
        (await fixture.Db.ScalarAsync<string>("select started_by from job_runs where id = @id and job = 'joblog-usage' and finished_at is not null",
            new { id = fixture.Refresh.RunId })).ShouldBe("command");
        (await fixture.Db.ScalarAsync<bool>("select full_history from joblog_usage_refreshes where run_id = @id and from_month = @January and to_month = @April",
            new { id = fixture.Refresh.RunId, January, April })).ShouldBeFalse();
    }

    [Fact]
    public async Task The_agency_gets_every_municipality_and_the_country_with_fewer_than_five_suppressed()
    {
        using var stine = await fixture.App.SignedIn("stine");
        var answer = await stine.GetFromJsonAsync<JsonElement>("/api/v1/statistics/joblog-usage?from=2019-01&to=2019-04", TestContext.Current.CancellationToken);

        answer.GetProperty("from").GetString().ShouldBe("2019-01");
        answer.GetProperty("to").GetString().ShouldBe("2019-04");
        answer.GetProperty("updatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        answer.GetProperty("rows").GetArrayLength().ShouldBe(4 * 5 * 98);
        answer.GetProperty("national").GetArrayLength().ShouldBe(4 * 5);

        // 6 with a duty, 4 logged (and 2 did not): the number who logged and the share are hidden; 9 applications / 6 = 1.5.
        Find(answer, "rows", "2019-01", "jobready", "0751").ShouldBe("""{"month":"2019-01","municipalityCode":"0751","targetGroup":"jobready","obligated":6,"logged":null,"share":null,"applicationsPerCitizen":1.5,"benchmark":"lightGreen","suppressed":true}""");
        Find(answer, "rows", "2019-03", "educationready", "0461").ShouldBe("""{"month":"2019-03","municipalityCode":"0461","targetGroup":"educationready","obligated":16,"logged":10,"share":0.625,"applicationsPerCitizen":0.6,"benchmark":"red","suppressed":false}""");
        Find(answer, "rows", "2019-03", "educationready", "0101").ShouldBe("""{"month":"2019-03","municipalityCode":"0101","targetGroup":"educationready","obligated":12,"logged":7,"share":0.583,"applicationsPerCitizen":7,"benchmark":"green","suppressed":false}""");
        // 5 with a duty shows; 4 does not.
        Find(answer, "rows", "2019-03", "educationready", "0851").ShouldBe("""{"month":"2019-03","municipalityCode":"0851","targetGroup":"educationready","obligated":5,"logged":null,"share":null,"applicationsPerCitizen":0.6,"benchmark":"red","suppressed":true}""");
        Find(answer, "rows", "2019-03", "educationready", "0860").ShouldBe("""{"month":"2019-03","municipalityCode":"0860","targetGroup":"educationready","obligated":null,"logged":null,"share":null,"applicationsPerCitizen":null,"benchmark":null,"suppressed":true}""");
        Find(answer, "rows", "2019-02", "jobready", "0101").ShouldBe("""{"month":"2019-02","municipalityCode":"0101","targetGroup":"jobready","obligated":null,"logged":null,"share":null,"applicationsPerCitizen":null,"benchmark":null,"suppressed":true}""");
        // The country: 86 with a duty, 43 logged, 120 applications (1.395…, shown as 1.4).
        Find(answer, "national", "2019-03", "educationready", null).ShouldBe("""{"month":"2019-03","municipalityCode":null,"targetGroup":"educationready","obligated":86,"logged":43,"share":0.5,"applicationsPerCitizen":1.4,"benchmark":"lightGreen","suppressed":false}""");
        Find(answer, "national", "2019-01", "jobready", null).ShouldBe("""{"month":"2019-01","municipalityCode":null,"targetGroup":"jobready","obligated":6,"logged":null,"share":null,"applicationsPerCitizen":1.5,"benchmark":"lightGreen","suppressed":true}""");
    }

    [Fact]
    public async Task A_jobcenter_gets_its_own_municipality_and_the_country_and_another_municipality_is_403()
    {
        using var nina = await fixture.App.SignedIn("nina");
        var answer = await nina.GetFromJsonAsync<JsonElement>("/api/v1/statistics/joblog-usage?from=2019-01&to=2019-04&targetGroup=educationready",
            TestContext.Current.CancellationToken);
        var rows = answer.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(4);
        rows.ShouldAllBe(r => r.GetProperty("municipalityCode").GetString() == "0751" && r.GetProperty("targetGroup").GetString() == "educationready");
        answer.GetProperty("national").GetArrayLength().ShouldBe(4);
        Find(answer, "rows", "2019-03", "educationready", "0751").ShouldBe("""{"month":"2019-03","municipalityCode":"0751","targetGroup":"educationready","obligated":10,"logged":5,"share":0.5,"applicationsPerCitizen":0.5,"benchmark":"red","suppressed":false}""");

        (await nina.GetAsync("/api/v1/statistics/joblog-usage?from=2019-01&to=2019-04&municipality=0101", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await nina.GetAsync("/api/v1/statistics/joblog-usage?from=2019-01&to=2019-04&municipality=0751", TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var system = fixture.App.System("demo-jc-0751-system-key");
        var bySystem = await system.GetFromJsonAsync<JsonElement>("/api/v1/statistics/joblog-usage?from=2019-03&to=2019-03", TestContext.Current.CancellationToken);
        bySystem.GetProperty("rows").EnumerateArray().ShouldAllBe(r => r.GetProperty("municipalityCode").GetString() == "0751");
        bySystem.GetProperty("rows").GetArrayLength().ShouldBe(5);
    }

    [Theory]
    [InlineData("mette")]
    [InlineData("berit")]
    [InlineData("ole")]
    public async Task Citizens_and_akasse_staff_get_403(string persona)
    {
        using var client = await fixture.App.SignedIn(persona);
        var answer = await client.GetAsync("/api/v1/statistics/joblog-usage?from=2019-01&to=2019-04", TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Akasse_systems_get_403_and_anonymous_callers_401()
    {
        using var system = fixture.App.System("demo-ak-01-system-key");
        (await system.GetAsync("/api/v1/statistics/joblog-usage", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = fixture.App.Anonymous();
        (await anonymous.GetAsync("/api/v1/statistics/joblog-usage", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("from=2019-13&to=2019-04", "from", "Angiv måneden som ÅÅÅÅ-MM, fx 2026-10")]
    [InlineData("from=2019-1&to=2019-04", "from", "Angiv måneden som ÅÅÅÅ-MM, fx 2026-10")]
    [InlineData("from=2019-04&to=2019-01", "from", "from skal være samme måned som to eller en tidligere")]
    [InlineData("from=2009-01&to=2019-04", "to", "Der kan højst hentes 120 måneder ad gangen")]
    [InlineData("targetGroup=sickness", "targetGroup", "Angiv en målgruppe med pligt til at joblogge: dagpenge, dimittend, jobready, educationready eller ledighedsydelse")]
    [InlineData("municipality=9999", "municipality", "Angiv en kommunekode på 4 cifre fra listen over kommuner, fx 0751")]
    public async Task A_bad_query_is_400_with_a_Danish_message_for_the_field(string query, string field, string message)
    {
        using var stine = await fixture.App.SignedIn("stine");
        var answer = await stine.GetAsync("/api/v1/statistics/joblog-usage?" + query, TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task Without_months_the_answer_is_the_twelve_months_up_to_the_newest_computed()
    {
        using var stine = await fixture.App.SignedIn("stine");
        var answer = await stine.GetFromJsonAsync<JsonElement>("/api/v1/statistics/joblog-usage?targetGroup=jobready", TestContext.Current.CancellationToken);
        var newest = await fixture.Db.ScalarAsync<DateOnly>("select max(month) from joblog_usage_national");
        answer.GetProperty("to").GetString().ShouldBe(newest.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        answer.GetProperty("from").GetString().ShouldBe(newest.AddMonths(-11).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        answer.GetProperty("national").GetArrayLength().ShouldBe(12);
    }

    private static string Find(JsonElement answer, string list, string month, string group, string? municipality) =>
        answer.GetProperty(list).EnumerateArray().Single(r => r.GetProperty("month").GetString() == month && r.GetProperty("targetGroup").GetString() == group
            && r.GetProperty("municipalityCode").GetString() == municipality).GetRawText();
}
