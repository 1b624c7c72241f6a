using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Calendar;

/// <summary>How calendar entries and dates read, on the page and in the feed.</summary>
public static class CalendarText
{
    public static string Kind(this IStringLocalizer<Texts> t, CalendarKind kind) => t[$"Calendar.Kind.{kind}"];

    /// <summary>The log's title: the job title, or the kind of activity.</summary>
    public static string Title(this IStringLocalizer<Texts> t, CalendarEntry e) =>
        e.JobTitle ?? t.Name(e.Activity ?? ActivityType.Other);

    /// <summary>"Samtale 09:00" or "Planlagt".</summary>
    public static string KindAndTime(this IStringLocalizer<Texts> t, CalendarEntry e) =>
        e.At is { } at ? $"{t.Kind(e.Kind)} {DanishClock.Local(at).ToString("HH:mm", CultureInfo.InvariantCulture)}" : t.Kind(e.Kind);

    /// <summary>"Samtale: Kontorassistent, Aarhus Kommune" — the feed's SUMMARY (the time is the event's own).</summary>
    public static string Summary(this IStringLocalizer<Texts> t, CalendarEntry e) =>
        e.Employer is { } employer
            ? t["Calendar.SummaryWithEmployer", t.Kind(e.Kind), t.Title(e), employer]
            : t["Calendar.Summary", t.Kind(e.Kind), t.Title(e)];

    /// <summary>"November 2026", as a heading.</summary>
    public static string MonthName(DateOnly month) => Capitalize(MonthInSentence(month));

    /// <summary>"november 2026" in Danish, "November 2026" in English: for use inside a sentence.</summary>
    public static string MonthInSentence(DateOnly month) =>
        CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(month.Month) + " " + month.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Mandag 30. november" (the format is a text: Danish and English differ).</summary>
    public static string LongDay(this IStringLocalizer<Texts> t, DateOnly day) =>
        Capitalize(day.ToString(t["Calendar.DayFormat"], CultureInfo.CurrentCulture));

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>"Man", "Tir" … / "Mon", "Tue" …: the first three letters of the day's name.</summary>
    public static string ShortDayName(DayOfWeek day) => Capitalize(DayName(day)[..3]);

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.CurrentCulture) + s[1..];
}
