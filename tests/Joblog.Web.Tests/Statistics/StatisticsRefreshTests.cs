using Joblog.Web.Access;
using Joblog.Web.Database;
using Joblog.Web.Features.Statistics;
using Joblog.Web.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace Joblog.Web.Tests.Statistics;

/// <summary>How the figures are kept current: the daily run (claimed once a day by one of several instances, the whole
/// history once a week, the recent months in between) and the demo load.</summary>
public sealed class StatisticsRefreshTests(PostgresServer server)
{
    [Fact]
    public async Task The_daily_run_is_claimed_once_a_day_and_recomputes_the_whole_history_weekly_and_the_recent_months_in_between()
    {
        DapperTypes.Register();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDemoDatabaseAsync();
        var db = new PostgresConnection(connectionString);
        var day = TimeProvider.System.Today().AddDays(400); // a day with no other run: the last whole recompute (the demo load's) is 400 days old
        var clock = new MovableClock(DanishClock.Instant(day, new TimeOnly(5, 0)));
        await using var one = NpgsqlDataSource.Create(connectionString);
        await using var two = NpgsqlDataSource.Create(connectionString);
        await using var three = NpgsqlDataSource.Create(connectionString);

        var runs = await Task.WhenAll(new UsageRefresh(one, clock).RunScheduledAsync(ct), new UsageRefresh(two, clock).RunScheduledAsync(ct),
            new UsageRefresh(three, clock).RunScheduledAsync(ct));
        var first = runs.Single(r => r is not null)!;
        first.FullHistory.ShouldBeTrue();
        (first.From, first.To).ShouldBe(UsageRefresh.History(day));
        first.Rows.ShouldBe(UsageRefresh.HistoryMonths * 5 * 99);
        (await new UsageRefresh(one, clock).RunScheduledAsync(ct)).ShouldBeNull("later the same day: already done");
        (await db.ScalarAsync<long>("select count(*) from job_runs where job = 'joblog-usage' and started_by = 'schedule' and day = @day", new { day })).ShouldBe(1);

        clock.Advance(TimeSpan.FromDays(1));
        var next = (await new UsageRefresh(two, clock).RunScheduledAsync(ct))!;
        next.FullHistory.ShouldBeFalse();
        (next.From, next.To).ShouldBe(UsageRefresh.Recent(day.AddDays(1)));
        StatisticsMonths.Count(next.From, next.To).ShouldBe(UsageRefresh.RecentMonths);

        clock.Advance(TimeSpan.FromDays(6));
        (await new UsageRefresh(three, clock).RunScheduledAsync(ct))!.FullHistory.ShouldBeTrue("a week after the last whole recompute");
    }

    [Fact]
    public async Task The_demo_load_recomputes_the_whole_history_once_a_day()
    {
        DapperTypes.Register();
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDemoDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        (await new UsageRefresh(dataSource, TimeProvider.System).RunAtDemoLoadAsync(ct)).ShouldBeNull("the demo world was loaded (and recomputed) today");

        var tomorrow = new MovableClock(DateTimeOffset.UtcNow.AddDays(1));
        var run = (await new UsageRefresh(dataSource, tomorrow).RunAtDemoLoadAsync(ct))!;
        run.FullHistory.ShouldBeTrue();
        (await new PostgresConnection(connectionString).ScalarAsync<string>("select started_by from job_runs where id = @id", new { id = run.RunId }))
            .ShouldBe("demoLoad");
    }
}
