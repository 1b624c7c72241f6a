using System.Globalization;

namespace Joblog.Web.Features.Statistics;

/// <summary>The agency's benchmark of applications per citizen per month (seed 002, STAR's "smileys").</summary>
public enum Benchmark { Green, LightGreen, Red }

/// <summary>
/// The rules of the joblog statistics (issue 7), written the same way on the page <c>/statistik</c> and in the README.
/// <list type="bullet">
/// <item>Months are Danish calendar months; only whole months that have ended are counted.</item>
/// <item><b>Duty to log in a month</b>: on at least <see cref="MinDutyDays"/> days of the month the citizen was in a target
/// group with a duty to log (<c>target_groups.duty_to_log</c>: starts_on ≤ day ≤ ends_on, or open) and not exempt
/// (an exemption applies on a day when starts_on ≤ day ≤ ends_on, or open).</item>
/// <item><b>Which group</b>: the duty group of most of those days; on a tie the group of the later days. A citizen counts
/// once a month, in one group.</item>
/// <item><b>Logged</b>: created at least one log (job search or other activity, through any channel) in the month.</item>
/// <item><b>Applications</b>: job-search logs with status applied, interview, rejected or hired (closed ones too), on the
/// day applied for, else the Danish day the log was created — the requirements' definition. Per citizen: the applications
/// of those with a duty that month, divided by their number.</item>
/// <item><b>Municipality</b>: the citizen's municipality today (moves are not kept).</item>
/// <item><b>Suppression</b>: see <see cref="Publish"/>.</item>
/// </list>
/// </summary>
public static class UsageRules
{
    public const int MinDutyDays = 15;

    /// <summary>A count of fewer citizens than this is shown as "&lt;5".</summary>
    public const int SuppressBelow = 5;

    public const double GreenFrom = 6;

    public const double LightGreenFrom = 1;

    /// <summary>Green: 6 or more applications per citizen; light green: 1 to under 6; red: under 1 (the "0").</summary>
    public static Benchmark BenchmarkOf(double applicationsPerCitizen) =>
        applicationsPerCitizen >= GreenFrom ? Benchmark.Green : applicationsPerCitizen >= LightGreenFrom ? Benchmark.LightGreen : Benchmark.Red;

    /// <summary>The share of those with a duty who logged, 0–1, to 3 decimals (0.684 = 68.4 %).</summary>
    public static double Share(int logged, int obligated) => Math.Round((double)logged / obligated, 3, MidpointRounding.AwayFromZero);

    /// <summary>Applications per citizen with a duty, to 1 decimal; the benchmark colour is taken of this figure.</summary>
    public static double PerCitizen(int applications, int obligated) => Math.Round((double)applications / obligated, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// What may be shown of one month and target group: the municipalities and the whole country.
    /// <list type="number">
    /// <item>Fewer than 5 with a duty: nothing of the cell is shown (obligated, logged, share, applications per citizen).</item>
    /// <item>Fewer than 5 who logged, or fewer than 5 who did not: the number who logged and the share are not shown (either
    /// would tell about fewer than 5 people).</item>
    /// <item>Differencing: the country minus the municipalities shown is the sum of those not shown. When exactly one
    /// municipality's figure is hidden and the country's is shown, the smallest shown figure of the same kind is hidden too
    /// (for obligated, then for logged), so that no hidden figure can be worked out by subtraction.</item>
    /// </list>
    /// </summary>
    public static (UsageFigure National, IReadOnlyList<UsageFigure> Municipalities) Publish(UsageCell national, IReadOnlyList<UsageCell> municipalities)
    {
        var showObligated = municipalities.ToDictionary(c => c.MunicipalityCode!, c => c.Obligated >= SuppressBelow);
        var showLogged = municipalities.ToDictionary(c => c.MunicipalityCode!, c => ShowsLogged(c));

        if (national.Obligated >= SuppressBelow) HideOneMore(municipalities, showObligated, c => c.Obligated);
        foreach (var c in municipalities.Where(c => !showObligated[c.MunicipalityCode!])) showLogged[c.MunicipalityCode!] = false;
        if (ShowsLogged(national)) HideOneMore(municipalities, showLogged, c => c.Logged);

        return (Figure(national, national.Obligated >= SuppressBelow, ShowsLogged(national)),
            municipalities.Select(c => Figure(c, showObligated[c.MunicipalityCode!], showLogged[c.MunicipalityCode!])).ToList());
    }

    private static bool ShowsLogged(UsageCell c) =>
        c.Obligated >= SuppressBelow && c.Logged >= SuppressBelow && c.Obligated - c.Logged >= SuppressBelow;

    /// <summary>When exactly one cell is hidden, also hides the shown cell with the smallest value (then the lowest code).</summary>
    private static void HideOneMore(IReadOnlyList<UsageCell> cells, Dictionary<string, bool> shown, Func<UsageCell, int> value)
    {
        if (shown.Count(s => !s.Value) != 1) return;
        var next = cells.Where(c => shown[c.MunicipalityCode!]).OrderBy(value).ThenBy(c => c.MunicipalityCode, StringComparer.Ordinal).FirstOrDefault();
        if (next is not null) shown[next.MunicipalityCode!] = false;
    }

    private static UsageFigure Figure(UsageCell c, bool obligated, bool logged)
    {
        double? perCitizen = obligated ? PerCitizen(c.Applications, c.Obligated) : null;
        return new UsageFigure(c.Month, c.TargetGroup, c.MunicipalityCode, c.MunicipalityName,
            obligated ? c.Obligated : null, logged ? c.Logged : null, logged ? Share(c.Logged, c.Obligated) : null,
            perCitizen, perCitizen is { } p ? BenchmarkOf(p) : null);
    }

    /// <summary>
    /// Competition ranking by share, highest first ("1, 2, 2, 4"); ties in share are listed by applications per citizen, then
    /// name. Municipalities whose share is not shown get no rank and come last, by name.
    /// </summary>
    public static IReadOnlyList<(int? Rank, UsageFigure Figure)> Rank(IEnumerable<UsageFigure> figures)
    {
        var all = figures.ToList();
        var shown = all.Where(f => f.Share is not null)
            .OrderByDescending(f => f.Share).ThenByDescending(f => f.ApplicationsPerCitizen).ThenBy(f => f.MunicipalityName, StringComparer.Create(Danish, false))
            .ToList();
        var ranked = shown.Select(f => ((int?)(shown.FindIndex(o => o.Share == f.Share) + 1), f));
        var hidden = all.Where(f => f.Share is null).OrderBy(f => f.MunicipalityName, StringComparer.Create(Danish, false)).Select(f => ((int?)null, f));
        return [.. ranked, .. hidden];
    }

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
}
