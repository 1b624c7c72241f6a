using System.Globalization;

namespace Joblog.Web.Features.Logs;

/// <summary>Dates and times as Danes write them, in Danish time.</summary>
public static class LogFormat
{
    private static readonly TimeZoneInfo Danish = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Danish).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Danish).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day) => day?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "";

    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>Reads a date as people type it in a form: 24-12-2026, 24/12/2026, 24.12.2026 or 2026-12-24.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
