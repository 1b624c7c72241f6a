using System.Globalization;

namespace Joblog.Web.Features.Calendar;

/// <summary>One row of a month calendar: the ISO week number and its seven days, Monday first.</summary>
public sealed record CalendarWeek(int Number, IReadOnlyList<DateOnly> Days);

/// <summary>A month as the Danish calendar shows it: Monday first, ISO 8601 week numbers.</summary>
public static class CalendarMonth
{
    /// <summary>The weeks that hold a day of the month (4 to 6), from the Monday on or before the 1st.</summary>
    public static IReadOnlyList<CalendarWeek> Weeks(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var monday = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var weeks = new List<CalendarWeek>();
        for (var start = monday; start <= last; start = start.AddDays(7))
            weeks.Add(new CalendarWeek(ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)),
                Enumerable.Range(0, 7).Select(start.AddDays).ToList()));
        return weeks;
    }

    /// <summary>"2026-11" → 1 November 2026; null when it is not a month (years 1900–2200).</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1900 and <= 2200
            ? d : null;

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Monday to Sunday.</summary>
    public static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
