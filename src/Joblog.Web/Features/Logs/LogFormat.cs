using System.Globalization;

namespace Joblog.Web.Features.Logs;

/// <summary>Dates and times as Danes write them, in Danish time.</summary>
public static class LogFormat
{
    private static readonly TimeZoneInfo Danish = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Danish).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Danish).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day) => day?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "";
}
