using System.Buffers.Binary;
using System.IO.Compression;

namespace Joblog.Web.Features.Evidence.Pdf;

/// <summary>
/// The parts of a TrueType font a PDF needs: which glyph draws a character (cmap), how wide it is (hmtx) and the
/// font's metrics. The fonts are DejaVu Sans (Fonts/, embedded in the assembly; licence in Fonts/LICENSE).
/// </summary>
internal sealed class TrueTypeFont
{
    public static readonly TrueTypeFont Regular = Load("DejaVuSans.ttf", "DejaVuSans");
    public static readonly TrueTypeFont Bold = Load("DejaVuSans-Bold.ttf", "DejaVuSans-Bold");

    private readonly ushort[] advances;
    private readonly Dictionary<int, ushort> glyphs;

    private TrueTypeFont(string name, byte[] data)
    {
        Name = name;
        Data = data;
        var tables = Tables(data);
        var head = tables["head"];
        UnitsPerEm = U16(data, head + 18);
        BBox = [S16(data, head + 36), S16(data, head + 38), S16(data, head + 40), S16(data, head + 42)];
        var hhea = tables["hhea"];
        Ascent = S16(data, hhea + 4);
        Descent = S16(data, hhea + 6);
        int metrics = U16(data, hhea + 34), count = U16(data, tables["maxp"] + 4);
        advances = new ushort[count];
        for (var g = 0; g < count; g++)
            advances[g] = U16(data, tables["hmtx"] + 4 * Math.Min(g, metrics - 1));
        glyphs = ReadCmap(data, tables["cmap"]);
    }

    public string Name { get; }
    public byte[] Data { get; }
    public int UnitsPerEm { get; }
    public short Ascent { get; }
    public short Descent { get; }
    public short[] BBox { get; }

    /// <summary>The glyph for a character; 0 (.notdef) when the font has none.</summary>
    public ushort Glyph(int codePoint) => glyphs.TryGetValue(codePoint, out var g) ? g : (ushort)0;

    /// <summary>A glyph's advance width in thousandths of the font size.</summary>
    public int Advance(ushort glyph) => (int)Math.Round(advances[Math.Min(glyph, advances.Length - 1)] * 1000.0 / UnitsPerEm);

    public double Width(string text, double size)
    {
        var units = 0;
        foreach (var rune in text.EnumerateRunes()) units += Advance(Glyph(rune.Value));
        return units * size / 1000;
    }

    internal static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal)) z.Write(data);
        return output.ToArray();
    }

    private static TrueTypeFont Load(string file, string name)
    {
        using var stream = typeof(TrueTypeFont).Assembly.GetManifestResourceStream($"Joblog.Web.Fonts.{file}")
            ?? throw new InvalidOperationException($"Font {file} is not embedded (Fonts/*.ttf in Joblog.Web.csproj).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new TrueTypeFont(name, copy.ToArray());
    }

    private static Dictionary<string, int> Tables(byte[] data) =>
        TableDirectory(data).ToDictionary(t => t.Key, t => t.Value.Offset, StringComparer.Ordinal);

    /// <summary>Where each table of a font file is: tag → offset and length.</summary>
    internal static Dictionary<string, (int Offset, int Length)> TableDirectory(byte[] data)
    {
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (int i = 0, n = U16(data, 4); i < n; i++)
        {
            var record = 12 + 16 * i;
            tables[System.Text.Encoding.ASCII.GetString(data, record, 4)] = ((int)U32(data, record + 8), (int)U32(data, record + 12));
        }
        return tables;
    }

    /// <summary>Unicode → glyph from the Windows Unicode subtable: format 12 (full) if there is one, else format 4 (BMP).</summary>
    private static Dictionary<int, ushort> ReadCmap(byte[] data, int cmap)
    {
        int format4 = -1, format12 = -1;
        for (int i = 0, n = U16(data, cmap + 2); i < n; i++)
        {
            var record = cmap + 4 + 8 * i;
            int platform = U16(data, record), encoding = U16(data, record + 2);
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(record + 4));
            if (U16(data, offset) == 12 && (platform == 3 && encoding == 10 || platform == 0)) format12 = offset;
            if (U16(data, offset) == 4 && (platform == 3 && encoding == 1 || platform == 0)) format4 = offset;
        }
        var map = new Dictionary<int, ushort>();
        if (format12 >= 0)
        {
            var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(format12 + 12));
            for (var i = 0; i < groups; i++)
            {
                var g = format12 + 16 + 12 * i;
                int start = (int)U32(data, g), end = (int)U32(data, g + 4), glyph = (int)U32(data, g + 8);
                for (var c = start; c <= end; c++) map[c] = (ushort)(glyph + c - start);
            }
            return map;
        }
        if (format4 < 0) throw new InvalidOperationException("The font has no Unicode cmap.");
        var segments = U16(data, format4 + 6) / 2;
        int ends = format4 + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = U16(data, ends + 2 * s), start = U16(data, starts + 2 * s), delta = S16(data, deltas + 2 * s);
            var rangeAt = ranges + 2 * s;
            int range = U16(data, rangeAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                var glyph = range == 0 ? c + delta : U16(data, rangeAt + range + 2 * (c - start)) is var g and not 0 ? g + delta : 0;
                if ((glyph & 0xFFFF) != 0) map[c] = (ushort)(glyph & 0xFFFF);
            }
        }
        return map;
    }

    private static ushort U16(byte[] d, int at) => BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(at));
    private static short S16(byte[] d, int at) => BinaryPrimitives.ReadInt16BigEndian(d.AsSpan(at));
    private static uint U32(byte[] d, int at) => BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(at));
}
