using System.Globalization;
using System.Text;

namespace Joblog.Web.Features.Evidence.Pdf;

/// <summary>
/// A small PDF 1.7 writer for text documents: A4 pages of text in embedded TrueType fonts (Type0/Identity-H, with a
/// ToUnicode map so the text can be searched and copied), content streams compressed. Enough for the evidence export;
/// written here because the only PDF library in the package feed (PDFsharp 6.5) is AGPL-licensed.
/// </summary>
internal sealed class PdfDocumentBuilder
{
    public const double PageWidth = 595.28, PageHeight = 841.89; // A4 in points

    private readonly List<FontUse> fonts = [];
    private readonly List<StringBuilder> pages = [];

    public IReadOnlyList<StringBuilder> Pages => pages;

    public StringBuilder AddPage()
    {
        var page = new StringBuilder();
        pages.Add(page);
        return page;
    }

    /// <summary>Writes <paramref name="text"/> at (x, y) — y from the bottom of the page, at the baseline.</summary>
    public void Text(StringBuilder page, TrueTypeFont font, double size, double x, double y, string text)
    {
        var use = Use(font);
        var hex = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = font.Glyph(rune.Value);
            use.Unicode.TryAdd(glyph, rune.ToString());
            hex.Append(glyph.ToString("X4", CultureInfo.InvariantCulture));
        }
        page.Append(CultureInfo.InvariantCulture, $"BT /{use.Name} {N(size)} Tf 1 0 0 1 {N(x)} {N(y)} Tm <{hex}> Tj ET\n");
    }

    public static void Line(StringBuilder page, double x1, double y1, double x2, double y2, double width = 0.5) =>
        page.Append(CultureInfo.InvariantCulture, $"{N(width)} w 0.45 G {N(x1)} {N(y1)} m {N(x2)} {N(y2)} l S\n");

    /// <summary>The whole file: catalog, pages, fonts and the document information (title, language Danish unless told).</summary>
    public byte[] Save(string title, string language, DateTimeOffset created)
    {
        var file = new PdfFile();
        var catalog = file.Reserve();
        var pageTree = file.Reserve();
        var fontRefs = string.Join(" ", fonts.Select(f => $"/{f.Name} {WriteFont(file, f)} 0 R"));
        var kids = new List<int>();
        foreach (var content in pages)
        {
            var stream = file.Stream("", TrueTypeFont.Deflate(Encoding.ASCII.GetBytes(content.ToString())), deflated: true);
            kids.Add(file.Add($"<< /Type /Page /Parent {pageTree} 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] " +
                              $"/Resources << /Font << {fontRefs} >> >> /Contents {stream} 0 R >>"));
        }
        file.Set(pageTree, $"<< /Type /Pages /Kids [{string.Join(" ", kids.Select(k => $"{k} 0 R"))}] /Count {kids.Count} >>");
        file.Set(catalog, $"<< /Type /Catalog /Pages {pageTree} 0 R /Lang ({language}) /ViewerPreferences << /DisplayDocTitle true >> >>");
        var info = file.Add($"<< /Title {TextString(title)} /Producer (Joblog) /CreationDate (D:{created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z) >>");
        return file.Bytes(catalog, info);
    }

    private FontUse Use(TrueTypeFont font)
    {
        var use = fonts.FirstOrDefault(f => f.Font == font);
        if (use is null) fonts.Add(use = new FontUse(font, $"F{fonts.Count + 1}"));
        return use;
    }

    private static int WriteFont(PdfFile file, FontUse use)
    {
        var f = use.Font;
        double Scale(int v) => v * 1000.0 / f.UnitsPerEm;
        var subset = TrueTypeSubset.Create(f.Data, use.Unicode.Keys);
        var fontFile = file.Stream($"/Length1 {subset.Length}", TrueTypeFont.Deflate(subset), deflated: true);
        var name = SubsetTag(use.Unicode.Keys) + "+" + f.Name;
        var descriptor = file.Add($"<< /Type /FontDescriptor /FontName /{name} /Flags 32 " +
            $"/FontBBox [{string.Join(" ", f.BBox.Select(b => N(Scale(b))))}] /ItalicAngle 0 /Ascent {N(Scale(f.Ascent))} " +
            $"/Descent {N(Scale(f.Descent))} /CapHeight {N(Scale(f.Ascent))} /StemV 80 /FontFile2 {fontFile} 0 R >>");
        var widths = string.Join(" ", use.Unicode.Keys.Order().Select(g => $"{g} [{f.Advance(g)}]"));
        var cid = file.Add($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} " +
            $"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R " +
            $"/DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>");
        var toUnicode = file.Stream("", TrueTypeFont.Deflate(Encoding.ASCII.GetBytes(ToUnicodeMap(use.Unicode))), deflated: true);
        return file.Add($"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H " +
                        $"/DescendantFonts [{cid} 0 R] /ToUnicode {toUnicode} 0 R >>");
    }

    /// <summary>The six capital letters that name a font subset (PDF 32000-1, 9.6.4), from the glyphs it holds.</summary>
    private static string SubsetTag(IEnumerable<ushort> glyphs)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(glyphs.Order().SelectMany(BitConverter.GetBytes).ToArray());
        return new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
    }

    private static string ToUnicodeMap(IReadOnlyDictionary<ushort, string> unicode)
    {
        var map = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        foreach (var chunk in unicode.OrderBy(kv => kv.Key).Chunk(100))
        {
            map.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (glyph, text) in chunk)
                map.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>\n");
            map.Append("endbfchar\n");
        }
        return map.Append("endcmap CMapName currentdict /CMap defineresource pop end end\n").ToString();
    }

    /// <summary>A text string in UTF-16BE with a byte order mark, as hex (any character, nothing to escape).</summary>
    private static string TextString(string text) => $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>";

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record FontUse(TrueTypeFont Font, string Name)
    {
        public Dictionary<ushort, string> Unicode { get; } = [];
    }

    /// <summary>Numbered objects and the cross-reference table.</summary>
    private sealed class PdfFile
    {
        private readonly List<byte[]?> objects = [];

        public int Reserve()
        {
            objects.Add(null);
            return objects.Count;
        }

        public int Add(string dictionary)
        {
            var id = Reserve();
            Set(id, dictionary);
            return id;
        }

        public void Set(int id, string dictionary) => objects[id - 1] = Encoding.ASCII.GetBytes(dictionary);

        public int Stream(string entries, byte[] data, bool deflated)
        {
            var id = Reserve();
            var head = Encoding.ASCII.GetBytes($"<< /Length {data.Length}{(deflated ? " /Filter /FlateDecode" : "")} {entries} >>\nstream\n");
            objects[id - 1] = [.. head, .. data, .. "\nendstream"u8];
            return id;
        }

        public byte[] Bytes(int root, int info)
        {
            using var output = new MemoryStream();
            void Write(string s) => output.Write(Encoding.ASCII.GetBytes(s));
            Write("%PDF-1.7\n");
            output.Write([0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]); // binary marker comment
            var offsets = new List<long>();
            for (var i = 0; i < objects.Count; i++)
            {
                offsets.Add(output.Position);
                Write($"{i + 1} 0 obj\n");
                output.Write(objects[i] ?? throw new InvalidOperationException($"PDF object {i + 1} was reserved but never written."));
                Write("\nendobj\n");
            }
            var xref = output.Position;
            Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets) Write($"{offset:D10} 00000 n \n");
            Write($"trailer\n<< /Size {objects.Count + 1} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return output.ToArray();
        }
    }
}
