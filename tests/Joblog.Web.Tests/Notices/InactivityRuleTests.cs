using Joblog.Web.Access;
using Joblog.Web.Features.Notices;
using Joblog.Web.Tests.Infrastructure;
using Npgsql;
using Shouldly;

namespace Joblog.Web.Tests.Notices;

/// <summary>
/// The rules of advisering, each on citizens of its own (written straight to the database), with the sweep run on a clock
/// the test moves: the 30-day boundary in Danish days, exemptions, voluntary groups, no current duty, a new duty period,
/// one notice per period, and sweeps that run twice or at the same time.
/// </summary>
public sealed class InactivityRuleTests(NoticesFixture fixture) : IClassFixture<NoticesFixture>
{
    private PostgresConnection Db => fixture.Db;
    private DateOnly Today => fixture.Today;

    [Fact]
    public async Task A_citizen_is_inactive_from_Danish_midnight_30_days_after_the_Danish_day_of_the_last_log_not_a_second_before()
    {
        // The last log at 00:30 Danish time: still the day before in UTC. Days are counted in Danish days.
        var lastLogDay = Today.AddDays(-50);
        var citizen = await Db.NewCitizenAsync("jobready", Today.AddDays(-200));
        await Db.AddLogAsync(citizen, DanishClock.Instant(lastLogDay, new TimeOnly(0, 30)));

        fixture.SetClock(lastLogDay.AddDays(30), TimeSpan.FromSeconds(-1)); // day 29, 23:59:59
        await fixture.SweepAsync();
        (await Db.NoticesAsync(citizen)).ShouldBeEmpty("29 days and 23:59:59 without a log is not yet 30 days");

        fixture.SetClock(lastLogDay.AddDays(30)); // day 30, 00:00:00 in Copenhagen
        var sweep = await fixture.SweepAsync();
        var notice = (await Db.NoticesAsync(citizen)).ShouldHaveSingleItem();
        notice.InactiveSince.ShouldBe(lastLogDay);
        notice.Open.ShouldBeTrue();
        notice.JobcenterId.ShouldBe("jc-0751", "the jobcenter of the citizen's municipality");
        notice.AkasseId.ShouldBeNull("not insured");
        sweep.Day.ShouldBe(lastLogDay.AddDays(30));
    }

    [Fact]
    public async Task A_duty_period_that_started_ten_days_ago_is_not_inactive_and_the_30_days_count_from_its_start()
    {
        var start = Today.AddDays(-10);
        var citizen = await Db.NewCitizenAsync("jobready", start);
        await Db.AddPeriodAsync(citizen, "dagpenge", Today.AddDays(-400), Today.AddDays(-100));
        await Db.AddLogAsync(citizen, DanishClock.Instant(Today.AddDays(-150))); // in the earlier period

        fixture.ResetClock();
        await fixture.SweepAsync();
        (await Db.NoticesAsync(citizen)).ShouldBeEmpty("became unemployed (again) ten days ago");

        fixture.SetClock(start.AddDays(30), TimeSpan.FromSeconds(-1));
        await fixture.SweepAsync();
        (await Db.NoticesAsync(citizen)).ShouldBeEmpty();

        fixture.SetClock(start.AddDays(30));
        await fixture.SweepAsync();
        (await Db.NoticesAsync(citizen)).ShouldHaveSingleItem().InactiveSince.ShouldBe(start);
    }

