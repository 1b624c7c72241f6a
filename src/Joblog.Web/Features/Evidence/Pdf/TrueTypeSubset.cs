using System.Buffers.Binary;

namespace Joblog.Web.Features.Evidence.Pdf;

/// <summary>
/// Makes a TrueType font file with only the glyphs a document uses (and the parts of composite glyphs they need):
/// glyph ids stay the same, unused glyphs become empty. Only the tables a PDF viewer needs to draw are kept, so an
/// export of a few pages embeds tens of kilobytes of font instead of the whole font.
/// </summary>
internal static class TrueTypeSubset
{
    private static readonly string[] Kept = ["OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

    public static byte[] Create(byte[] font, IEnumerable<ushort> used)
    {
        var tables = TrueTypeFont.TableDirectory(font);
        var head = tables["head"];
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"].Offset + 4));
        var loca = tables["loca"].Offset;
        var glyf = tables["glyf"].Offset;
        int Start(int g) => longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca + 4 * g))
                                     : BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca + 2 * g)) * 2;

        var keep = new HashSet<int>();
        var pending = new Stack<int>(used.Select(g => (int)g).Append(0)); // 0: .notdef, always there
        while (pending.TryPop(out var g))
        {
            if (g >= glyphCount || !keep.Add(g)) continue;
            foreach (var component in Components(font, glyf + Start(g), Start(g + 1) - Start(g))) pending.Push(component);
        }

        using var glyphs = new MemoryStream();
        var offsets = new uint[glyphCount + 1];
        for (var g = 0; g < glyphCount; g++)
        {
            offsets[g] = (uint)glyphs.Position;
            if (!keep.Contains(g)) continue;
            glyphs.Write(font.AsSpan(glyf + Start(g), Start(g + 1) - Start(g)));
            while (glyphs.Position % 4 != 0) glyphs.WriteByte(0);
        }
        offsets[glyphCount] = (uint)glyphs.Position;
        var newLoca = new byte[4 * offsets.Length];
        for (var i = 0; i < offsets.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * i), offsets[i]);
        var newHead = font.AsSpan(head.Offset, head.Length).ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // long loca
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below

        var content = Kept.Where(tables.ContainsKey).ToDictionary(tag => tag, tag => tag switch
        {
            "glyf" => glyphs.ToArray(),
            "loca" => newLoca,
            "head" => newHead,
            _ => font.AsSpan(tables[tag].Offset, tables[tag].Length).ToArray(),
        });
        var file = Write(content);
        var adjustment = unchecked(0xB1B0AFBA - Checksum(file));
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(HeadOffset(file) + 8), adjustment);
        return file;
    }

    /// <summary>The glyphs a composite glyph is made of (none for a simple or empty glyph).</summary>
    private static IEnumerable<int> Components(byte[] font, int at, int length)
    {
        if (length < 10 || BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(at)) >= 0) yield break;
        var p = at + 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(p));
            yield return BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(p + 2));
            p += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
        } while ((flags & 0x20) != 0);
    }

    private static byte[] Write(Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var header = 12 + 16 * tags.Count;
        var size = header + tags.Sum(t => (tables[t].Length + 3) & ~3);
        var file = new byte[size];
        var power = 1;
        while (power * 2 <= tags.Count) power *= 2;
        BinaryPrimitives.WriteUInt32BigEndian(file, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)tags.Count);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), (ushort)Math.Log2(power));
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)(tags.Count * 16 - power * 16));
        var offset = header;
        for (var i = 0; i < tags.Count; i++)
        {
            var data = tables[tags[i]];
            var record = 12 + 16 * i;
            System.Text.Encoding.ASCII.GetBytes(tags[i], file.AsSpan(record));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 4), Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 12), (uint)data.Length);
            data.CopyTo(file, offset);
            offset += (data.Length + 3) & ~3;
        }
        return file;
    }

    private static int HeadOffset(byte[] file) => TrueTypeFont.TableDirectory(file)["head"].Offset;

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var b = 0; b < 4; b++) word = (word << 8) | (i + b < data.Length ? data[i + b] : 0u);
            sum = unchecked(sum + word);
        }
        return sum;
    }
}
