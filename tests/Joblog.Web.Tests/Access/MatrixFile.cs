using System.Globalization;
using Joblog.Web.ReferenceData;

namespace Joblog.Web.Tests.Access;

/// <summary>An endpoint as the matrix names it: the HTTP method and the route pattern as the app defines it (pages with <c>?handler=</c>).</summary>
internal sealed record MatrixEndpoint(string Method, string Route)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>One row of <c>authorization-matrix.csv</c>: an endpoint and the expected status per role (null when the cell is empty).</summary>
internal sealed record MatrixRow(int Line, MatrixEndpoint Endpoint, IReadOnlyDictionary<string, int?> Expected, string Note);

/// <summary>
/// Reads <c>tests/Joblog.Web.Tests/Access/authorization-matrix.csv</c>, a CSV file like the app's reference data
/// (<see cref="CsvFile"/>: <c>;</c> between fields): the header <c>method;route;&lt;roles…&gt;;note</c>, then one row per endpoint.
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

    public static IReadOnlyList<MatrixRow> Read()
    {
        var file = CsvFile.Read(Path());
        string[] header = ["method", "route", .. Roles, "note"];
        if (!file.Header.SequenceEqual(header))
            throw new FormatException($"{FileName}: the header must be {string.Join(CsvFile.Separator, header)}");
        return file.Rows.Select(row =>
        {
            if (row.Fields.Count != header.Length)
                throw new FormatException($"{FileName} line {row.Line}: {row.Fields.Count} fields, expected {header.Length}");
            var expected = Roles.Select((role, i) => (role, cell: row.Fields[i + 2])).ToDictionary(c => c.role, c => c.cell.Length == 0 ? (int?)null
                : int.TryParse(c.cell, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status
                : throw new FormatException($"{FileName} line {row.Line}, {c.role}: '{c.cell}' is not a status code"));
            return new MatrixRow(row.Line, new MatrixEndpoint(row.Fields[0], row.Fields[1]), expected, row.Fields[^1]);
        }).ToList();
    }
}
