using System.Text;
using Joblog.Web.Features.Attachments;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>The kind of a file is decided by its bytes: what is accepted, and what is refused.</summary>
public sealed class FileKindTests
{
    private static FileKind? Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return FileKind.Detect(stream);
    }

    [Fact]
    public void each_accepted_kind_is_recognised_by_its_content()
    {
        Detect(TestFiles.Pdf()).ShouldBe(FileKind.Pdf);
        Detect(TestFiles.Docx()).ShouldBe(FileKind.Docx);
        Detect(TestFiles.Odt()).ShouldBe(FileKind.Odt);
        Detect(TestFiles.Text()).ShouldBe(FileKind.Text);
        Detect([0xEF, 0xBB, 0xBF, .. TestFiles.Text()]).ShouldBe(FileKind.Text); // with a byte-order mark
    }

    [Fact]
    public void a_program_is_not_text()
    {
        Detect(TestFiles.Exe()).ShouldBeNull();
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0x00, 0x42 })]              // NUL
    [InlineData(new byte[] { 0x41, 0x1B, 0x5B, 0x32, 0x4A })]  // ESC: a terminal control sequence
    [InlineData(new byte[] { 0x41, 0xC3 })]                    // UTF-8 cut off in the middle of "Ã"
    [InlineData(new byte[] { 0xE6, 0xF8, 0xE5 })]              // "æøå" in Latin-1: not UTF-8
    [InlineData(new byte[] { 0xC2, 0x85 })]                    // a C1 control character
    public void text_must_be_utf8_without_control_characters(byte[] bytes)
    {
        Detect(bytes).ShouldBeNull();
    }

    [Fact]
    public void a_zip_that_is_neither_docx_nor_odt_is_refused()
    {
        Detect(TestFiles.Odt(mimetype: "application/vnd.oasis.opendocument.spreadsheet")).ShouldBeNull();
        Detect(TestFiles.Docx(macros: true)).ShouldBeNull(); // a .docm
    }

    [Fact]
    public void a_docx_with_too_many_entries_is_refused_from_its_central_directory()
    {
        Detect(TestFiles.Docx(extraEntries: 997)).ShouldBe(FileKind.Docx); // 999 entries
        Detect(TestFiles.Docx(extraEntries: 999)).ShouldBeNull();           // 1001 entries
    }

    [Fact]
    public void a_docx_that_unpacks_to_more_than_100_MB_is_refused()
    {
        var bomb = TestFiles.DocxBomb();
        bomb.Length.ShouldBeLessThan(1024 * 1024);
        Detect(bomb).ShouldBeNull();
    }

    [Fact]
    public void a_broken_zip_and_an_empty_file_are_refused()
    {
        var docx = TestFiles.Docx();
        Detect(docx[..(docx.Length / 2)]).ShouldBeNull();
        Detect([]).ShouldBeNull();
        Detect(Encoding.ASCII.GetBytes("%PDF")).ShouldBe(FileKind.Text); // four letters are just text
    }
}
