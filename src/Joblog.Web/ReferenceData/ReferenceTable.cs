using System.Globalization;
using System.Text.RegularExpressions;
using NpgsqlTypes;

namespace Joblog.Web.ReferenceData;

public enum ColumnKind { Text, Code4, Number, OptionalNumber, WholeNumber, YesNo }

/// <summary>A CSV column and the database column of the same name; <paramref name="References"/> names the table
/// whose <c>code</c> the value must be (checked before loading, so the error can name the line); a non-null
/// <paramref name="OneOf"/> lists the only values allowed.</summary>
public sealed record Column(string Name, ColumnKind Kind, string? References = null, IReadOnlyList<string>? OneOf = null);

/// <summary>
/// How one CSV file maps to one table: its header is exactly <see cref="Columns"/>, the first
/// <see cref="KeyColumns"/> columns are the key, and <see cref="Fixed"/> adds constant columns (an a-kasse's kind).
/// </summary>
public sealed partial record ReferenceTable(
    string FileName, string Table, IReadOnlyList<Column> Columns, int KeyColumns,
    IReadOnlyList<(string Column, string Value)>? Fixed = null, string? KeyPattern = null)
{
    public IEnumerable<string> Header => Columns.Select(c => c.Name);

    /// <summary>Insert, or update only when something differs, so a repeat writes nothing.</summary>
    public string UpsertSql
    {
        get
        {
            var fixedColumns = Fixed ?? [];
            var names = Columns.Select(c => c.Name).Concat(fixedColumns.Select(f => f.Column)).ToList();
            var values = Columns.Select((_, i) => $"${i + 1}").Concat(fixedColumns.Select(f => $"'{f.Value}'"));
            var keys = string.Join(", ", names.Take(KeyColumns));
            var rest = names.Skip(KeyColumns).ToList();
            var conflict = rest.Count == 0
                ? "do nothing"
                : $"do update set {string.Join(", ", rest.Select(n => $"{n} = excluded.{n}"))} " +
                  $"where ({string.Join(", ", rest.Select(n => $"t.{n}"))}) is distinct from " +
                  $"({string.Join(", ", rest.Select(n => $"excluded.{n}"))})";
            return $"insert into {Table} as t ({string.Join(", ", names)}) values ({string.Join(", ", values)}) " +
                   $"on conflict ({keys}) {conflict}";
        }
    }

    /// <summary>The typed values of one row, in column order; refuses a bad value with the line number.</summary>
    public IReadOnlyList<(object Value, NpgsqlDbType Type)> Parse(string fileName, CsvRow row)
    {
        if (row.Fields.Count != Columns.Count)
            throw new ReferenceDataException(fileName, row.Line, $"expected {Columns.Count} fields, found {row.Fields.Count}");
        if (KeyPattern is not null && !Regex.IsMatch(row.Fields[0], KeyPattern))
            throw new ReferenceDataException(fileName, row.Line, $"{Columns[0].Name} '{row.Fields[0]}' does not match {KeyPattern}");
        return Columns.Select((column, i) => ParseValue(fileName, row.Line, column, row.Fields[i])).ToList();
    }

    private static (object, NpgsqlDbType) ParseValue(string fileName, int line, Column column, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        object? value = column.Kind switch
        {
            ColumnKind.Text => text.Length > 0 ? text : null,
            ColumnKind.Code4 => FourDigits().IsMatch(text) ? text : null,
            ColumnKind.WholeNumber => int.TryParse(text, NumberStyles.None, invariant, out var i) ? i : null,
            ColumnKind.YesNo => bool.TryParse(text, out var b) ? b : null,
            ColumnKind.Number or ColumnKind.OptionalNumber =>
                double.TryParse(text, NumberStyles.Float, invariant, out var d) && double.IsFinite(d) ? d : null,
            _ => throw new InvalidOperationException(column.Kind.ToString()),
        };
        var type = column.Kind switch
        {
            ColumnKind.WholeNumber => NpgsqlDbType.Integer,
            ColumnKind.YesNo => NpgsqlDbType.Boolean,
            ColumnKind.Number or ColumnKind.OptionalNumber => NpgsqlDbType.Double,
            _ => NpgsqlDbType.Text,
        };
        if (value is not null && column.OneOf is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
            throw new ReferenceDataException(fileName, line, $"{column.Name} '{text}' is not one of {string.Join(", ", allowed)}");
        if (value is not null) return (value, type);
        if (column.Kind == ColumnKind.OptionalNumber && text.Length == 0) return (DBNull.Value, type);
        var expected = column.Kind switch
        {
            ColumnKind.Code4 => "four digits",
            ColumnKind.WholeNumber => "a whole number",
            ColumnKind.YesNo => "true or false",
            ColumnKind.Text => "a value",
            _ => "a number with a decimal point",
        };
        throw new ReferenceDataException(fileName, line, $"{column.Name} '{text}' is not {expected}");
    }

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();
}
