using System.IO.Compression;
using System.Text;

namespace Joblog.Web.Tests.Attachments;

/// <summary>Small files of each kind, made here, and files that must be refused.</summary>
public static class TestFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Docx(int extraEntries = 0, bool macros = false) => Zip(zip =>
    {
        Add(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        Add(zip, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        if (macros) Add(zip, "word/vbaProject.bin", "macro");
        for (var i = 0; i < extraEntries; i++) Add(zip, $"word/media/p{i}.txt", "x");
    });

    /// <summary>A DOCX that declares (and holds) more than 100 MB once unpacked: 101 MB of zeros, about 100 kB packed.</summary>
    public static byte[] DocxBomb() => Zip(zip =>
    {
        Add(zip, "[Content_Types].xml", "<Types/>");
        using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < 101; i++) entry.Write(zeros);
    });

    public static byte[] Odt(string mimetype = "application/vnd.oasis.opendocument.text") => Zip(zip =>
    {
        Add(zip, "mimetype", mimetype, CompressionLevel.NoCompression); // first, stored: as ODF requires
        Add(zip, "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
    });

    public static byte[] Text(string text = "Ansøgning til Bageriet ApS\r\n\tKære Hanne\nMed venlig hilsen\n") => Encoding.UTF8.GetBytes(text);

    /// <summary>The start of a Windows program: "MZ" and NUL bytes.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>A text file of the given size (ASCII letters).</summary>
    public static byte[] OfSize(long bytes)
    {
        var data = new byte[bytes];
        Array.Fill(data, (byte)'a');
        return data;
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
