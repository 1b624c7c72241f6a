using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Joblog.Web.Features.Attachments;

/// <summary>The kinds of file a log accepts, with the content type they are served as and their extension.</summary>
public sealed record FileKind(string Name, string ContentType, string Extension)
{
    public static readonly FileKind Pdf = new("pdf", "application/pdf", ".pdf");
    public static readonly FileKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Odt = new("odt", "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly FileKind Text = new("txt", "text/plain; charset=utf-8", ".txt");

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Docx, Odt, Text];

    public static FileKind? ByContentType(string contentType) => All.FirstOrDefault(k => k.ContentType == contentType);

    /// <summary>
    /// Decides the kind from the bytes alone (never the name): PDF by its header, DOCX and ODT by what
    /// their ZIP archive holds, plain text as valid UTF-8 without control characters. Null: not accepted,
    /// including archives with too many entries or too much declared uncompressed content.
    /// </summary>
    public static FileKind? Detect(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 5 && head.SequenceEqual("%PDF-"u8)) return Pdf;
        if (read >= 4 && head[..4].SequenceEqual("PK\u0003\u0004"u8)) return DetectArchive(content);
        return IsPlainText(content) ? Text : null;
    }

    private static FileKind? DetectArchive(Stream content)
    {
        if (!CentralDirectoryIsSmall(content)) return null;
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count == 0 || entries.Count > AttachmentLimits.MaxArchiveEntries) return null;
            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > AttachmentLimits.MaxArchiveUncompressedBytes) return null;
            }
            if (entries[0].FullName == "mimetype" && ReadSmallEntry(entries[0]) == "application/vnd.oasis.opendocument.text") return Odt;
            var names = entries.Select(e => e.FullName).ToList();
            var word = names.Contains("[Content_Types].xml") && names.Any(n => n.StartsWith("word/", StringComparison.Ordinal));
            var macros = names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)); // .docm is not .docx
            return word && !macros ? Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// Reads the entry count from the end-of-central-directory record before the archive is opened,
    /// so that a directory of a million entries is refused without being read. ZIP64 is refused: a
    /// document of at most 10 MB never needs it.
    /// </summary>
    private static bool CentralDirectoryIsSmall(Stream content)
    {
        const int recordSize = 22;
        var tailLength = (int)Math.Min(content.Length, recordSize + ushort.MaxValue);
        var tail = new byte[tailLength];
        content.Position = content.Length - tailLength;
        content.ReadExactly(tail);
        for (var i = tailLength - recordSize; i >= 0; i--)
        {
            if (!tail.AsSpan(i, 4).SequenceEqual("PK\u0005\u0006"u8)) continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 12));
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 16));
            return entries <= AttachmentLimits.MaxArchiveEntries && size != uint.MaxValue && offset != uint.MaxValue;
        }
        return false;
    }

    private static string? ReadSmallEntry(ZipArchiveEntry entry)
    {
        if (entry.Length > 100) return null;
        using var stream = entry.Open();
        var buffer = new byte[100];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>Valid UTF-8 (a BOM is fine) with no NUL or other control characters but tab, line feed, form feed and carriage return.</summary>
    private static bool IsPlainText(Stream content)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 1];
        var any = false;
        try
        {
            int read;
            while ((read = content.Read(bytes)) > 0)
            {
                any = true;
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                if (chars.AsSpan(0, count).ContainsAny(ControlCharacters)) return false;
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true); // a sequence cut off at the end
            return any;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\f' or '\r')).Append(0x7F).Concat(Enumerable.Range(0x80, 0x20))
            .Select(c => (char)c).ToArray());
}
