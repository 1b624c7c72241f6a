using Joblog.Web.Features.Attachments;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>File names are cleaned before they are shown or offered on download; they are never paths.</summary>
public sealed class FileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "txt", "passwd.txt")]
    [InlineData("..\\..\\Windows\\win.ini", "txt", "win.txt")]
    [InlineData("Ansøgning – Åbyhøj Bageri.pdf", "pdf", "Ansøgning – Åbyhøj Bageri.pdf")]
    [InlineData("cv\u0000\u0007\u001b.pdf", "pdf", "cv.pdf")]
    [InlineData("cv\u202Efdp.exe", "pdf", "cvfdp.pdf")]                  // right-to-left override removed, .exe dropped
    [InlineData("line\r\nbreak\ttab.txt", "txt", "line break tab.txt")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "txt", "a_b_c_d_e_f_g_h.txt")]
    [InlineData("CV.txt", "pdf", "CV.pdf")]                              // the extension of the kind the bytes are
    [InlineData("CV.PDF", "pdf", "CV.pdf")]
    [InlineData("Ansøgning v.2", "odt", "Ansøgning v.2.odt")]
    [InlineData("  ..hidden. ", "txt", "hidden.txt")]
    [InlineData("", "docx", "fil.docx")]
    [InlineData("...", "docx", "fil.docx")]
    [InlineData("CON.txt", "txt", "_CON.txt")]
    public void names_are_cleaned(string given, string kind, string expected)
    {
        FileNames.Clean(given, FileKind.All.Single(k => k.Name == kind)).ShouldBe(expected);
    }

    [Fact]
    public void a_very_long_name_is_cut_before_its_extension()
    {
        var cleaned = FileNames.Clean(new string('ø', 300) + ".pdf", FileKind.Pdf);
        cleaned.ShouldBe(new string('ø', FileNames.MaxStemLength) + ".pdf");
    }

    [Fact]
    public void the_ascii_fallback_spells_danish_letters_out()
    {
        FileNames.AsciiFallback("Ansøgning – Åbyhøj Bageri, café \"x\".pdf").ShouldBe("Ansoegning _ Aabyhoej Bageri, cafe _x_.pdf");
    }
}
