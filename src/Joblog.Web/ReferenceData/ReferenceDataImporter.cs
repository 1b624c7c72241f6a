using Npgsql;

namespace Joblog.Web.ReferenceData;

/// <summary>What an import did with one file: its data rows, and how many rows were inserted or changed.</summary>
public sealed record ImportedFile(string FileName, int Rows, int Changed, bool Skipped);

/// <summary>
/// Loads the reference-data CSV files (see <see cref="ReferenceTables"/>) into their tables. A set of files loads in one
/// transaction, under an advisory lock: every row is upserted (a row that is already equal is not touched, so a
/// repeat changes nothing), and a file with a wrong header, a bad value, a duplicate key or an unknown reference is
/// refused with its name and line number, and nothing of the set is loaded. Rows missing from a newer file are kept
/// (logs and citizens may refer to them).
/// </summary>
public static class ReferenceDataImporter
{
    /// <summary>The advisory lock key: "joblogR" in ASCII.</summary>
    public const long AdvisoryLockKey = 0x6A6F626C6F6752;

    /// <summary>
    /// The start-up hook (after the migrations): loads the files shipped in the app, each only if that shipped version
    /// has not been loaded before, so an official file an operator loaded since stays until the app ships a new one.
    /// </summary>
    public static Task<IReadOnlyList<ImportedFile>> ImportShippedAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        ImportAsync(dataSource, ReferenceTables.All.Select(ReferenceFile.Shipped).ToList(), ct);

    /// <summary>Loads the shipped files whether or not they were loaded before (upsert: equal rows stay untouched).</summary>
    public static Task<IReadOnlyList<ImportedFile>> ReimportShippedAsync(NpgsqlDataSource dataSource, CancellationToken ct) =>
        ImportAsync(dataSource, ReferenceTables.All.Select(ReferenceFile.Shipped).ToList(), ct, skipLoadedShipped: false);

    /// <summary>
    /// Loads files from disk, e.g. a newer official file over the shipped one. Each file's table is chosen by its
    /// name (<c>postal_codes.csv</c>, ...); use <see cref="ReferenceFile.FromPath"/> and
    /// <see cref="ImportAsync"/> for a file with another name.
    /// </summary>
    public static Task<IReadOnlyList<ImportedFile>> ImportFilesAsync(NpgsqlDataSource dataSource, IEnumerable<string> paths, CancellationToken ct)
    {
        var files = paths.Select(path => ReferenceFile.FromPath(
            ReferenceTables.ForFileName(path) ?? throw new ReferenceDataException(Path.GetFileName(path), 0,
                $"unknown file name; expected one of {string.Join(", ", ReferenceTables.All.Select(t => t.FileName))}"),
            path)).ToList();
        return ImportAsync(dataSource, files, ct, skipLoadedShipped: false);
    }

    /// <summary>Loads <paramref name="files"/> in one transaction, in the order of <see cref="ReferenceTables.All"/>.</summary>
    public static async Task<IReadOnlyList<ImportedFile>> ImportAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<ReferenceFile> files, CancellationToken ct, bool skipLoadedShipped = true)
    {
        var ordered = files.OrderBy(f => ReferenceTables.All.ToList().IndexOf(f.Table)).ToList();
        foreach (var file in ordered) ReferenceFileCheck.Check(file); // header, values, duplicate keys: before any write

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({AdvisoryLockKey})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(ct);

        var results = new List<ImportedFile>();
        foreach (var file in ordered)
        {
            var name = file.Csv.Name;
            if (skipLoadedShipped && file.Source == ReferenceFile.ShippedSource
                && await ShippedVersionLoadedAsync(connection, transaction, file, ct))
            {
                results.Add(new ImportedFile(name, file.Csv.Rows.Count, 0, Skipped: true));
                continue;
            }
            await ReferenceFileCheck.CheckReferencesAsync(connection, transaction, file, ct);
            var changed = await UpsertAsync(connection, transaction, file, ct);
            await RecordAsync(connection, transaction, file, ct);
            results.Add(new ImportedFile(name, file.Csv.Rows.Count, changed, Skipped: false));
        }
        await transaction.CommitAsync(ct);
        return results;
    }

    private static async Task<int> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceFile file, CancellationToken ct)
    {
        var sql = file.Table.UpsertSql;
        var changed = 0;
        foreach (var chunk in file.Csv.Rows.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var row in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var (value, type) in file.Table.Parse(file.Csv.Name, row))
                    command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
            foreach (var command in batch.BatchCommands) changed += (int)command.RecordsAffected;
        }
        return changed;
    }

    private static async Task<bool> ShippedVersionLoadedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceFile file, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select 1 from reference_data_imports where file = $1 and shipped_sha256 = $2", connection, transaction);
        command.Parameters.AddWithValue(file.Table.FileName);
        command.Parameters.AddWithValue(file.Sha256);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceFile file, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into reference_data_imports (file, shipped_sha256, loaded_sha256, loaded_from, loaded_at)
            values ($1, $2, $3, $4, now())
            on conflict (file) do update set shipped_sha256 = coalesce(excluded.shipped_sha256, reference_data_imports.shipped_sha256),
                loaded_sha256 = excluded.loaded_sha256, loaded_from = excluded.loaded_from, loaded_at = excluded.loaded_at
            """, connection, transaction);
        var shipped = file.Source == ReferenceFile.ShippedSource;
        command.Parameters.AddWithValue(file.Table.FileName);
        command.Parameters.Add(new NpgsqlParameter { Value = shipped ? file.Sha256 : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(file.Sha256);
        command.Parameters.AddWithValue(file.Source);
        await command.ExecuteNonQueryAsync(ct);
    }
}
