namespace Joblog.Web.Features.Statistics;

/// <summary>One computed cell (a <c>joblog_usage</c> row, or the country's when <see cref="MunicipalityCode"/> is null), before suppression.</summary>
public sealed record UsageCell(DateOnly Month, string TargetGroup, string? MunicipalityCode, string? MunicipalityName, int Obligated, int Logged, int Applications);

/// <summary>
/// A cell as it may be shown (<see cref="UsageRules.Publish"/>): a null count or figure is suppressed ("&lt;5").
/// <see cref="Share"/> is 0–1; <see cref="ApplicationsPerCitizen"/> and <see cref="Benchmark"/> are shown when
/// <see cref="Obligated"/> is.
/// </summary>
public sealed record UsageFigure(DateOnly Month, string TargetGroup, string? MunicipalityCode, string? MunicipalityName,
    int? Obligated, int? Logged, double? Share, double? ApplicationsPerCitizen, Benchmark? Benchmark)
{
    public bool Suppressed => Obligated is null || Logged is null;
}

/// <summary>
/// The spread of the share between municipalities: minimum, quartiles and maximum over the municipalities whose share is
/// shown (a hidden share is not in it: the minimum or maximum would give it away), unrounded. Quartiles by linear interpolation between
/// the sorted values (position (n − 1) × p; as Excel's QUARTILE.INC and PostgreSQL's percentile_cont).
/// </summary>
public sealed record Spread(int Count, double Min, double Q1, double Median, double Q3, double Max)
{
    public static Spread? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        return new Spread(sorted.Length, sorted[0], Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75), sorted[^1]);
    }

    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var position = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

/// <summary>When the figures were last computed, and which months that computation covered.</summary>
public sealed record UsageFreshness(DateTimeOffset FinishedAt, DateOnly FromMonth, DateOnly ToMonth, bool FullHistory, DateTimeOffset? LastFullAt);
