using System.Globalization;
using System.Text;

namespace Joblog.Web.Tests.Access;

/// <summary>An endpoint as the matrix names it: the HTTP method and the route pattern as the app defines it (pages with <c>?handler=</c>).</summary>
internal sealed record MatrixEndpoint(string Method, string Route)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>One row of <c>authorization-matrix.csv</c>: an endpoint and the expected status per role (null when the cell is empty).</summary>
internal sealed record MatrixRow(int Line, MatrixEndpoint Endpoint, IReadOnlyDictionary<string, int?> Expected, string Note);

/// <summary>
/// Reads <c>tests/Joblog.Web.Tests/Access/authorization-matrix.csv</c>: a header <c>method,route,&lt;roles…&gt;,note</c>,
/// then one row per endpoint. Fields may be quoted ("…", with "" for a quote), as in RFC 4180.
/// </summary>
internal static class MatrixFile
{
    public const string FileName = "authorization-matrix.csv";

    /// <summary>The callers of the matrix, in the file's column order.</summary>
    public static readonly string[] Roles =
        ["owner", "otherCitizen", "nina", "karl", "berit", "ole", "stine", "ak01Key", "ak02Key", "jc0751Key", "anonymous"];

    public static string Path()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Joblog.sln")))
                return System.IO.Path.Combine(dir.FullName, "tests", "Joblog.Web.Tests", "Access", FileName);
        }
        throw new InvalidOperationException("Joblog.sln not found above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<MatrixRow> Read() => Parse(File.ReadAllText(Path(), Encoding.UTF8));

    public static IReadOnlyList<MatrixRow> Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        string[] header = ["method", "route", .. Roles, "note"];
        var found = Fields(lines[0]);
        if (!found.SequenceEqual(header))
            throw new FormatException($"{FileName}: the header must be {string.Join(',', header)}, not {lines[0]}");

        var rows = new List<MatrixRow>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = Fields(lines[i]);
            if (fields.Count != header.Length)
                throw new FormatException($"{FileName} line {i + 1}: {fields.Count} fields, expected {header.Length}");
            var expected = new Dictionary<string, int?>();
            for (var r = 0; r < Roles.Length; r++)
            {
                var cell = fields[r + 2].Trim();
                expected[Roles[r]] = cell.Length == 0 ? null
                    : int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status
                    : throw new FormatException($"{FileName} line {i + 1}, {Roles[r]}: '{cell}' is not a status code");
            }
            rows.Add(new MatrixRow(i + 1, new MatrixEndpoint(fields[0].Trim(), fields[1].Trim()), expected, fields[^1].Trim()));
        }
        return rows;
    }

    private static List<string> Fields(string line)
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
                else if (i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
