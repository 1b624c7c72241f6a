namespace Joblog.Web.Access;

/// <summary>Dates in Joblog are Danish dates: "today" is today in Copenhagen.</summary>
public static class DanishClock
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