    [Fact]
    public async Task An_exempt_citizen_is_never_notified_an_exemption_ends_an_open_notice_and_after_it_the_30_days_start_again()
    {
        fixture.ResetClock();
        var exempt = await Db.NewCitizenAsync("ledighedsydelse", Today.AddDays(-300));
        await Db.AddExemptionAsync(exempt, Today.AddDays(-200));
        var later = await Db.NewCitizenAsync("ledighedsydelse", Today.AddDays(-300));
        await fixture.SweepAsync();
        (await Db.NoticesAsync(exempt)).ShouldBeEmpty("exempt from the duty to log (LAS § 75, stk. 5)");
        (await Db.NoticesAsync(later)).ShouldHaveSingleItem().Open.ShouldBeTrue();

        // Exempted today: the work list drops them at once; the next sweep ends the notice.
        await Db.AddExemptionAsync(later, Today, Today.AddDays(20));
        (await WorkListIdsAsync()).ShouldNotContain(later);
        await fixture.SweepAsync();
        var ended = (await Db.NoticesAsync(later)).ShouldHaveSingleItem();
        ended.EndedReason.ShouldBe("exempt");

        // The exemption ends on day +20: the 30 days count from the day after it.
        var firstDay = Today.AddDays(21);
        fixture.SetClock(firstDay.AddDays(30), TimeSpan.FromSeconds(-1));
        await fixture.SweepAsync();
        (await Db.NoticesAsync(later)).Count.ShouldBe(1);
        fixture.SetClock(firstDay.AddDays(30));
        await fixture.SweepAsync();
        var notices = await Db.NoticesAsync(later);
        notices.Count.ShouldBe(2);
        notices[1].InactiveSince.ShouldBe(firstDay);
        (await WorkListIdsAsync()).ShouldContain(later);
        (await WorkListIdsAsync()).ShouldNotContain(exempt);
    }

    [Fact]
    public async Task Voluntary_groups_and_citizens_without_a_duty_today_are_never_notified_and_a_duty_that_ends_ends_the_notice()
    {
        fixture.ResetClock();
        var sickness = await Db.NewCitizenAsync("sickness", Today.AddDays(-200));
        var flexjob = await Db.NewCitizenAsync("flexjob", Today.AddDays(-200));
        var ended = await Db.NewCitizenAsync("jobready", Today.AddDays(-300), Today.AddDays(-60));
        var ending = await Db.NewCitizenAsync("dagpenge", Today.AddDays(-300));
        await fixture.SweepAsync();
        (await Db.NoticesAsync(sickness)).ShouldBeEmpty("the joblog is voluntary on sickness benefit");
        (await Db.NoticesAsync(flexjob)).ShouldBeEmpty("the joblog is voluntary in flex-job");
        (await Db.NoticesAsync(ended)).ShouldBeEmpty("no period today");
        (await Db.NoticesAsync(ending)).ShouldHaveSingleItem().Open.ShouldBeTrue();

        await Db.EndPeriodsAsync(ending, Today.AddDays(-1));
        (await WorkListIdsAsync()).ShouldNotContain(ending, "no duty today: off the list at once");
        await fixture.SweepAsync();
        (await Db.NoticesAsync(ending)).ShouldHaveSingleItem().EndedReason.ShouldBe("noDuty");
    }

