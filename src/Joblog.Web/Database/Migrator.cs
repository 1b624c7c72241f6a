using Npgsql;

namespace Joblog.Web.Database;

/// <summary>
/// Applies the embedded <c>Database/Migrations/*.sql</c> files in ordinal order of their names, each in its
/// own transaction with its <c>schema_migrations</c> row, under an advisory lock so instances don't race.
/// </summary>
public static class Migrator
{
    /// <summary>The advisory lock key: "joblog" in ASCII.</summary>
    public const long AdvisoryLockKey = 0x6A6F626C6F67;

    private const string ResourcePrefix = "Joblog.Web.Database.Migrations.";

    /// <summary>All migrations in the order they apply; the version is the file name without <c>.sql</c>.</summary>
    public static IReadOnlyList<(string Version, string Sql)> Migrations { get; } = Load();

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, null, $"select pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(connection, null, """
                create table if not exists schema_migrations (
                    version text primary key,
                    applied_at timestamptz not null default now())
                """, ct);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var select = new NpgsqlCommand("select version from schema_migrations", connection))
            await using (var reader = await select.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }

            foreach (var (version, sql) in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await ExecuteAsync(connection, transaction, sql, ct);
                await using (var insert = new NpgsqlCommand("insert into schema_migrations (version) values ($1)", connection, transaction))
                {
                    insert.Parameters.AddWithValue(version);
                    await insert.ExecuteNonQueryAsync(ct);
                }
                await transaction.CommitAsync(ct);
                logger?.LogInformation("Applied database migration {Version}", version);
            }
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, null, $"select pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<(string, string)> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n[ResourcePrefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }
}
