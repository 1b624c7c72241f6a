using System.Text;
using Joblog.Web.Features.Calendar;
using Shouldly;

namespace Joblog.Web.Tests.Calendar;

/// <summary>RFC 5545 text: escaping, folding at 75 octets, CRLF, the events' date forms.</summary>
public sealed class ICalendarWriterTests
{
    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_newlines()
    {
        ICalendarWriter.Escape("A\\B;C,D\nE\r\nF").ShouldBe("A\\\\B\\;C\\,D\\nE\\nF");
    }

    [Fact]
    public void A_long_line_is_folded_into_lines_of_at_most_75_octets_without_splitting_a_character()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Lønbogholder på Ærø ", 8));

        var folded = ICalendarWriter.Fold(line);

        var lines = folded.Split("\r\n");
        lines.Length.ShouldBeGreaterThan(2);
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith(' '));
        string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])).ShouldBe(line); // unfolding gives the line back
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(folded)).ShouldBe(folded); // no character cut in two
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var line = "SUMMARY:" + new string('x', 67);

        ICalendarWriter.Fold(line).ShouldBe(line);
    }

    [Fact]
    public void Whole_days_are_dates_and_interviews_are_utc_times_with_crlf_line_endings()
    {
        var stamp = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var text = ICalendarWriter.Write("Joblog", [
            new FeedEvent("a-planned@joblog", new DateOnly(2026, 11, 30), null, "Planlagt: Kok, Kroen; Nord", stamp),
            new FeedEvent("b-interview@joblog", new DateOnly(2026, 12, 1), new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.FromHours(1)), "Samtale: Kok", stamp),
        ]);

        text.ShouldStartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        text.ShouldContain("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n");
        text.ShouldContain("DTSTART:20261201T093000Z\r\n");
        text.ShouldContain("DTSTAMP:20261120T080000Z\r\n");
        text.ShouldContain("SUMMARY:Planlagt: Kok\\, Kroen\\; Nord\r\n");
    }
}
