using System.Globalization;
using Joblog.Web.Features.Evidence;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Statistics;

/// <summary>
/// What <c>/statistik</c> shows, as CSV for Danish Excel (<see cref="CsvExport"/>: UTF-8 with BOM, <c>;</c>, CRLF): the month
/// (the country, then the municipalities ranked, or the jobcenter's own) or the trend (per month the country and the
/// chosen municipality). Numbers in the reader's language; a suppressed figure is "&lt;5", as on the page.
/// </summary>
public static class UsageCsv
{
    public static byte[] Month(UsageView v, IStringLocalizer<Texts> t)
    {
        var group = t.GroupName(v.Group);
        IEnumerable<string> Line(string rank, string code, string name, UsageFigure f) =>
            [StatisticsMonths.Format(v.Month), group, rank, code, name, .. Figures(f, t)];
        string[] header = [t["Statistics.Column.Month"], t["Statistics.Form.Group"], t["Statistics.Column.Rank"], t["Statistics.Column.Code"],
            t["Statistics.Column.Area"], .. Headers(t)];
        var country = v.National is { } n ? [Line("", "", t["Statistics.Country"], n)] : Array.Empty<IEnumerable<string>>();
        var municipalities = v.Ranking.Select(r => Line(r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", r.Figure.MunicipalityCode ?? "",
            r.Figure.MunicipalityName ?? "", r.Figure));
        return CsvExport.Write([header, .. country, .. municipalities]);
    }

    public static byte[] Trend(UsageView v, IStringLocalizer<Texts> t)
    {
        var group = t.GroupName(v.Group);
        string[] header = [t["Statistics.Column.Month"], t["Statistics.Form.Group"], t["Statistics.Column.Code"], t["Statistics.Column.Area"], .. Headers(t)];
        var lines = v.Trend.SelectMany(p => p.Municipality is { } m && v.TrendMunicipality is { } which
            ? new[] { Line(p.Month, "", t["Statistics.Country"], p.National), Line(p.Month, which.Code, which.Name, m) }
            : [Line(p.Month, "", t["Statistics.Country"], p.National)]);
        return CsvExport.Write([header, .. lines]);

        IEnumerable<string> Line(DateOnly month, string code, string name, UsageFigure f) =>
            [StatisticsMonths.Format(month), group, code, name, .. Figures(f, t)];
    }

    private static string[] Headers(IStringLocalizer<Texts> t) =>
    [
        t["Statistics.Column.Obligated"], t["Statistics.Column.Logged"], t["Statistics.Column.SharePercent"], t["Statistics.Column.PerCitizen"],
        t["Statistics.Column.Benchmark"],
    ];

    private static string[] Figures(UsageFigure f, IStringLocalizer<Texts> t) =>
    [
        f.Obligated?.ToString(CultureInfo.InvariantCulture) ?? UsageFormat.Suppressed,
        f.Logged?.ToString(CultureInfo.InvariantCulture) ?? UsageFormat.Suppressed,
        f.Share is { } s ? (s * 100).ToString("0.0", CultureInfo.CurrentCulture) : UsageFormat.Suppressed,
        UsageFormat.PerCitizen(f.ApplicationsPerCitizen),
        t.Benchmark(f.Benchmark),
    ];
}
