namespace Joblog.Web.Access;

/// <summary>Dates in Joblog are Danish dates: "today" is today in Copenhagen.</summary>
public static class DanishClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The instant a Danish day (at <paramref name="time"/>) begins, in UTC.</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time = default) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), Zone), TimeSpan.Zero);

    /// <summary>An instant as a Copenhagen wall-clock time.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);
}
