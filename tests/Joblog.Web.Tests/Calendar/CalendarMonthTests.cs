using Joblog.Web.Features.Calendar;
using Shouldly;

namespace Joblog.Web.Tests.Calendar;

/// <summary>The month grid: Monday first, ISO 8601 week numbers (as Danish calendars count them).</summary>
public sealed class CalendarMonthTests
{
    [Fact]
    public void November_2026_runs_from_Monday_26_October_in_week_44_to_Monday_30_November_in_week_49()
    {
        var weeks = CalendarMonth.Weeks(new DateOnly(2026, 11, 1));

        weeks.Select(w => w.Number).ShouldBe([44, 45, 46, 47, 48, 49]);
        weeks[0].Days[0].ShouldBe(new DateOnly(2026, 10, 26));
        weeks[0].Days[6].ShouldBe(new DateOnly(2026, 11, 1)); // a Sunday: the 1st is in the last column
        weeks[^1].Days[0].ShouldBe(new DateOnly(2026, 11, 30));
        weeks.ShouldAllBe(w => w.Days.Count == 7 && w.Days[0].DayOfWeek == DayOfWeek.Monday);
    }

    [Fact]
    public void January_2027_starts_in_week_53_of_2026()
    {
        var weeks = CalendarMonth.Weeks(new DateOnly(2027, 1, 1));

        weeks[0].Number.ShouldBe(53);
        weeks[0].Days[0].ShouldBe(new DateOnly(2026, 12, 28));
        weeks[1].Number.ShouldBe(1);
    }

    [Fact]
    public void February_2027_fits_in_four_weeks()
    {
        var weeks = CalendarMonth.Weeks(new DateOnly(2027, 2, 1)); // 1 February 2027 is a Monday, 28 days

        weeks.Count.ShouldBe(4);
        weeks[^1].Days[^1].ShouldBe(new DateOnly(2027, 2, 28));
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData(" 2027-01 ", 2027, 1)]
    public void A_month_in_the_query_is_read(string text, int year, int month) =>
        CalendarMonth.Parse(text).ShouldBe(new DateOnly(year, month, 1));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("11-2026")]
    [InlineData("2026-11-01")]
    [InlineData("0001-01")]
    public void Anything_else_is_no_month(string? text) => CalendarMonth.Parse(text).ShouldBeNull();
}
