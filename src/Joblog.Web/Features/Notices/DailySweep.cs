using System.Globalization;
using Joblog.Web.Features.Shared;

namespace Joblog.Web.Features.Notices;

/// <summary>
/// Runs the inactivity sweep once a day at <c>Joblog:Notices:DailyAt</c> (Danish time, default 06:00; <c>off</c> turns it
/// off), as a <see cref="DailyJob"/>: every instance of the app runs this service; each claims the day in <c>job_runs</c>
/// and only the first claim runs (<see cref="InactivitySweep.RunScheduledAsync"/>).
/// </summary>
public sealed class DailySweep(InactivitySweep sweep, TimeProvider clock, IConfiguration config, ILogger<DailySweep> log) : DailyJob(clock, log)
{
    /// <summary>The configured time of day; null when the schedule is off. A value that is not a time is an error at start.</summary>
    public static TimeOnly? DailyAt(IConfiguration config) => DailyAt(config, "Joblog:Notices:DailyAt", new TimeOnly(6, 0));

    protected override TimeOnly? At => DailyAt(config);

    protected override string JobName => "inactivity sweep";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        if (await sweep.RunScheduledAsync(ct) is { } r)
            log.LogInformation("Inactivity sweep for {Day}: {Created} new notices, {Ended} ended, {Open} open",
                r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Created, r.Ended, r.Open);
        else
            log.LogDebug("Inactivity sweep: today's run is done by another instance");
    }
}
