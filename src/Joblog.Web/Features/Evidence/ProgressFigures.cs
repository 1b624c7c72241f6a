using System.Globalization;
using Joblog.Core.Logs;

namespace Joblog.Web.Features.Evidence;

/// <summary>Applications in one ISO week (Monday to Sunday).</summary>
public sealed record WeekCount(int Year, int Week, DateOnly Monday, int Applications)
{
    public DateOnly Sunday => Monday.AddDays(6);
}

public sealed record TitleCount(string Title, int Applications);

public sealed record OccupationCount(string Code, string? Title, int Applications);

/// <summary>A distance band, from <see cref="FromKm"/> (included) to <see cref="ToKm"/> (excluded; null: no upper limit).</summary>
public sealed record DistanceBand(int FromKm, int? ToKm, int Applications);

/// <summary>How far from home the applications with a known workplace were; <see cref="Unknown"/> had no position.</summary>
public sealed record DistanceSummary(int Known, int Unknown, double? MinKm, double? MedianKm, double? MaxKm, IReadOnlyList<DistanceBand> Bands);

/// <summary>
/// The citizen's progress over the last <see cref="Weeks"/> ISO weeks (this week included): applications per week,
/// the job titles and occupations applied for, and the distances from home.
/// An application is a job-search log whose status is not "Ikke søgt"; it counts on <see cref="EvidenceDates.DayOf"/>.
/// </summary>
public sealed record ProgressFigures(
    IReadOnlyList<WeekCount> PerWeek, IReadOnlyList<TitleCount> Titles, IReadOnlyList<OccupationCount> Occupations, DistanceSummary Distances)
{
    public const int Weeks = 8;

    public static readonly IReadOnlyList<(int From, int? To)> BandLimits = [(0, 10), (10, 25), (25, 50), (50, null)];

    public DateOnly From => PerWeek[0].Monday;

    public DateOnly To => PerWeek[^1].Sunday;

    public int Total => PerWeek.Sum(w => w.Applications);

    public static bool IsApplication(Joblog.Web.Features.Logs.Log log) =>
        log.Content.Kind == LogKind.JobSearch && log.Content.Status is { } s && s != LogStatus.NotApplied;

    public static ProgressFigures Compute(IEnumerable<PlacedLog> logs, DateOnly today)
    {
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (Weeks - 1));
        // Oldest first, so a job title is shown as it was first written.
        var applications = logs.Where(l => IsApplication(l.Log) && l.Day >= firstMonday && l.Day <= thisMonday.AddDays(6))
            .OrderBy(l => l.Log.CreatedAt).ToList();

        var perWeek = Enumerable.Range(0, Weeks).Select(i =>
        {
            var monday = firstMonday.AddDays(7 * i);
            var date = monday.ToDateTime(TimeOnly.MinValue);
            return new WeekCount(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), monday,
                applications.Count(a => a.Day >= monday && a.Day <= monday.AddDays(6)));
        }).ToList();

        var titles = applications
            .GroupBy(a => a.Log.Content.JobTitle!.Trim(), StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true))
            .Select(g => new TitleCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Applications).ThenBy(t => t.Title, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), ignoreCase: true))
            .ToList();
        var occupations = applications.Where(a => !string.IsNullOrEmpty(a.Log.Content.OccupationCode))
            .GroupBy(a => a.Log.Content.OccupationCode!)
            .Select(g => new OccupationCount(g.Key, g.First().OccupationTitle, g.Count()))
            .OrderByDescending(o => o.Applications).ThenBy(o => o.Code, StringComparer.Ordinal)
            .ToList();

        return new ProgressFigures(perWeek, titles, occupations, Summarize(applications));
    }

    private static DistanceSummary Summarize(IReadOnlyCollection<PlacedLog> applications)
    {
        var km = applications.Where(a => a.DistanceKm is not null).Select(a => a.DistanceKm!.Value).Order().ToList();
        var bands = BandLimits.Select(b => new DistanceBand(b.From, b.To, km.Count(d => d >= b.From && (b.To is not { } to || d < to)))).ToList();
        if (km.Count == 0) return new DistanceSummary(0, applications.Count, null, null, null, bands);
        var middle = km.Count / 2;
        var median = km.Count % 2 == 1 ? km[middle] : (km[middle - 1] + km[middle]) / 2;
        return new DistanceSummary(km.Count, applications.Count - km.Count, km[0], median, km[^1], bands);
    }
}
