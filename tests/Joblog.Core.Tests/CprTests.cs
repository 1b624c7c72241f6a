using Joblog.Core.Citizens;
using Shouldly;

namespace Joblog.Core.Tests;

public class CprTests
{
    [Theory]
    [InlineData("610190-0001", 1990, 1, 1)]   // replacement number: day + 60
    [InlineData("6201851234", 1985, 1, 2)]
    [InlineData("010203-4000", 2003, 2, 1)]   // 7th digit 4, year <= 36: 2000s
    [InlineData("010260-4000", 1960, 2, 1)]   // 7th digit 4, year > 36: 1900s
    [InlineData("010160-5000", 1860, 1, 1)]   // 7th digit 5, year > 57: 1800s
    [InlineData("290200-4000", 2000, 2, 29)]  // leap day 2000
    public void accepts_real_dates_and_replacement_numbers(string text, int year, int month, int day)
    {
        Cpr.TryParse(text, out var cpr).ShouldBeTrue();
        cpr.BirthDate.ShouldBe(new DateOnly(year, month, day));
    }

    [Fact]
    public void never_rejects_a_number_for_failing_modulus_11()
    {
        // 010190-0000 fails the modulus 11 check but is a valid date.
        Cpr.TryParse("010190-0000", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("320190-0001")]  // day 32
    [InlineData("921390-0001")]  // replacement day 32
    [InlineData("011390-0001")]  // month 13
    [InlineData("290201-0001")]  // 29 Feb 1901
    [InlineData("0101900")]
    [InlineData("01019O-0001")]
    [InlineData("")]
    [InlineData(null)]
    public void rejects_what_is_not_a_date(string? text) => Cpr.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void never_shows_its_digits_as_text()
    {
        Cpr.TryParse("610190-0001", out var cpr).ShouldBeTrue();
        cpr.ToString().ShouldNotContain("0190");
        $"{cpr}".ShouldNotContain("0001");
        cpr.Formatted.ShouldBe("610190-0001");
    }
}