    [Fact]
    public async Task Sweeping_again_makes_nothing_new_and_two_sweeps_at_the_same_time_make_one_notice_per_citizen()
    {
        fixture.ResetClock();
        var citizens = new List<Guid>();
        for (var i = 0; i < 5; i++) citizens.Add(await Db.NewCitizenAsync("educationready", Today.AddDays(-100 - i)));

        await using var one = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var two = NpgsqlDataSource.Create(fixture.ConnectionString);
        var results = await Task.WhenAll(
            new InactivitySweep(one, fixture.Clock).RunNowAsync(SweepStart.Command, null, TestContext.Current.CancellationToken),
            new InactivitySweep(two, fixture.Clock).RunNowAsync(SweepStart.Command, null, TestContext.Current.CancellationToken));
        foreach (var c in citizens) (await Db.NoticesAsync(c)).ShouldHaveSingleItem().InactiveSince.ShouldBe(Today.AddDays(-100 - citizens.IndexOf(c)));
        results.Count(r => r.Created >= citizens.Count).ShouldBe(1, "one of the two made them");
        results.Min(r => r.Created).ShouldBe(0, "the other found them made");

        var again = await fixture.SweepAsync();
        again.Created.ShouldBe(0);
        again.Ended.ShouldBe(0);
        foreach (var c in citizens) (await Db.NoticesAsync(c)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_scheduled_run_of_a_day_is_claimed_once_when_several_instances_try_at_the_same_time()
    {
        fixture.SetClock(Today.AddDays(400), TimeSpan.FromHours(7)); // a day no other test schedules
        await using var one = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var two = NpgsqlDataSource.Create(fixture.ConnectionString);
        await using var three = NpgsqlDataSource.Create(fixture.ConnectionString);
        var ct = TestContext.Current.CancellationToken;
        var runs = await Task.WhenAll(
            new InactivitySweep(one, fixture.Clock).RunScheduledAsync(ct),
            new InactivitySweep(two, fixture.Clock).RunScheduledAsync(ct),
            new InactivitySweep(three, fixture.Clock).RunScheduledAsync(ct));
        runs.Count(r => r is not null).ShouldBe(1);
        (await new InactivitySweep(one, fixture.Clock).RunScheduledAsync(ct)).ShouldBeNull("later the same day: already done");
        (await Db.ScalarAsync<long>("select count(*) from job_runs where job = 'inactivity-sweep' and started_by = 'schedule' and day = @day", new { day = Today.AddDays(400) }))
            .ShouldBe(1);

        fixture.SetClock(Today.AddDays(401), TimeSpan.FromHours(7));
        (await new InactivitySweep(two, fixture.Clock).RunScheduledAsync(ct)).ShouldNotBeNull("the next day is a new run");
    }

    [Fact]
    public async Task A_log_written_around_the_log_store_hides_the_notice_at_once_and_the_next_sweep_ends_it_at_the_logs_time()
    {
        fixture.ResetClock();
        var citizen = await Db.NewCitizenAsync("jobready", Today.AddDays(-90));
        await fixture.SweepAsync();
        var notice = (await Db.NoticesAsync(citizen)).ShouldHaveSingleItem();
        (await WorkListIdsAsync()).ShouldContain(citizen);

        var at = DateTimeOffset.UtcNow.AddMinutes(1);
        at = at.AddTicks(-(at.Ticks % 10)); // PostgreSQL keeps microseconds
        await Db.AddLogAsync(citizen, at); // e.g. a bulk load: no hook ran
        (await WorkListIdsAsync()).ShouldNotContain(citizen);
        await fixture.SweepAsync();
        var ended = (await Db.NoticesAsync(citizen)).ShouldHaveSingleItem();
        ended.EndedReason.ShouldBe("log");
        ended.EndedByLog.ShouldBeNull("no log store write: the sweep found it");
        new DateTimeOffset(DateTime.SpecifyKind(ended.EndedAt!.Value, DateTimeKind.Utc)).ShouldBe(at);
        notice.Id.ShouldBe(ended.Id);
    }

    [Fact]
    public async Task An_open_notice_follows_the_citizen_to_another_jobcenter_and_leaves_the_akasse_when_the_dagpenge_course_ends()
    {
        fixture.ResetClock();
        var citizen = await Db.NewCitizenAsync("dagpenge", Today.AddDays(-120), akasse: "ak-01");
        await Db.AddPeriodAsync(citizen, "jobready", Today.AddDays(-60)); // alongside, e.g. supplementary social assistance
        await fixture.SweepAsync();
        var notice = (await Db.NoticesAsync(citizen)).ShouldHaveSingleItem();
        (notice.JobcenterId, notice.AkasseId).ShouldBe(("jc-0751", "ak-01"));

        // The dagpenge course ends yesterday (job-ready goes on: still a duty), and the citizen moves to København.
        await Db.ExecuteAsync(
            """
            update target_group_periods set ends_on = @yesterday where citizen_id = @citizen and target_group = 'dagpenge';
            update citizens set municipality_code = '0101' where id = @citizen
            """, new { citizen, yesterday = Today.AddDays(-1) });
        await fixture.SweepAsync();
        var moved = (await Db.NoticesAsync(citizen)).ShouldHaveSingleItem();
        moved.Open.ShouldBeTrue("still a duty, still no log: the same period");
        (moved.JobcenterId, moved.AkasseId).ShouldBe(("jc-0101", (string?)null));
        (await WorkListIdsAsync()).ShouldNotContain(citizen);
    }

    /// <summary>The citizen ids on Jobcenter Aarhus's work list (its case system's key), on the app's clock.</summary>
    private async Task<List<Guid>> WorkListIdsAsync()
    {
        using var client = fixture.App.System("demo-jc-0751-system-key");
        return (await client.WorkListItemsAsync()).Select(i => i.GetProperty("citizenId").GetGuid()).ToList();
    }
}
