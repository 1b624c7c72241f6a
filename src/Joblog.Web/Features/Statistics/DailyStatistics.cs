using System.Globalization;
using Joblog.Web.Features.Shared;

namespace Joblog.Web.Features.Statistics;

/// <summary>
/// Recomputes the statistics once a day at <c>Joblog:Statistics:DailyAt</c> (Danish time, default 05:00; <c>off</c> turns it
/// off), as a <see cref="DailyJob"/>: each instance claims the day in <c>job_runs</c> and only the first claim runs
/// (<see cref="UsageRefresh.RunScheduledAsync"/>: the recent months, and the whole history once a week).
/// </summary>
public sealed class DailyStatistics(UsageRefresh refresh, TimeProvider clock, IConfiguration config, ILogger<DailyStatistics> log) : DailyJob(clock, log)
{
    public static TimeOnly? DailyAt(IConfiguration config) => DailyAt(config, "Joblog:Statistics:DailyAt", new TimeOnly(5, 0));

    protected override TimeOnly? At => DailyAt(config);

    protected override string JobName => "statistics recompute";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        if (await refresh.RunScheduledAsync(ct) is { } r)
            log.LogInformation("Statistics recomputed for {From}..{To} ({Rows} rows) in {Seconds} s",
                r.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.To.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Rows,
                r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        else
            log.LogDebug("Statistics: another instance has made today's recompute");
    }
}
