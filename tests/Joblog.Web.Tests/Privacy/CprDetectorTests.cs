using Shouldly;

namespace Joblog.Web.Tests.Privacy;

public sealed class CprDetectorTests
{
    [Theory]
    [InlineData("610190-0001")] // a demo persona: a replacement number, day + 60
    [InlineData("6101900001")]
    [InlineData("010203-4000")]
    [InlineData("311299-1234")]
    [InlineData("290200-1234")] // 29 February 2000
    [InlineData("891290-0001")] // replacement number for the 29th
    [InlineData("Information Joblog.Web.Lookup: Looked up 620185-0002 for demo-ak-01")]
    [InlineData("Request starting HTTP/1.1 GET https://localhost/joblog?q=6101900001 - - -")]
    [InlineData("GET /api/v1/citizens/lookup?cpr=610190-0001&limit=5")]
    [InlineData("GET /api/v1/citizens/lookup/6101900001")]
    [InlineData("GET /joblog?q=610190%2D0001")] // the dash percent-encoded
    [InlineData("GET /lookup%2F6101900001")] // a letter before the number until decoded
    [InlineData("GET /joblog?q=%206101900001")]
    [InlineData("GET /joblog?q=%36%31%30%31%39%30%30%30%30%31")] // every digit encoded
    [InlineData("""{"cpr":"610190-0001"}""")]
    [InlineData("""{"cpr":6101900001,"name":"Mette"}""")]
    [InlineData("""{"note":"Ring til\n6101900001"}""")] // after a JSON escape
    [InlineData("cpr_610190-0001.pdf")]
    public void Finds_a_CPR_number(string text)
    {
        CprDetector.Contains(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("320190-0001")] // day 32
    [InlineData("921290-0001")] // replacement day 32
    [InlineData("600190-0001")] // day 0 as a replacement number
    [InlineData("001290-0001")] // day 0
    [InlineData("611390-0001")] // month 13
    [InlineData("610090-0001")] // month 0
    [InlineData("300290-1234")] // 30 February
    [InlineData("290201-1234")] // 29 February 1901 or 2001
    [InlineData("61019000-0001-4000-8000-610190000123")] // GUIDs
    [InlineData("00000000-0000-0000-0000-006101900001")]
    [InlineData("6101900001abcdef6101900001abcdef")]
    [InlineData("2026-11-21T10:15:30.6101900+01:00")] // timestamps and ticks
    [InlineData("20261121101530")]
    [InlineData("639000610190000123")]
    [InlineData("1763712000")] // Unix seconds in 2025/2026: the month would be 6x or 7x
    [InlineData("Request finished in 0.6101900001 ms")] // a fraction
    [InlineData("Tlf. 12345678")] // Danish phone numbers: 8 digits
    [InlineData("+45 61 01 90 00")]
    [InlineData("61019000")]
    [InlineData("16101900001")] // longer runs of digits or letters
    [InlineData("6101900001234")]
    [InlineData("A6101900001")]
    [InlineData("6101900001x")]
    [InlineData("61019-00001")]
    [InlineData("610190--0001")]
    public void Ignores_what_is_no_CPR_number(string text)
    {
        CprDetector.Contains(text).ShouldBeFalse();
    }

    [Fact]
    public void Masks_every_CPR_number_and_keeps_the_rest()
    {
        CprDetector.Mask("GET /joblog?q=6101900001&side=2 and 010203-4000")
            .ShouldBe("GET /joblog?q=######-####&side=2 and ######-####");
    }

    [Theory]
    [InlineData("GET /joblog?q=610190%2D0001", "GET /joblog?q=######-####")]
    [InlineData("GET /lookup%2F6101900001?x=%C3%A6", "GET /lookup/######-####?x=æ")]
    public void Masks_percent_encoded_text_decoded(string text, string masked)
    {
        CprDetector.Mask(text).ShouldBe(masked);
    }
}
