using System.Globalization;
using Joblog.Web.Access;

namespace Joblog.Web.Features.Notices;

/// <summary>
/// Runs the inactivity sweep once a day at <c>Joblog:Notices:DailyAt</c> (Danish time, default 06:00; <c>off</c> turns it
/// off). Every instance of the app runs this service; each claims the day in <c>job_runs</c> and only the first claim runs
/// (<see cref="InactivitySweep.RunScheduledAsync"/>). An instance that starts after the hour catches up at once if the day's
/// run has not happened. A failed run claims nothing and is tried again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class DailySweep(InactivitySweep sweep, TimeProvider clock, IConfiguration config, ILogger<DailySweep> log) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The configured time of day; null when the schedule is off. A value that is not a time is an error at start.</summary>
    public static TimeOnly? DailyAt(IConfiguration config)
    {
        var text = config["Joblog:Notices:DailyAt"];
        if (string.IsNullOrWhiteSpace(text)) return new TimeOnly(6, 0);
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase)) return null;
        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new InvalidOperationException($"Joblog:Notices:DailyAt must be a time like 06:00 or 'off', not '{text}'.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (DailyAt(config) is not { } at)
        {
            log.LogInformation("The daily inactivity sweep is off (Joblog:Notices:DailyAt)");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = clock.Today();
            var due = DanishClock.Instant(today, at);
            var wait = due - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                wait = await RunAsync(stoppingToken) ? DanishClock.Instant(today.AddDays(1), at) - clock.GetUtcNow() : RetryAfter;
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1), clock, stoppingToken);
        }
    }

    /// <summary>False when the run failed (and should be tried again).</summary>
    private async Task<bool> RunAsync(CancellationToken ct)
    {
        try
        {
            if (await sweep.RunScheduledAsync(ct) is { } r)
                log.LogInformation("Inactivity sweep for {Day}: {Created} new notices, {Ended} ended, {Open} open",
                    r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Created, r.Ended, r.Open);
            else
                log.LogDebug("Inactivity sweep: today's run is done by another instance");
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Inactivity sweep failed; trying again in {Minutes} minutes", RetryAfter.TotalMinutes);
            return false;
        }
    }
}
