namespace Joblog.Web.Features.Statistics;

/// <summary>What the page's form asks for (the query string): month, target group, municipality of the trend, months of the trend.</summary>
public sealed record UsageChoice(string? Maaned, string? Maalgruppe, string? Kommune, int? Periode);

/// <summary>One month of the trend: the country and (when one is chosen) the municipality.</summary>
public sealed record TrendPoint(DateOnly Month, UsageFigure National, UsageFigure? Municipality);

/// <summary>
/// What <c>/statistik</c> shows, and its CSV files: the chosen month and target group (the country, the spread, the
/// municipalities ranked — for a jobcenter only its own), and the trend of the months up to the chosen one. Built from one
/// read of <see cref="UsageQuery"/>; the choices are checked against what exists and fall back to the defaults.
/// </summary>
public sealed record UsageView(
    StatisticsScope Scope, UsageFreshness? Freshness, IReadOnlyList<DateOnly> Months, IReadOnlyList<DutyGroup> Groups,
    IReadOnlyList<Municipality> Municipalities, DateOnly Month, DutyGroup Group, Municipality? TrendMunicipality, int TrendMonths,
    UsageFigure? National, Spread? Spread, IReadOnlyList<(int? Rank, UsageFigure Figure)> Ranking, int Ranked, IReadOnlyList<TrendPoint> Trend)
{
    public static readonly int[] TrendLengths = [12, 24, 60];

    /// <summary>The seed's concern, and the default: job-ready social-assistance recipients.</summary>
    public const string DefaultGroup = "jobready";

    public bool HasFigures => Months.Count > 0;

    public static async Task<UsageView> LoadAsync(UsageQuery query, StatisticsScope scope, UsageChoice choice, CancellationToken ct)
    {
        var months = await query.MonthsAsync(ct);
        var groups = await query.GroupsAsync(ct);
        var municipalities = await query.MunicipalitiesAsync(ct);
        var month = StatisticsMonths.Parse(choice.Maaned) is { } asked && months.Contains(asked) ? asked : months.Count > 0 ? months[0] : default;
        var group = groups.FirstOrDefault(g => g.Code == choice.Maalgruppe) ?? groups.FirstOrDefault(g => g.Code == DefaultGroup) ?? groups[0];
        var trendMunicipality = scope.WholeCountry
            ? municipalities.FirstOrDefault(m => m.Code == choice.Kommune)
            : municipalities.FirstOrDefault(m => m.Code == scope.MunicipalityCode);
        var length = choice.Periode is { } p && TrendLengths.Contains(p) ? p : TrendLengths[0];
        var freshness = await query.FreshnessAsync(ct);
        if (months.Count == 0)
            return new UsageView(scope, freshness, months, groups, municipalities, month, group, trendMunicipality, length, null, null, [], 0, []);

        var table = await query.ReadAsync(month.AddMonths(1 - length), month, group.Code, ct);
        var slice = table.MunicipalitiesOf(month, group.Code).ToList();
        var ranking = UsageRules.Rank(slice);
        var trend = table.National.Where(n => n.TargetGroup == group.Code).OrderBy(n => n.Month)
            .Select(n => new TrendPoint(n.Month, n, trendMunicipality is { } m ? table.Of(n.Month, group.Code, m.Code) : null))
            .ToList();
        return new UsageView(scope, freshness, months, groups, municipalities, month, group, trendMunicipality, length,
            table.NationalOf(month, group.Code), Spread.Of(slice.Where(f => f.Share is not null).Select(f => (double)f.Logged!.Value / f.Obligated!.Value)),
            ranking.Where(r => scope.Sees(r.Figure.MunicipalityCode!)).ToList(), ranking.Count(r => r.Rank is not null), trend);
    }
}

/// <summary>The model of <c>_Figures.cshtml</c>: the view, and the jobcenter's own municipality (null for the agency).</summary>
public sealed record FiguresTable(UsageView View, Municipality? Own);
