using Npgsql;

namespace Joblog.Web.ReferenceData;

/// <summary>The checks that refuse a file with its name and line number before anything of it is written.</summary>
internal static class ReferenceFileCheck
{
    /// <summary>The header, every value and the uniqueness of the keys.</summary>
    public static void Check(ReferenceFile file)
    {
        var (table, csv) = (file.Table, file.Csv);
        if (!csv.Header.SequenceEqual(table.Header, StringComparer.Ordinal))
            throw new ReferenceDataException(csv.Name, 1,
                $"the header is '{string.Join(CsvFile.Separator, csv.Header)}', expected '{string.Join(CsvFile.Separator, table.Header)}'");
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in csv.Rows)
        {
            table.Parse(csv.Name, row);
            var key = string.Join(CsvFile.Separator, row.Fields.Take(table.KeyColumns));
            if (!firstLine.TryAdd(key, row.Line))
                throw new ReferenceDataException(csv.Name, row.Line, $"duplicate key '{key}' (first on line {firstLine[key]})");
        }
    }

    /// <summary>Every referenced code exists (in the database, including what this transaction loaded so far).</summary>
    public static async Task CheckReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceFile file, CancellationToken ct)
    {
        var columns = file.Table.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].References is not { } referenced) continue;
            var known = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand($"select code from {referenced}", connection, transaction))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) known.Add(reader.GetString(0));
            }
            foreach (var row in file.Csv.Rows.Where(r => !known.Contains(r.Fields[i])))
                throw new ReferenceDataException(file.Csv.Name, row.Line, $"{columns[i].Name} '{row.Fields[i]}' is not in {referenced}");
        }
    }
}
