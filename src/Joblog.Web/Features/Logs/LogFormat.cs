using System.Globalization;
using Joblog.Web.Access;

namespace Joblog.Web.Features.Logs;

/// <summary>Dates and times as Danes write them, in Danish time.</summary>
public static class LogFormat
{
    public static string Date(DateTimeOffset at) => DanishClock.Local(at).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => DanishClock.Local(at).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day) => day?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "";

    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <summary>Reads a date as people type it in a form: 24-12-2026, 24/12/2026, 24.12.2026 or 2026-12-24.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
