using System.Globalization;
using Joblog.Core.Logs;

namespace Joblog.Web.Features.Search;

/// <summary>The columns a result can be sorted by.</summary>
public enum SearchSort { Name, Applications, DistinctJobTitles, MaxDistanceKm, LastActivityOn }

/// <summary>
/// What a search asks, checked. The period is whole calendar months, <see cref="FromMonth"/> to <see cref="ToMonth"/>
/// (first days), not after the current month; it is counted up to today.
/// </summary>
public sealed record SearchCriteria
{
    /// <summary>Today's target groups to include; empty: all.</summary>
    public IReadOnlyList<string> TargetGroups { get; init; } = [];

    public DateOnly FromMonth { get; init; }

    public DateOnly ToMonth { get; init; }

    public int? MinApplications { get; init; }

    public int? MaxApplications { get; init; }

    /// <summary>Only citizens who applied, within at most this many job titles.</summary>
    public int? MaxDistinctJobTitles { get; init; }

    /// <summary>Only citizens with a known workplace, all of them at most this far from home.</summary>
    public int? MaxDistanceKm { get; init; }

    /// <summary>Only citizens who have registered no log for at least this many days (or never).</summary>
    public int? InactiveDays { get; init; }

    public bool IncludeExempt { get; init; }

    public bool RequirementsNotMet { get; init; }

    /// <summary>The last day the period counts: the end of <see cref="ToMonth"/>, or today if that is sooner.</summary>
    public DateOnly LastDay(DateOnly today)
    {
        var end = ToMonth.AddMonths(1).AddDays(-1);
        return end < today ? end : today;
    }
}

/// <summary>The order and the slice of a result.</summary>
public sealed record SearchPaging(SearchSort Sort, bool Descending, int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static readonly SearchPaging Default = new(SearchSort.Applications, false, 0, DefaultLimit);
}

/// <summary>
/// A search as the API takes it (<c>POST /api/v1/searches</c>) and the page builds it from its form; months as
/// <c>YYYY-MM</c>. <see cref="Check"/> turns it into <see cref="SearchCriteria"/> and <see cref="SearchPaging"/>.
/// </summary>
public sealed record SearchRequest
{
    public IReadOnlyList<string>? TargetGroups { get; init; }
    public string? PeriodFrom { get; init; }
    public string? PeriodTo { get; init; }
    public int? MinApplications { get; init; }
    public int? MaxApplications { get; init; }
    public int? MaxDistinctJobTitles { get; init; }
    public int? MaxDistanceKm { get; init; }
    public int? InactiveDays { get; init; }
    public bool IncludeExempt { get; init; }
    public bool RequirementsNotMet { get; init; }
    public string? Sort { get; init; }
    public string? Direction { get; init; }
    public int? Offset { get; init; }
    public int? Limit { get; init; }

    /// <summary>How far back a period may start, in months before the current one.</summary>
    public const int MonthsBack = 119;

    public static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>(StringComparer.Ordinal)
    {
        ["name"] = SearchSort.Name,
        ["applications"] = SearchSort.Applications,
        ["distinctJobTitles"] = SearchSort.DistinctJobTitles,
        ["maxDistanceKm"] = SearchSort.MaxDistanceKm,
        ["lastActivityOn"] = SearchSort.LastActivityOn,
    };

    /// <summary>The default period: the current month and the two before it.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return (month.AddMonths(-2), month);
    }

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public (SearchCriteria Criteria, SearchPaging Paging)? Check(DateOnly today, IReadOnlyCollection<string> knownGroups, List<FieldError> errors)
    {
        var before = errors.Count;
        var groups = (TargetGroups ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (groups.Any(g => !knownGroups.Contains(g))) errors.Add(new FieldError("targetGroups", "Search.Error.TargetGroupUnknown"));

        var (defaultFrom, defaultTo) = DefaultPeriod(today);
        var thisMonth = defaultTo;
        var from = Month(PeriodFrom, "periodFrom", errors) ?? defaultFrom;
        var to = Month(PeriodTo, "periodTo", errors) ?? defaultTo;
        if (to > thisMonth) errors.Add(new FieldError("periodTo", "Search.Error.PeriodFuture"));
        else if (from > to) errors.Add(new FieldError("periodFrom", "Search.Error.PeriodOrder"));
        if (from < thisMonth.AddMonths(-MonthsBack)) errors.Add(new FieldError("periodFrom", "Search.Error.PeriodTooOld"));

        Range(MinApplications, 0, 9999, "minApplications", "Search.Error.MinApplications", errors);
        Range(MaxApplications, 0, 9999, "maxApplications", "Search.Error.MaxApplications", errors);
        if (MinApplications is { } min && MaxApplications is { } max && min > max && errors.Count == before)
            errors.Add(new FieldError("maxApplications", "Search.Error.ApplicationsOrder"));
        Range(MaxDistinctJobTitles, 1, 999, "maxDistinctJobTitles", "Search.Error.MaxDistinctJobTitles", errors);
        Range(MaxDistanceKm, 0, 1000, "maxDistanceKm", "Search.Error.MaxDistanceKm", errors);
        Range(InactiveDays, 1, 3650, "inactiveDays", "Search.Error.InactiveDays", errors);

        var sort = SearchPaging.Default.Sort;
        if (Sort is not null && !Sorts.TryGetValue(Sort, out sort)) errors.Add(new FieldError("sort", "Search.Error.SortUnknown"));
        if (Direction is not null and not ("asc" or "desc")) errors.Add(new FieldError("direction", "Search.Error.DirectionUnknown"));
        Range(Offset, 0, int.MaxValue, "offset", "Search.Error.Offset", errors);
        Range(Limit, 1, SearchPaging.MaxLimit, "limit", "Api.Error.LimitInvalid", errors);
        if (errors.Count > before) return null;

        var criteria = new SearchCriteria
        {
            TargetGroups = groups, FromMonth = from, ToMonth = to, MinApplications = MinApplications, MaxApplications = MaxApplications,
            MaxDistinctJobTitles = MaxDistinctJobTitles, MaxDistanceKm = MaxDistanceKm, InactiveDays = InactiveDays,
            IncludeExempt = IncludeExempt, RequirementsNotMet = RequirementsNotMet,
        };
        return (criteria, new SearchPaging(sort, Direction == "desc", Offset ?? 0, Limit ?? SearchPaging.DefaultLimit));
    }

    private static DateOnly? Month(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        errors.Add(new FieldError(field, "Search.Error.MonthInvalid"));
        return null;
    }

    private static void Range(int? value, int min, int max, string field, string key, List<FieldError> errors)
    {
        if (value is { } v && (v < min || v > max)) errors.Add(new FieldError(field, key));
    }
}
