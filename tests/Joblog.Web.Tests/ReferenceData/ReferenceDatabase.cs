using Dapper;
using Joblog.Web.Tests.Infrastructure;
using Npgsql;

namespace Joblog.Web.Tests.ReferenceData;

/// <summary>A fresh migrated database for one test, and a fingerprint of every reference table's rows.</summary>
public sealed class ReferenceDatabase : IAsyncDisposable
{
    public static readonly string[] Tables =
        ["municipalities", "postal_codes", "occupations", "occupation_aliases", "organisations", "target_groups"];

    private ReferenceDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ReferenceDatabase> CreateAsync(PostgresServer server) =>
        new(NpgsqlDataSource.Create(await server.CreateDatabaseAsync()));

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    /// <summary>Per table: row count and an md5 of all rows (with their system column xmin, so a no-op update shows).</summary>
    public async Task<Dictionary<string, string>> FingerprintAsync()
    {
        var result = new Dictionary<string, string>();
        foreach (var table in Tables)
            result[table] = await ScalarAsync<string>(
                $"select count(*) || ':' || coalesce(md5(string_agg(t::text || xmin::text, '|' order by t::text)), '') from {table} t");
        return result;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
