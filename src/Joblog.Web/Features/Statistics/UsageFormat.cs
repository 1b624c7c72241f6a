using System.Globalization;
using Joblog.Web.Features.Calendar;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Statistics;

/// <summary>The figures as the page and the CSV files write them, in the reader's language: "68,4 %", "4,3", "1.234", "&lt;5".</summary>
public static class UsageFormat
{
    /// <summary>What a suppressed figure reads as.</summary>
    public const string Suppressed = "<5";

    public static string Count(int? n) => n is { } v ? v.ToString("N0", CultureInfo.CurrentCulture) : Suppressed;

    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.CurrentCulture) + " %" : Suppressed;

    /// <summary>A share of the spread (never suppressed: only shown shares are in it).</summary>
    public static string Share(double share) => Share((double?)share);

    public static string PerCitizen(double? perCitizen) => perCitizen is { } p ? p.ToString("0.0", CultureInfo.CurrentCulture) : Suppressed;

    public static string Benchmark(this IStringLocalizer<Texts> t, Benchmark? benchmark) =>
        benchmark is { } b ? t[$"Statistics.Benchmark.{b}"] : Suppressed;

    /// <summary>The css class of the benchmark's colour mark.</summary>
    public static string BenchmarkClass(Benchmark? benchmark) => benchmark switch
    {
        Statistics.Benchmark.Green => "benchmark-green",
        Statistics.Benchmark.LightGreen => "benchmark-lightgreen",
        Statistics.Benchmark.Red => "benchmark-red",
        _ => "benchmark-none",
    };

    /// <summary>The target group's name in the reader's language (the reference data's Danish name when there is no text).</summary>
    public static string GroupName(this IStringLocalizer<Texts> t, DutyGroup group)
    {
        var text = t[$"Statistics.Group.{group.Code}"];
        return text.ResourceNotFound ? group.Name : text.Value;
    }

    /// <summary>"Oktober 2026".</summary>
    public static string Month(DateOnly month) => CalendarText.MonthName(month);

    /// <summary>"oktober 2026" inside a sentence.</summary>
    public static string MonthInSentence(DateOnly month) => CalendarText.MonthInSentence(month);

    /// <summary>"okt. 26" on a chart's axis.</summary>
    public static string ShortMonth(DateOnly month) =>
        month.ToString("MMM yy", CultureInfo.CurrentCulture);
}
