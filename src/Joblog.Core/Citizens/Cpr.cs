namespace Joblog.Core.Citizens;

/// <summary>
/// A CPR number (personnummer). Checked as a date of birth, including replacement numbers
/// (erstatningspersonnumre: the day plus 60). Never checked by modulus 11: numbers without it
/// have been issued since 2007. Its text is never logged: <see cref="ToString"/> masks it.
/// </summary>
public readonly record struct Cpr
{
    private readonly string digits;

    private Cpr(string digits, DateOnly birthDate)
    {
        this.digits = digits;
        BirthDate = birthDate;
    }

    public DateOnly BirthDate { get; }

    /// <summary>The number as "ddmmyy-nnnn" — for storage and downloads only, never for URLs or logs.</summary>
    public string Formatted => $"{digits[..6]}-{digits[6..]}";

    public static bool TryParse(string? text, out Cpr cpr)
    {
        cpr = default;
        if (text is null) return false;
        var compact = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length != 10 || !compact.All(char.IsAsciiDigit)) return false;

        var day = int.Parse(compact[..2], System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(compact[2..4], System.Globalization.CultureInfo.InvariantCulture);
        var yy = int.Parse(compact[4..6], System.Globalization.CultureInfo.InvariantCulture);
        var seventh = compact[6] - '0';
        if (day > 60) day -= 60; // erstatningspersonnummer
        var year = Century(seventh, yy) + yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;

        cpr = new Cpr(compact, new DateOnly(year, month, day));
        return true;
    }

    /// <summary>The century from the 7th digit, as the CPR office defines it.</summary>
    private static int Century(int seventh, int yy) => seventh switch
    {
        <= 3 => 1900,
        4 or 9 => yy <= 36 ? 2000 : 1900,
        _ => yy <= 57 ? 2000 : 1800,
    };

    public override string ToString() => "******-****";
}
