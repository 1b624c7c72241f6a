using System.Text;

namespace Joblog.Web.ReferenceData;

/// <summary>One line of a CSV file with its 1-based line number.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A UTF-8 CSV file with a header row, fields separated by <c>;</c>. A field may be quoted with <c>"</c>
/// (a quote inside is doubled); a quoted field cannot span lines. Blank lines are skipped.
/// </summary>
public sealed class CsvFile
{
    public const char Separator = ';';

    private CsvFile(string name, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows) =>
        (Name, Header, Rows) = (name, header, rows);

    /// <summary>The file name, used in messages.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvFile Read(string name, Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        IReadOnlyList<string>? header = null;
        var rows = new List<CsvRow>();
        var number = 0;
        try
        {
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0 && header is not null) continue;
                var fields = Split(line) ?? throw new ReferenceDataException(name, number, "unbalanced quotes");
                if (header is null) header = fields;
                else rows.Add(new CsvRow(number, fields));
            }
        }
        catch (DecoderFallbackException)
        {
            throw new ReferenceDataException(name, number + 1, "the file is not valid UTF-8");
        }
        return new CsvFile(name, header ?? throw new ReferenceDataException(name, 1, "the file is empty"), rows);
    }

    public static CsvFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(Path.GetFileName(path), stream);
    }

    /// <summary>Splits one line into trimmed fields; null if a quote is not closed.</summary>
    private static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == Separator) { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
