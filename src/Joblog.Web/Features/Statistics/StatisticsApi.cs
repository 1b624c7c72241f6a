using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Api;
using Joblog.Web.Auth;

namespace Joblog.Web.Features.Statistics;

/// <summary>
/// One cell of the statistics. A figure that is suppressed (fewer than 5 citizens behind it) is null and
/// <c>suppressed</c> is true; <c>share</c> is 0–1 (3 decimals), <c>applicationsPerCitizen</c> has 1 decimal and
/// <c>benchmark</c> is its colour (green: 6 or more, lightGreen: 1 to under 6, red: under 1).
/// </summary>
public sealed record UsageRowDto(string Month, string? MunicipalityCode, string TargetGroup, int? Obligated, int? Logged, double? Share,
    double? ApplicationsPerCitizen, Benchmark? Benchmark, bool Suppressed)
{
    public static UsageRowDto Of(UsageFigure f) => new(StatisticsMonths.Format(f.Month), f.MunicipalityCode, f.TargetGroup, f.Obligated, f.Logged,
        f.Share, f.ApplicationsPerCitizen, f.Benchmark, f.Suppressed);
}

/// <summary>The answer: the months asked for, when the figures were computed, the municipalities' rows and the country's.</summary>
public sealed record UsageDto(string From, string To, DateTimeOffset? UpdatedAt, IReadOnlyList<UsageRowDto> Rows, IReadOnlyList<UsageRowDto> National);

/// <summary>
/// GET /api/v1/statistics/joblog-usage?from=YYYY-MM&amp;to=YYYY-MM[&amp;municipality=NNNN][&amp;targetGroup=code] — the statistics
/// (<see cref="UsageRules"/>): the agency's staff and systems get every municipality; a jobcenter's its own (another
/// municipality asked for: 403); anyone else 403. Without from/to: the 12 months up to the last computed. No personal data.
/// </summary>
public static class StatisticsApi
{
    /// <summary>At most this many months in one answer (ten years).</summary>
    public const int MaxMonths = 120;

    public static void MapStatisticsApi(this RouteGroupBuilder api) =>
        api.MapGet("/statistics/joblog-usage", Get).WithTags("Statistics").Produces<UsageDto>();

    private static async Task<IResult> Get(HttpContext http, UsageQuery query, TimeProvider clock, Problems problems,
        string? from, string? to, string? municipality, string? targetGroup)
    {
        var ct = http.RequestAborted;
        if (await query.ScopeForAsync(Actor.From(http.User), ct) is not { } scope) return problems.Forbidden();

        var errors = new List<FieldError>();
        var first = Month(from, "from", errors);
        var last = Month(to, "to", errors);
        if (municipality is not null && !(await query.MunicipalitiesAsync(ct)).Any(m => m.Code == municipality))
            errors.Add(new FieldError("municipality", "Statistics.Api.MunicipalityInvalid"));
        if (targetGroup is not null && !(await query.GroupsAsync(ct)).Any(g => g.Code == targetGroup))
            errors.Add(new FieldError("targetGroup", "Statistics.Api.TargetGroupInvalid"));
        if (errors.Count > 0) return problems.Validation(errors);
        if (municipality is not null && !scope.Sees(municipality)) return problems.Forbidden();

        var end = last ?? await query.NewestMonthAsync(clock, ct);
        var start = first ?? end.AddMonths(-11);
        if (start > end) return problems.Validation([new FieldError("from", "Statistics.Api.FromAfterTo")]);
        if (StatisticsMonths.Count(start, end) > MaxMonths) return problems.Validation([new FieldError("to", "Statistics.Api.TooManyMonths")]);

        var table = await query.ReadAsync(start, end, targetGroup, ct);
        var shown = municipality ?? scope.MunicipalityCode;
        var rows = table.Municipalities.Where(f => shown is null || f.MunicipalityCode == shown).Select(UsageRowDto.Of).ToList();
        var freshness = await query.FreshnessAsync(ct);
        return TypedResults.Ok(new UsageDto(StatisticsMonths.Format(start), StatisticsMonths.Format(end), freshness?.FinishedAt, rows,
            table.National.Select(UsageRowDto.Of).ToList()));
    }

    private static DateOnly? Month(string? text, string field, List<FieldError> errors)
    {
        if (text is null) return null;
        if (StatisticsMonths.Parse(text) is { } month) return month;
        errors.Add(new FieldError(field, "Statistics.Api.MonthInvalid"));
        return null;
    }
}

/// <summary>Months as the statistics write them: <c>YYYY-MM</c>, held as the month's first day.</summary>
public static class StatisticsMonths
{
    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static int Count(DateOnly from, DateOnly to) => (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
}
