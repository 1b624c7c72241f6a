using System.Globalization;
using Joblog.Web.Access;

namespace Joblog.Web.Features.Shared;

/// <summary>
/// A background job that runs once a day at a configured Danish time of day (<c>off</c> turns it off). Every instance of
/// the app runs the service; the job itself claims the day in <c>job_runs</c> (<see cref="JobRuns.ClaimAsync"/>), so
/// only one instance does the work. An instance that starts after the hour catches up at once (the claim tells it whether
/// the day's run has already happened). A failed run is tried again after <see cref="RetryAfter"/>.
/// </summary>
public abstract class DailyJob(TimeProvider clock, ILogger log) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>The time of day in <paramref name="key"/> (default <paramref name="standard"/>); null when set to <c>off</c>.
    /// A value that is not a time is an error at start.</summary>
    public static TimeOnly? DailyAt(IConfiguration config, string key, TimeOnly standard)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return standard;
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase)) return null;
        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new InvalidOperationException($"{key} must be a time like 06:00 or 'off', not '{text}'.");
    }

    /// <summary>When the job runs (Danish time); null: never.</summary>
    protected abstract TimeOnly? At { get; }

    /// <summary>What the log lines call the job.</summary>
    protected abstract string JobName { get; }

    /// <summary>One run: claims the day and does the work, or finds the day done. Throws when it fails.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (At is not { } at)
        {
            log.LogInformation("The daily {Job} is off", JobName);
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
            await RunOnceAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "{Job} failed; trying again in {Minutes} minutes", JobName, RetryAfter.TotalMinutes);
            return false;
        }
    }
}
