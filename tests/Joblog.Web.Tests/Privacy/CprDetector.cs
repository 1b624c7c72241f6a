using System.Text.RegularExpressions;

namespace Joblog.Web.Tests.Privacy;

/// <summary>
/// Finds CPR numbers in free text (log lines, URLs, JSON): ten digits <c>DDMMYY-XXXX</c> or <c>DDMMYYXXXX</c> whose first six
/// are a date — the day may be a replacement number's (day + 60, as every demo CPR) — and that are not part of a longer run of
/// letters or digits, so GUIDs, ticks and timestamps do not match. No modulus-11 check (real numbers need not pass it).
/// Percent-encoded text (<c>%2D</c>, <c>%2F6101900001</c>) is also read decoded.
/// </summary>
public static partial class CprDetector
{
    /// <summary>What a CPR number is replaced by in <see cref="Mask"/>.</summary>
    public const string Masked = "######-####";

    // Ten digits, the dash optional, not followed by a letter or digit. What comes before is checked in StandsAlone (a regex
    // starting with a lookbehind is tried at every position; this one starts at digits only).
    [GeneratedRegex(@"(?<day>[0-9]{2})(?<month>[0-9]{2})(?<year>[0-9]{2})-?[0-9]{4}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    /// <summary>Whether the text holds a CPR number (as written or percent-decoded).</summary>
    public static bool Contains(string text) =>
        Find(text).Any() || (text.Contains('%', StringComparison.Ordinal) && Find(Decode(text)).Any());

    /// <summary>The text with every CPR number replaced by <see cref="Masked"/>; percent-encoded text comes back decoded.</summary>
    public static string Mask(string text)
    {
        var masked = MaskRaw(text);
        return masked.Contains('%', StringComparison.Ordinal) ? MaskRaw(Decode(masked)) : masked;
    }

    private static string MaskRaw(string text) =>
        Candidate().Replace(text, m => IsCpr(text, m) ? Masked : m.Value);

    private static IEnumerable<Match> Find(string text) => Candidate().Matches(text).Where(m => IsCpr(text, m));

    private static bool IsCpr(string text, Match match) => StandsAlone(text, match.Index) && IsDate(match);

    /// <summary>
    /// Not preceded by a letter or digit (a JSON escape such as <c>\n</c> counts as a separator), nor by a decimal point after
    /// a digit (0.6101900001 is a fraction). A candidate refused here hides no other: it ends where letters and digits end.
    /// </summary>
    private static bool StandsAlone(string text, int start)
    {
        if (start == 0) return true;
        var before = text[start - 1];
        if (before == '.') return start < 2 || !char.IsAsciiDigit(text[start - 2]);
        if (!char.IsLetter(before) && !char.IsNumber(before)) return true;
        return start >= 2 && text[start - 2] == '\\' && before is 'n' or 'r' or 't';
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text); // leaves invalid sequences as they are

    private static bool IsDate(Match match)
    {
        var day = Number(match.Groups["day"]);
        var month = Number(match.Groups["month"]);
        var year = Number(match.Groups["year"]);
        if (day > 60) day -= 60; // a replacement number (erstatningspersonnummer)
        if (month is < 1 or > 12 || day < 1) return false;
        // The century is unknown: the 29th of February is a date when some century makes the year a leap year.
        var longest = month == 2 ? (year % 4 == 0 ? 29 : 28) : DateTime.DaysInMonth(2001, month);
        return day <= longest;
    }

    private static int Number(Group group) => (group.Value[0] - '0') * 10 + (group.Value[1] - '0');
}
