using Dapper;
using Npgsql;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>Looks straight at the rows, to check what a request did (or did not) write.</summary>
public sealed class PostgresConnection(string connectionString)
{
    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        return (await conn.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        return (await conn.QueryAsync<T>(sql, args)).ToList();
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.ExecuteAsync(sql, args);
    }
}
