using Joblog.Web.Access;
using Joblog.Web.Features.Notices;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Joblog.Web.Tests.Notices;

/// <summary>The daily job: its setting, and two app instances on one database of which exactly one runs the day's sweep.</summary>
public sealed class DailySweepTests(PostgresServer server)
{
    private static IConfiguration Setting(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Joblog:Notices:DailyAt", value)]).Build();

    [Fact]
    public void The_daily_time_is_06_00_by_default_can_be_set_or_turned_off_and_anything_else_stops_the_start()
    {
        DailySweep.DailyAt(Setting(null)).ShouldBe(new TimeOnly(6, 0));
        DailySweep.DailyAt(Setting("05:30")).ShouldBe(new TimeOnly(5, 30));
        DailySweep.DailyAt(Setting("off")).ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => DailySweep.DailyAt(Setting("six")));
    }

    [Fact]
    public async Task Two_instances_started_after_the_hour_catch_up_and_only_one_of_them_runs_the_sweep_of_the_day()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDemoDatabaseAsync();
        var db = new PostgresConnection(connectionString);
        await using var one = new JoblogApp(connectionString);
        await using var two = new JoblogApp(connectionString);
        await using var first = one.WithWebHostBuilder(b => b.UseSetting("Joblog:Notices:DailyAt", "00:00"));
        await using var second = two.WithWebHostBuilder(b => b.UseSetting("Joblog:Notices:DailyAt", "00:00"));
        _ = first.Services;
        _ = second.Services;

        // Each instance logs either the run it did or that another instance has done it; wait (bounded) for both.
        static bool Tried(JoblogApp app) => app.LogLines.Any(l => l.Contains("Inactivity sweep for ", StringComparison.Ordinal)
                                                                 || l.Contains("done by another instance", StringComparison.Ordinal));
        for (var i = 0; i < 300 && !(Tried(one) && Tried(two)); i++) await Task.Delay(100, ct);
        Tried(one).ShouldBeTrue();
        Tried(two).ShouldBeTrue();

        var today = TimeProvider.System.Today();
        (await db.ScalarAsync<long>(
                "select count(*) from job_runs where job = 'inactivity-sweep' and started_by = 'schedule' and day = @today and finished_at is not null", new { today }))
            .ShouldBe(1);
        one.LogLines.Concat(two.LogLines).Count(l => l.Contains("done by another instance", StringComparison.Ordinal)).ShouldBe(1);
    }
}
