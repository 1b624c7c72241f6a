using System.Globalization;
using System.Text;

namespace Joblog.Web.Features.Calendar;

/// <summary>One event of an iCalendar feed: a whole day (<see cref="At"/> null) or an hour from an instant.</summary>
public sealed record FeedEvent(string Uid, DateOnly Day, DateTimeOffset? At, string Summary, DateTimeOffset Stamp);

/// <summary>
/// RFC 5545 text, written by hand: CRLF line endings, lines folded at 75 octets (never inside a
/// UTF-8 character), TEXT values escaped (backslash, semicolon, comma, newline).
/// </summary>
public static class ICalendarWriter
{
    public const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<FeedEvent> events)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(Fold(line)).Append("\r\n");

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Joblog//Joblog kalender//DA");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line("X-PUBLISHED-TTL:PT1H");
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + Escape(e.Uid));
            Line("DTSTAMP:" + Utc(e.Stamp));
            if (e.At is { } at)
            {
                Line("DTSTART:" + Utc(at));
                Line("DURATION:PT1H");
            }
            else
            {
                Line("DTSTART;VALUE=DATE:" + Date(e.Day));
                Line("DTEND;VALUE=DATE:" + Date(e.Day.AddDays(1)));
                Line("TRANSP:TRANSPARENT");
            }
            Line("SUMMARY:" + Escape(e.Summary));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>A TEXT value: \ ; , escaped, line breaks as \n.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Splits a content line into lines of at most 75 octets; each continuation starts with a space.</summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxOctets) return line;
        var folded = new StringBuilder();
        var octets = 0;
        var index = 0;
        while (index < line.Length)
        {
            var length = char.IsSurrogatePair(line, index) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(index, length));
            if (octets + size > MaxOctets)
            {
                folded.Append("\r\n ");
                octets = 1;
            }
            folded.Append(line, index, length);
            octets += size;
            index += length;
        }
        return folded.ToString();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
