using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Joblog.Web.Tests.Evidence;

/// <summary>
/// Reads the text of a PDF the way a viewer's "copy text" does, enough for the PDFs Joblog writes: each page's content
/// stream, the font chosen with <c>Tf</c>, the glyph codes of <c>&lt;…&gt; Tj</c>, and each font's ToUnicode map.
/// </summary>
internal static partial class PdfText
{
    public static int PageCount(byte[] pdf) =>
        int.Parse(PagesCount().Match(Latin1(pdf)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The text of every page, one line per text-showing operator.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var objects = Objects(pdf);
        var pages = new List<string>();
        foreach (var (_, page) in objects.Where(o => o.Value.Dictionary.Contains("/Type /Page ", StringComparison.Ordinal)).OrderBy(o => o.Key))
        {
            var fonts = FontRefs().Match(page.Dictionary).Groups[1].Value;
            var maps = FontRef().Matches(fonts).ToDictionary(m => m.Groups[1].Value, m => ToUnicode(objects, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
            var content = Latin1(objects[Reference(page.Dictionary, "Contents")].Stream!);
            var text = new StringBuilder();
            string? font = null;
            foreach (Match op in Operators().Matches(content))
            {
                if (op.Groups["font"].Success) font = op.Groups["font"].Value;
                else text.AppendLine(Decode(op.Groups["hex"].Value, maps[font!]));
            }
            pages.Add(text.ToString());
        }
        return pages;
    }

    public static string All(byte[] pdf) => string.Join("\n", Pages(pdf));

    private static string Decode(string hex, Dictionary<string, string> map)
    {
        var text = new StringBuilder();
        for (var i = 0; i + 4 <= hex.Length; i += 4) text.Append(map.TryGetValue(hex.Substring(i, 4), out var s) ? s : "\uFFFD");
        return text.ToString();
    }

    private static Dictionary<string, string> ToUnicode(Dictionary<int, PdfObject> objects, int font)
    {
        var cmap = Latin1(objects[Reference(objects[font].Dictionary, "ToUnicode")].Stream!);
        return BfChar().Matches(cmap).ToDictionary(m => m.Groups[1].Value.ToUpperInvariant(),
            m => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(m.Groups[2].Value)));
    }

    private static int Reference(string dictionary, string key) =>
        int.Parse(Regex.Match(dictionary, $@"/{key} (\d+) 0 R").Groups[1].Value, CultureInfo.InvariantCulture);

    private sealed record PdfObject(string Dictionary, byte[]? Stream);

    private static Dictionary<int, PdfObject> Objects(byte[] pdf)
    {
        var text = Latin1(pdf);
        var objects = new Dictionary<int, PdfObject>();
        foreach (Match m in ObjectPattern().Matches(text))
        {
            var body = m.Groups[2].Value;
            var streamAt = body.IndexOf("stream\n", StringComparison.Ordinal);
            if (streamAt < 0)
            {
                objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = new PdfObject(body, null);
                continue;
            }
            var dictionary = body[..streamAt];
            var length = int.Parse(Regex.Match(dictionary, @"/Length (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            var raw = pdf.AsSpan(m.Groups[2].Index + streamAt + "stream\n".Length, length).ToArray();
            if (dictionary.Contains("/FlateDecode", StringComparison.Ordinal))
            {
                using var z = new ZLibStream(new MemoryStream(raw), CompressionMode.Decompress);
                using var output = new MemoryStream();
                z.CopyTo(output);
                raw = output.ToArray();
            }
            objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = new PdfObject(dictionary, raw);
        }
        return objects;
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [GeneratedRegex(@"(?s)(\d+) 0 obj\n(.*?)\nendobj")]
    private static partial Regex ObjectPattern();

    [GeneratedRegex(@"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)")]
    private static partial Regex PagesCount();

    [GeneratedRegex(@"/Font << (.*?) >>")]
    private static partial Regex FontRefs();

    [GeneratedRegex(@"/(\w+) (\d+) 0 R")]
    private static partial Regex FontRef();

    [GeneratedRegex(@"/(?<font>\w+) [\d.]+ Tf|<(?<hex>[0-9A-Fa-f]*)> Tj")]
    private static partial Regex Operators();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>")]
    private static partial Regex BfChar();
}
